import { fold } from '../../lib/fold';

/** The parts of a DocDetail this needs. */
interface TitledText {
  title: string;
  text: string;
  passages: ReadonlyArray<{ index: number; start: number; end: number; kind: string }>;
}

/** Case, accents, quotes, dashes, spacing and end punctuation aside. */
function comparable(s: string): string {
  return fold(s.normalize('NFKC'))
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.:;,!?-]+|[\s.:;,!?-]+$/g, '');
}

/**
 * The passage index of a text's opening line when that line is the document's own title (a
 * text or Markdown file's first line, a page's or PDF's headline), else null. The reader then
 * shows the title once: that passage, drawn as the title, stays in the text where highlights,
 * search hits and links from Compare can reach it.
 */
export function titlePassageOf(doc: TitledText): number | null {
  const p = doc.passages.find((q) => q.kind !== 'meta');
  if (!p) return null;
  const title = comparable(doc.title);
  if (!title || comparable(doc.text.slice(p.start, p.end)) !== title) return null;
  // A one-passage text is its own body, title or not.
  if (!doc.passages.some((q) => q.index !== p.index && q.kind !== 'meta')) return null;
  return p.index;
}
