import { createHash } from 'node:crypto';
import { fold as foldText } from '../text/fold.js';
import { stem as porterStem } from '../text/stem.js';
import { stopwords } from '../text/stopwords.js';
import { words } from '../text/words.js';

// Small text helpers shared by the study modules: tokens with offsets, folding for
// comparison, stopwords, fingerprints. The analysis itself (word shape, folding, stop words,
// stemmer) is the one text module's, electron/core/text, with study's named options.

export interface Token {
  readonly text: string;
  /** Lower-cased, accents and curly apostrophes folded. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A small memo for the pure text functions below: generation asks about the same sentences,
 * phrases and words many times over (each candidate blank, each hygiene rule, each related
 * document), and a library of a thousand documents made this a third of the work.
 */
function memo<T>(limit: number, fn: (s: string) => T): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const v = fn(s);
    if (cache.size >= limit) cache = new Map();
    cache.set(s, v);
    return v;
  };
}

/** The words of a text with their offsets (shared between callers: read-only). */
export const tokenize: (text: string) => readonly Token[] = memo(20_000, (text) =>
  Object.freeze(words(text, 'lexical').map((w) => Object.freeze({ text: w.text, norm: fold(w.text), start: w.start, end: w.end }))),
);

/** Lower case, no accents, straight apostrophes: the form words are compared in. */
export const fold: (s: string) => string = memo(100_000, (s) => foldText(s, { apostrophes: 'straight', compatibility: true }));

/** A whole phrase folded for comparison: punctuation dropped, spaces collapsed. */
export const foldPhrase: (s: string) => string = memo(50_000, (s) =>
  fold(s)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);

/** Study's stop words: the one list, whole (study compares short sentences and phrases). */
export const STOPWORDS: ReadonlySet<string> = stopwords('overlap');

export const ARTICLES = new Set(['a', 'an', 'the']);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(fold(word));
}

/** Content words of a text, folded and stemmed, for overlap measures. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t.norm) || t.norm.length < 2) continue;
    out.push(stem(t.norm));
  }
  return out;
}

/** The one stemmer (Porter), possessive first removed, so "annexation"/"annexations", "ally"/"allies" meet. */
export function stem(w: string): string {
  return porterStem(w.replace(/'s$/, ''));
}

export function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

/** Levenshtein distance, bounded: returns max + 1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return (prev[b.length] ?? 0);
}

/** |A ∩ B| / |A ∪ B| over sets of words. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

/** |A ∩ B| / min(|A|, |B|): high when one statement is contained in the other. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const min = Math.min(a.size, b.size);
  if (min === 0) return 0;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) inter++;
  return inter / min;
}

export function wordCount(text: string): number {
  return tokenize(text).length;
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
