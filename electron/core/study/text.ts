import { createHash } from 'node:crypto';

// Small text helpers shared by the study modules: tokens with offsets, folding for
// comparison, stopwords, fingerprints.

export interface Token {
  text: string;
  /** Lower-cased, accents and curly apostrophes folded. */
  norm: string;
  start: number;
  end: number;
}

// A word: letters/digits, with inner apostrophes, hyphens and dots (U.S., MiG-29, 2,000).
const WORD_RE = /[\p{L}\p{N}]+(?:(?:[’'-]|(?<=\p{N})[.,](?=\p{N})|(?<=(?:^|[^\p{L}])\p{L})\.(?=\p{L}\.))[\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const t = m[0];
    out.push({ text: t, norm: fold(t), start: m.index, end: m.index + t.length });
  }
  return out;
}

const ASCII_RE = /^[\x20-\x5f\x61-\x7e]*$/;

/** Lower case, no accents, straight apostrophes: the form words are compared in. */
export function fold(s: string): string {
  if (ASCII_RE.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .toLowerCase();
}

/** A whole phrase folded for comparison: punctuation dropped, spaces collapsed. */
export function foldPhrase(s: string): string {
  return fold(s)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could ' +
    'did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into ' +
    'is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should ' +
    'so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were ' +
    'what when where which while who whom why will with would you your yours yourself yourselves us shall may might must upon within without ' +
    'said says say told today yesterday tomorrow whose one ever even still yet via per among amid onto across toward towards'
  ).split(' '),
);

export const ARTICLES = new Set(['a', 'an', 'the']);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(fold(word));
}

/** Content words of a text, folded, with a light plural strip, for overlap measures. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t.norm) || t.norm.length < 2) continue;
    out.push(stem(t.norm));
  }
  return out;
}

/** Just enough stemming to let "annexation"/"annexations", "ally"/"allies" meet. */
export function stem(w: string): string {
  let s = w.replace(/'s$/, '');
  if (s.length > 4 && s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  return s;
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
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
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
