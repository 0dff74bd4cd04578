import { ParallaxError } from '../../errors.js';
import type { DecodedBlock } from '../blocks.js';
import { findDates } from '../dates.js';

// A PDF as blocks (see blocks.ts), from its text layer with pdf.js (Mozilla's PDF.js, legacy
// Node build; its "fake worker" runs in this thread, so the import worker that calls us is the
// thread that works). Lines are rebuilt from positioned text items, joined into paragraphs
// (end-of-line hyphenation undone), large lines become headings, running headers, footers and
// page numbers are dropped, and every block keeps the label of the page it starts on.

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

interface PageLines {
  label: string;
  lines: Line[];
  height: number;
}

export interface PdfProgress {
  (done: number, total: number): void;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Items of one page grouped into lines (same baseline), top to bottom, left to right. */
function linesOf(items: TextItem[]): Line[] {
  const rows: Array<{ y: number; size: number; parts: Array<{ x: number; str: string; width: number }> }> = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || it.str.length === 0) continue;
    const x = it.transform[4] ?? 0;
    const y = it.transform[5] ?? 0;
    const size = Math.abs(it.transform[3] ?? it.height) || it.height || 10;
    const row = rows.find((r) => Math.abs(r.y - y) <= Math.max(2, size * 0.4));
    if (row) {
      row.parts.push({ x, str: it.str, width: it.width });
      row.size = Math.max(row.size, size);
    } else rows.push({ y, size, parts: [{ x, str: it.str, width: it.width }] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((r) => {
    r.parts.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const p of r.parts) {
      // A visible gap between items is a space the PDF did not write.
      if (text.length > 0 && !/\s$/.test(text) && !/^\s/.test(p.str) && p.x - end > r.size * 0.15) text += ' ';
      text += p.str;
      end = p.x + p.width;
    }
    const first = r.parts[0]!;
    return { text: text.replace(/\s+/g, ' ').trim(), x: first.x, y: r.y, size: r.size, width: end - first.x };
  }).filter((l) => l.text.length > 0);
}

const PAGE_NUMBER = /^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—(]?\s*(?:\d{1,4}|[ivxlcdm]{1,6})\s*[-–—)]?(?:\s*(?:of|\/|de|von)\s*\d{1,4})?$/i;
const shape = (s: string): string => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Running headers and footers: lines near the top or bottom of the page whose shape (digits
 * aside) recurs on many pages, and lone page numbers there.
 */
function dropFurniture(pages: PageLines[]): void {
  const counts = new Map<string, number>();
  const edge = (p: PageLines, l: Line): boolean => l.y > p.height * 0.9 || l.y < p.height * 0.1;
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (edge(p, l)) seen.add(shape(l.text));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const minRepeats = Math.max(2, Math.ceil(pages.length * 0.4));
  for (const p of pages) {
    p.lines = p.lines.filter((l) => !(edge(p, l) && (PAGE_NUMBER.test(l.text) || (pages.length >= 3 && (counts.get(shape(l.text)) ?? 0) >= minRepeats))));
  }
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const ENDS_SENTENCE = /[.!?:;…]["'”’»)\]]*$/u;

function joinLine(paragraph: string, line: string): string {
  // "hyphen-" + "ated": the word was broken at the line's end. "well-" + "Known" stays hyphenated.
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

/** Paragraphs and headings of the whole document, each with the page label it starts on. */
function toBlocks(pages: PageLines[]): DecodedBlock[] {
  const all = pages.flatMap((p) => p.lines);
  const body = median(all.map((l) => l.size)) || 10;
  const gaps: number[] = [];
  for (const p of pages) for (let i = 1; i < p.lines.length; i++) gaps.push(p.lines[i - 1]!.y - p.lines[i]!.y);
  const lineGap = median(gaps.filter((g) => g > 0)) || body * 1.2;
  const fullWidth = median(all.map((l) => l.width).filter((w) => w > 0)) || 1;
  const leftEdge = median(all.map((l) => l.x));
  const headingSizes = [...new Set(all.filter((l) => l.size >= body * 1.2).map((l) => Math.round(l.size)))].sort((a, b) => b - a);

  const blocks: DecodedBlock[] = [];
  let para: { text: string; page: string } | null = null;
  let prev: Line | null = null;
  const flush = (): void => {
    if (para && para.text.trim()) blocks.push({ kind: 'paragraph', text: para.text, page: para.page });
    para = null;
  };
  for (const p of pages) {
    let first = true;
    for (const l of p.lines) {
      if (l.size >= body * 1.2 && l.text.length <= 200) {
        const level = Math.min(6, headingSizes.indexOf(Math.round(l.size)) + 1) || 1;
        const last = blocks[blocks.length - 1];
        // A heading broken over two lines of the same size is one heading.
        if (!para && last?.kind === 'heading' && last.level === level && prev && prev.size === l.size && prev.y - l.y < l.size * 1.6) last.text += ` ${l.text}`;
        else {
          flush();
          blocks.push({ kind: 'heading', level, text: l.text, page: p.label });
        }
        prev = l;
        first = false;
        continue;
      }
      let newPara = para === null;
      if (para && prev) {
        const gap = first ? 0 : prev.y - l.y;
        const indented = l.x > leftEdge + body * 1.2 && l.x - leftEdge < fullWidth * 0.3;
        const shortPrev = prev.width < fullWidth * 0.8 && ENDS_SENTENCE.test(prev.text);
        const startsLower = /^\p{Ll}/u.test(l.text);
        if (first) newPara = ENDS_SENTENCE.test(para.text) && !startsLower;
        else newPara = gap > lineGap * 1.45 || (indented && !startsLower) || (shortPrev && !startsLower);
      }
      if (newPara) {
        flush();
        para = { text: l.text, page: p.label };
      } else if (para) para.text = joinLine(para.text, l.text);
      prev = l;
      first = false;
    }
  }
  flush();
  return blocks;
}

function pdfDate(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(s);
  if (m) return findDates(`${m[1]}-${m[2]}-${m[3]}`)[0]?.iso ?? null;
  return findDates(s)[0]?.iso ?? null;
}

function cleanTitle(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/^Microsoft (?:Word|PowerPoint) - /i, '').replace(/\.(?:docx?|pptx?|pdf|odt)$/i, '').replace(/\s+/g, ' ').trim();
  if (t.length < 3 || /^(?:untitled|document\d*|slide \d+)$/i.test(t)) return null;
  return t;
}

export interface DecodedPdf {
  blocks: DecodedBlock[];
  title: string | null;
  author: string | null;
  published: string | null;
  pages: number;
}

/** Read a PDF's text layer. Refuses, naming the file, an encrypted PDF, a scan without text, or a broken file. */
export async function decodePdf(name: string, bytes: Uint8Array, onProgress?: PdfProgress): Promise<DecodedPdf> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given: pass a copy so the caller's bytes stay whole.
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, stopAtErrors: false, verbosity: 0 });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException') {
      throw new ParallaxError('ENCRYPTED_FILE', `${name} is an encrypted PDF (it needs a password to open). Remove the password in a PDF reader, save a copy and import that.`, { cause: e });
    }
    throw new ParallaxError('MALFORMED_FILE', `${name} is not a readable PDF (${err.message ?? 'the file structure is damaged'}). Open it in a PDF reader and save or print it to a new PDF, then import that.`, { cause: e });
  }
  try {
    const labels = (await doc.getPageLabels().catch(() => null)) as string[] | null;
    const pages: PageLines[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const [, , , top] = page.view;
      pages.push({ label: labels?.[i - 1] || String(i), lines: linesOf(content.items as TextItem[]), height: top ?? 792 });
      page.cleanup();
      onProgress?.(i, doc.numPages);
    }
    const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
    if (chars < 20) {
      throw new ParallaxError('NO_TEXT_LAYER', `${name} has no text layer (a scan?); Parallax doesn't do OCR. Run it through an OCR tool that adds a text layer, then import the result.`);
    }
    dropFurniture(pages);
    const blocks = toBlocks(pages);
    const meta = (await doc.getMetadata().catch(() => null)) as { info?: Record<string, unknown> } | null;
    const info = meta?.info ?? {};
    const firstHeading = blocks.find((b) => b.kind === 'heading' && (b.page ?? '') === pages[0]?.label);
    const title = cleanTitle(info.Title) ?? firstHeading?.text ?? null;
    // The title opens the text as its top heading, as for every other format.
    if (title && !(blocks[0]?.kind === 'heading' && blocks[0].text === title)) blocks.unshift({ kind: 'heading', level: 1, text: title, page: pages[0]?.label ?? '1' });
    const author = typeof info.Author === 'string' && info.Author.trim() ? info.Author.trim().slice(0, 200) : null;
    return { blocks, title, author, published: pdfDate(info.CreationDate), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
