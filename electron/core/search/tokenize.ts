import lunr from 'lunr';

// Text analysis shared by indexing, querying and re-finding matches, so the three always
// agree on what a word is. lunr's own tokenizer splits only on spaces and hyphens, which
// leaves `Russia’s`, `“Gripen”` and `NATO.` unreachable by the plain word.

/** A word in a text: its [start, end) span (possessive excluded) and its normalised form. */
export interface TextToken {
  start: number;
  end: number;
  /** Lower-case, accents folded, apostrophes removed; not stemmed. */
  norm: string;
}

// Letters, digits and combining marks, with apostrophes allowed between them (don't, O’Brien).
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
const POSSESSIVE = /['’ʼ][sS]$/;
const APOSTROPHES = /['’ʼ]/g;
const NON_ASCII = /[^\u0020-\u007e]/;
const MARKS = /\p{M}+/gu;

/** Fold one word to its searchable form: lower case, no accents, no apostrophes. */
export function normaliseWord(word: string): string {
  let w = word;
  if (NON_ASCII.test(w)) w = w.normalize('NFD').replace(MARKS, '').normalize('NFC');
  w = w.toLowerCase();
  if (w.includes("'") || w.includes('’') || w.includes('ʼ')) w = w.replace(APOSTROPHES, '');
  return w;
}

/** Every word of text[from, to) with its offsets into text. */
export function tokenize(text: string, from = 0, to = text.length): TextToken[] {
  const out: TextToken[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let word = m[0];
    const start = from + m.index;
    if (word.length > 2 && POSSESSIVE.test(word)) word = word.slice(0, -2);
    const norm = normaliseWord(word);
    if (norm) out.push({ start, end: start + word.length, norm });
  }
  return out;
}

// Analysis of a normalised word: '' for a stop word, else its lunr (Porter) stem. Words
// repeat heavily (Zipf), so a bounded cache turns most of the stemming into one lookup.
const STEM_CACHE_MAX = 300_000;
let stemCache = new Map<string, string>();

export function stemOf(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    const token = new lunr.Token(norm, {});
    s = lunr.stopWordFilter(token) === undefined ? '' : lunr.stemmer(token).toString();
    if (stemCache.size >= STEM_CACHE_MAX) stemCache = new Map();
    stemCache.set(norm, s);
  }
  return s;
}

export function isStopWord(norm: string): boolean {
  return stemOf(norm) === '';
}

/** The index terms of a field value: normalised, stop words dropped, stemmed. */
export function analyse(text: string | null | undefined): string[] {
  if (!text) return [];
  const terms: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let word = m[0];
    if (word.length > 2 && POSSESSIVE.test(word)) word = word.slice(0, -2);
    const norm = normaliseWord(word);
    if (!norm) continue;
    const stem = stemOf(norm);
    if (stem) terms.push(stem);
  }
  return terms;
}

/** The stem a token is indexed under ('' when it is a stop word). */
export function tokenStem(t: TextToken): string {
  return stemOf(t.norm);
}
