import { fold } from '../../lib/fold';

/** The fields of a DocLike that sorting and filtering look at. */
export interface DocLike {
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  file: string;
  words: number;
  addedAt: string;
  progress: number;
}

export type SortKey = 'added' | 'title' | 'published' | 'outlet' | 'length' | 'progress';

export const SORTS: Array<{ value: SortKey; label: string }> = [
  { value: 'added', label: 'Recently added' },
  { value: 'published', label: 'Date published' },
  { value: 'title', label: 'Title' },
  { value: 'outlet', label: 'Outlet' },
  { value: 'length', label: 'Length' },
  { value: 'progress', label: 'Reading progress' },
];

export function asSortKey(v: string): SortKey {
  return SORTS.find((s) => s.value === v)?.value ?? 'published';
}


// Both run on every keystroke and every sort change over the whole library (10,000 documents
// and more), so each document's folded text and sort keys are computed once per document object
// (the list from the api keeps its objects until it is reloaded) and comparisons only compare.

const haystacks = new WeakMap<DocLike, string>();
function haystackOf(d: DocLike): string {
  let h = haystacks.get(d);
  if (h === undefined) {
    h = fold([d.title, d.outlet ?? '', d.author ?? '', d.published ?? '', d.file].join(' '));
    haystacks.set(d, h);
  }
  return h;
}

export function filterDocs<D extends DocLike>(docs: readonly D[], query: string): D[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...docs];
  return docs.filter((d) => {
    const hay = haystackOf(d);
    return words.every((w) => hay.includes(w));
  });
}

/** A title as it is alphabetised: opening quotes and punctuation do not count. */
export function titleKey(title: string): string {
  return title.replace(/^[\p{P}\p{S}\s]+/u, '');
}

/**
 * A string that sorts, with plain < and >, as a person alphabetises: case, accents and quotes
 * ignored, numbers by value ("report 9" before "report 10"). Intl.Collator does the same but
 * costs about a microsecond per comparison, a fifth of a second for one sort of 10,000 titles.
 */
export function sortKey(s: string): string {
  return fold(s).replace(/\d+/g, (n) => n.replace(/^0+(?=\d)/, '').padStart(12, '0'));
}

interface Keys {
  title: string;
  outlet: string | null;
}
const keys = new WeakMap<DocLike, Keys>();
function keysOf(d: DocLike): Keys {
  let k = keys.get(d);
  if (!k) {
    k = { title: sortKey(titleKey(d.title)), outlet: d.outlet === null ? null : sortKey(d.outlet) };
    keys.set(d, k);
  }
  return k;
}

const ascending = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Each document's place in title order, worked out once per list (the list from the api keeps
 * its identity until it is reloaded): every sort breaks ties by title, and comparing two ranks
 * is cheaper than comparing two strings.
 */
const titleRanks = new WeakMap<readonly DocLike[], Map<DocLike, number>>();
function titleRankOf(docs: readonly DocLike[]): Map<DocLike, number> {
  let ranks = titleRanks.get(docs);
  if (!ranks) {
    const byTitle = docs.map((d) => ({ d, k: keysOf(d).title })).sort((a, b) => ascending(a.k, b.k));
    ranks = new Map(byTitle.map((x, i) => [x.d, i]));
    titleRanks.set(docs, ranks);
  }
  return ranks;
}

/** Sorted copy. Missing values (no date, no outlet) always go last. */
export function sortDocs<D extends DocLike>(docs: readonly D[], key: SortKey): D[] {
  // Decorated once, so a comparison touches only plain fields (no map lookups, no collator).
  const ranks = titleRankOf(docs);
  type Row = { d: D; title: number; outlet: string | null };
  const rows: Row[] = docs.map((d) => ({ d, title: ranks.get(d) ?? 0, outlet: keysOf(d).outlet }));
  const byTitle = (a: Row, b: Row) => a.title - b.title;
  const lastIfMissing = <T,>(a: T | null, b: T | null, cmp: (x: T, y: T) => number) =>
    a === null && b === null ? 0 : a === null ? 1 : b === null ? -1 : cmp(a, b);
  // ISO dates compare as plain strings, newest first.
  const newestFirst = (x: string, y: string) => ascending(y, x);
  const cmp: Record<SortKey, (a: Row, b: Row) => number> = {
    added: (a, b) => newestFirst(a.d.addedAt, b.d.addedAt) || byTitle(a, b),
    title: byTitle,
    published: (a, b) => lastIfMissing(a.d.published, b.d.published, newestFirst) || byTitle(a, b),
    outlet: (a, b) => lastIfMissing(a.outlet, b.outlet, ascending) || byTitle(a, b),
    length: (a, b) => b.d.words - a.d.words || byTitle(a, b),
    progress: (a, b) => b.d.progress - a.d.progress || byTitle(a, b),
  };
  return rows.sort(cmp[key]).map((r) => r.d);
}
