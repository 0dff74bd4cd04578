// A tiny PDF writer for tests: pages of text lines in Helvetica at given positions, built byte
// by byte (objects, content streams, xref table), so the tests need no fixture files.

export interface PdfLine {
  x: number;
  y: number;
  size: number;
  text: string;
}

export interface PdfPage {
  lines: PdfLine[];
  /** Draw a filled rectangle (a stand-in for a scanned image) instead of or besides text. */
  rect?: boolean;
}

export interface PdfOptions {
  title?: string;
  author?: string;
  /** Extra entries for the trailer (e.g. an /Encrypt reference). */
  trailerExtra?: string;
  extraObjects?: string[];
}

/**
 * A report page: a running header (9 pt), the page number at the foot, then paragraphs of
 * 11 pt lines, each paragraph a list of lines; `extra` lines (titles, headings) are added as given.
 */
export function reportPage(header: string, n: number, paragraphs: string[][], extra: PdfLine[] = []): PdfPage {
  const lines: PdfLine[] = [{ x: 72, y: 760, size: 9, text: header }, { x: 300, y: 30, size: 9, text: String(n) }, ...extra];
  let y = 640;
  for (const para of paragraphs) {
    for (const text of para) {
      lines.push({ x: 72, y, size: 11, text });
      y -= 14;
    }
    y -= 12;
  }
  return { lines };
}

const esc = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);

export function buildPdf(pages: PdfPage[], opts: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const p of pages) {
    let stream = '';
    if (p.rect) stream += '0.5 g 50 50 500 700 re f\n';
    for (const l of p.lines) stream += `BT /F1 ${l.size} Tf ${l.x} ${l.y} Td (${esc(l.text)}) Tj ET\n`;
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  for (const extra of opts.extraObjects ?? []) add(extra);
  const infoParts: string[] = [];
  if (opts.title) infoParts.push(`/Title (${esc(opts.title)})`);
  if (opts.author) infoParts.push(`/Author (${esc(opts.author)})`);
  const info = infoParts.length ? add(`<< ${infoParts.join(' ')} >>`) : 0;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${opts.trailerExtra ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
