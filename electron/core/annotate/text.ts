// Small text helpers for annotate: search folding and snippets.

/**
 * Lower case without accents, one UTF-16 unit per input unit where possible, so "Alinața"
 * finds "alianta". (Decomposition can lengthen a string; callers only test inclusion.)
 */
export function foldForSearch(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Search words of a query, folded; quotes and punctuation at the ends of words are dropped. */
export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/**
 * A short excerpt of text around the first of the words, with the [start, end) ranges of every
 * word found inside the excerpt. Matching is per character after folding each character alone,
 * which keeps offsets in the original text.
 */
export function snippetWithMarks(text: string, words: string[], radius = 80): { snippet: string; marks: Array<[number, number]> } {
  const folded = Array.from(text, (ch) => (foldForSearch(ch).length === ch.length ? foldForSearch(ch) : ch.toLowerCase())).join('');
  const hits: Array<[number, number]> = [];
  for (const w of words) {
    for (let i = folded.indexOf(w); i !== -1; i = folded.indexOf(w, i + w.length)) hits.push([i, i + w.length]);
  }
  hits.sort((a, b) => a[0] - b[0]);
  const first = hits[0]?.[0] ?? 0;
  let from = Math.max(0, first - radius);
  let to = Math.min(text.length, first + radius * 2);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < first) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  const lead = from > 0 ? '…' : '';
  const snippet = lead + text.slice(from, to).replace(/\s+/gu, ' ') + (to < text.length ? '…' : '');
  // Whitespace collapsing changes offsets; recompute marks on the collapsed excerpt.
  const foldedSnippet = Array.from(snippet, (ch) => (foldForSearch(ch).length === ch.length ? foldForSearch(ch) : ch.toLowerCase())).join('');
  const marks: Array<[number, number]> = [];
  for (const w of words) {
    for (let i = foldedSnippet.indexOf(w); i !== -1; i = foldedSnippet.indexOf(w, i + w.length)) marks.push([i, i + w.length]);
  }
  marks.sort((a, b) => a[0] - b[0]);
  return { snippet, marks };
}
