import { fold } from '../text/fold.js';
import { forEachWord, POSSESSIVE } from '../text/words.js';
import { stem } from '../text/stem.js';
import { stopwords } from '../text/stopwords.js';

// Search's analysis, from the one text module (electron/core/text), shared by indexing,
// querying and re-finding matches so the three always agree on what a word is: 'word'-shaped
// tokens (lunr's own tokenizer splits only on spaces and hyphens, which leaves `Russia’s`,
// `“Gripen”` and `NATO.` unreachable by the plain word), folded with apostrophes dropped,
// lunr's stop words, lunr's Porter stemmer.

/** A word in a text: its [start, end) span (possessive excluded) and its normalised form. */
export interface TextToken {
  start: number;
  end: number;
  /** Lower-case, accents folded, apostrophes removed; not stemmed. */
  norm: string;
}

const STOP = stopwords('search');

/** Fold one word to its searchable form: lower case, no accents, no apostrophes. */
export function normaliseWord(word: string): string {
  return fold(word, { apostrophes: 'drop' });
}

/** Every word of text[from, to) with its offsets into text. */
export function tokenize(text: string, from = 0, to = text.length): TextToken[] {
  const out: TextToken[] = [];
  forEachWord(text, 'word', (w, start) => {
    const word = w.length > 2 && POSSESSIVE.test(w) ? w.slice(0, -2) : w;
    const norm = normaliseWord(word);
    if (norm) out.push({ start, end: start + word.length, norm });
  }, from, to);
  return out;
}

/** Analysis of a normalised word: '' for a stop word, else its Porter stem. */
export function stemOf(norm: string): string {
  return STOP.has(norm) ? '' : stem(norm);
}

export function isStopWord(norm: string): boolean {
  return stemOf(norm) === '';
}

/** The index terms of a field value: normalised, stop words dropped, stemmed. */
export function analyse(text: string | null | undefined): string[] {
  if (!text) return [];
  const terms: string[] = [];
  forEachWord(text, 'word', (w) => {
    const norm = normaliseWord(w.length > 2 && POSSESSIVE.test(w) ? w.slice(0, -2) : w);
    const s = norm && stemOf(norm);
    if (s) terms.push(s);
  });
  return terms;
}

/** The stem a token is indexed under ('' when it is a stop word). */
export function tokenStem(t: TextToken): string {
  return stemOf(t.norm);
}
