import { strToU8, zipSync } from 'fflate';
import { decodeImportFile } from '../../electron/core/corpus/decode.js';
import { assembleBlocks } from '../../electron/core/corpus/blocks.js';
import { segmentStructured } from '../../electron/core/corpus/segment.js';
import { rng } from '../corpus.js';
import { buildPdf, type PdfPage } from '../pdfgen.js';

// Import cost of large files in the new formats: a generated 500-page PDF (running header,
// page numbers, ~40 lines a page) and a ~20 MB EPUB (200 chapters). Measures decoding plus the
// layout and segmentation an import does (the DB write is the same as any import's), with the
// process's peak RSS.

const WORDS = 'the ministers met in bucharest to discuss energy support winter allies agreed plan statement security defence ukraine resilience partners'.split(' ');

function sentence(rand: () => number): string {
  const n = 10 + Math.floor(rand() * 14);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const s = w.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function bigPdf(pages: number): Uint8Array {
  const rand = rng(11);
  const out: PdfPage[] = [];
  for (let p = 1; p <= pages; p++) {
    const lines = [
      { x: 72, y: 760, size: 9, text: 'Generated Report - Parallax bench' },
      { x: 300, y: 30, size: 9, text: String(p) },
    ];
    if (p % 10 === 1) lines.push({ x: 72, y: 720, size: 16, text: `Section ${Math.ceil(p / 10)}` });
    for (let y = 690; y > 80; y -= 14) lines.push({ x: 72, y, size: 11, text: sentence(rand).slice(0, 90) });
    out.push({ lines });
  }
  return buildPdf(out, { title: 'Generated Report' });
}

function bigEpub(targetBytes: number): Uint8Array {
  const rand = rng(12);
  const files: Record<string, Uint8Array> = {
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>'),
  };
  const chapters = 200;
  const perChapter = Math.ceil(targetBytes / chapters);
  const items: string[] = [];
  for (let c = 1; c <= chapters; c++) {
    let body = `<h1>Chapter ${c}</h1>`;
    while (body.length < perChapter) body += `<p>${sentence(rand)} ${sentence(rand)} <em>${sentence(rand)}</em></p>`;
    files[`ch${c}.xhtml`] = strToU8(`<html><body>${body}</body></html>`);
    items.push(`<item id="c${c}" href="ch${c}.xhtml" media-type="application/xhtml+xml"/>`);
  }
  files['content.opf'] = strToU8(
    `<package><metadata><dc:title>Big Book</dc:title></metadata><manifest>${items.join('')}</manifest><spine>${items.map((_, i) => `<itemref idref="c${i + 1}"/>`).join('')}</spine></package>`,
  );
  // Stored, not deflated, so the file is ~20 MB on disk as well as unpacked.
  return zipSync(files, { level: 0 });
}

async function measure(name: string, bytes: Uint8Array): Promise<{ ms: number; passages: number; peakRssMB: number }> {
  const t0 = performance.now();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const d = await decodeImportFile(name, bytes);
    const laid = assembleBlocks(d.blocks ?? []);
    const seg = segmentStructured(laid.text, laid.passages);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms: Math.round(performance.now() - t0), passages: seg.passages.length, peakRssMB: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const pdf = bigPdf(500);
  const p = await measure('big.pdf', pdf);
  const epub = bigEpub(20 * 1024 * 1024 - 512 * 1024);
  const e = await measure('big.epub', epub);
  return {
    'pdf500.sizeMB': Number((pdf.length / 1024 / 1024).toFixed(1)),
    'pdf500.importMs': p.ms,
    'pdf500.passages': p.passages,
    'pdf500.peakRssMB': p.peakRssMB,
    'epub20.sizeMB': Number((epub.length / 1024 / 1024).toFixed(1)),
    'epub20.importMs': e.ms,
    'epub20.passages': e.passages,
    'epub20.peakRssMB': e.peakRssMB,
  };
}
