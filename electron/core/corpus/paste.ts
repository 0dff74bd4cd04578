import type { ImportFile } from './ingest.js';

// Paste as a document: what the clipboard held (HTML when there was some, else plain text),
// with the title and source the person gave, made into a file the ordinary import reads, so a
// pasted document goes through the same decoding, limits and worker as any other.

export interface PastedText {
  title: string;
  source?: string | undefined;
  html?: string | undefined;
  text: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A file name from the title: words kept, everything a file system dislikes dropped. */
export function pastedFileName(title: string, ext: 'html' | 'txt'): string {
  // eslint-disable-next-line no-control-regex -- control characters are what a file name may not hold
  const base = title.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Pasted text';
  return `${base}.${ext}`;
}

export function pastedFile(p: PastedText): ImportFile {
  const title = p.title.replace(/\s+/g, ' ').trim();
  // The source is kept in the text as a labelled line ("Source: …"): provenance, which the
  // segmenter reads as furniture, so it stays out of reading, search and cards.
  const source = p.source?.trim();
  if (p.html && p.html.trim()) {
    const body = `<h1>${escapeHtml(title)}</h1>${source ? `<p>Source: ${escapeHtml(source)}</p>` : ''}${p.html}`;
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><article>${body}</article></body></html>`;
    return { name: pastedFileName(title, 'html'), bytes: new TextEncoder().encode(page) };
  }
  const text = `${title}\n\n${source ? `Source: ${source}\n\n` : ''}${p.text}`;
  return { name: pastedFileName(title, 'txt'), bytes: new TextEncoder().encode(text) };
}
