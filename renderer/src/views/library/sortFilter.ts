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
  return SORTS.some((s) => s.value === v) ? (v as SortKey) : 'published';
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Lower-case, accents and quotes folded, so "Russia’s" matches "russias". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘'"“”«»]/g, '')
    .toLowerCase();
}

export function filterDocs<D extends DocLike>(docs: readonly D[], query: string): D[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...docs];
  return docs.filter((d) => {
    const hay = fold([d.title, d.outlet ?? '', d.author ?? '', d.published ?? '', d.file].join(' '));
    return words.every((w) => hay.includes(w));
  });
}

/** A title as it is alphabetised: opening quotes and punctuation do not count. */
export function titleKey(title: string): string {
  return title.replace(/^[\p{P}\p{S}\s]+/u, '');
}

/** Sorted copy. Missing values (no date, no outlet) always go last. */
export function sortDocs<D extends DocLike>(docs: readonly D[], key: SortKey): D[] {
  const byTitle = (a: DocLike, b: DocLike) => collator.compare(titleKey(a.title), titleKey(b.title));
  const lastIfMissing = <T,>(a: T | null, b: T | null, cmp: (x: T, y: T) => number) =>
    a === null && b === null ? 0 : a === null ? 1 : b === null ? -1 : cmp(a, b);
  const cmp: Record<SortKey, (a: DocLike, b: DocLike) => number> = {
    added: (a, b) => b.addedAt.localeCompare(a.addedAt) || byTitle(a, b),
    title: byTitle,
    published: (a, b) => lastIfMissing(a.published, b.published, (x, y) => y.localeCompare(x)) || byTitle(a, b),
    outlet: (a, b) => lastIfMissing(a.outlet, b.outlet, (x, y) => collator.compare(x, y)) || byTitle(a, b),
    length: (a, b) => b.words - a.words || byTitle(a, b),
    progress: (a, b) => b.progress - a.progress || byTitle(a, b),
  };
  return [...docs].sort(cmp[key]);
}
