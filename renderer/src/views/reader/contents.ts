/** The parts of a DocDetail the table of contents needs. */
export interface ContentsSource {
  text: string;
  words: number;
  passages: ReadonlyArray<{ index: number; start: number; end: number; kind: string; level?: number }>;
}

export interface ContentsEntry {
  start: number;
  label: string;
  kind: 'heading' | 'passage';
  passageIndex: number;
  /** Nesting depth for display: 1 for a chapter or top heading, 2 for a section under it. */
  depth: number;
}

// An imported book or report (EPUB chapters, DOCX or HTML headings) carries heading levels:
// its contents are its headings down to this level, nested.
const MAX_TOC_LEVEL = 3;

/** A document is "long" when a table of passages helps more than it distracts. */
export function isLong(doc: Pick<ContentsSource, 'words' | 'passages'>): boolean {
  return doc.words >= 1000 || doc.passages.length >= 30;
}

function firstWords(s: string, n: number): string {
  const words = s.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= n ? words.join(' ') : `${words.slice(0, n).join(' ')}…`;
}

/** Headings structure a text when there are a few and they are spread through it. */
function headingsStructure(doc: Pick<ContentsSource, 'text' | 'passages'>): boolean {
  const headings = doc.passages.filter((p) => p.kind === 'heading');
  if (headings.length < 3) return false;
  const span = headings[headings.length - 1].start - headings[0].start;
  return span >= doc.text.length * 0.4;
}

/**
 * Headings when they structure the document; otherwise every passage (not metadata lines),
 * labelled with its opening words.
 */
export function contentsOf(doc: Pick<ContentsSource, 'text' | 'passages'>): ContentsEntry[] {
  const leveled = doc.passages.filter((p) => p.kind === 'heading' && p.level !== undefined && p.level <= MAX_TOC_LEVEL);
  if (leveled.length >= 2) {
    const top = Math.min(...leveled.map((p) => p.level ?? 1));
    return leveled.map((p) => ({
      start: p.start,
      passageIndex: p.index,
      kind: 'heading',
      depth: (p.level ?? top) - top + 1,
      label: firstWords(doc.text.slice(p.start, p.end), 14),
    }));
  }
  const chosen = headingsStructure(doc) ? doc.passages.filter((p) => p.kind === 'heading') : doc.passages.filter((p) => p.kind !== 'meta');
  return chosen.map((p) => ({
    start: p.start,
    passageIndex: p.index,
    kind: p.kind === 'heading' ? 'heading' : 'passage',
    depth: 1,
    label: firstWords(doc.text.slice(p.start, p.end), p.kind === 'heading' ? 14 : 8),
  }));
}

/** Index of the entry the reader is in: the last one starting at or before `offset`. */
export function currentEntry(entries: readonly ContentsEntry[], offset: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  let found = entries.length ? 0 : -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
