// The tokenizer: words of a text with their [start, end) offsets into it. What joins two runs of
// letters into one word depends on what the consumer does with words, so that is a named shape
// of this one tokenizer, not a tokenizer per feature:
//   'word'      letters, digits and marks joined by apostrophes only ("don't", "O’Brien").
//               Search: a hyphenated compound is found by either half.
//   'compound'  also hyphens, dots and '&' ("MiG-29", "U.N.", "AT&T"). Alignment: a compound
//               or abbreviation is one term, folded later ("U.N." = "UN").
//   'lexical'   apostrophes and hyphens, digits with separators ("2,000", "2.5") and initialisms
//               ("U.S."), but not a dot between two words. Study: whole words for blanks.

export type WordShape = 'word' | 'compound' | 'lexical';

const SHAPES: Record<WordShape, RegExp> = {
  word: /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu,
  compound: /[\p{L}\p{N}]+(?:[’'.\-‐‑&][\p{L}\p{N}]+)*/gu,
  lexical: /[\p{L}\p{N}]+(?:(?:[’'-]|(?<=\p{N})[.,](?=\p{N})|(?<=(?:^|[^\p{L}])\p{L})\.(?=\p{L}\.))[\p{L}\p{N}]+)*/gu,
};

export interface WordSpan {
  start: number;
  end: number;
  /** The word as written: text.slice(start, end). */
  text: string;
}

/**
 * Calls `visit` for every word of text[from, to) in the given shape, with offsets into `text`
 * plus `offset` (for callers that pass a slice of a larger text). The allocation-free form, for
 * the indexer's hot loop.
 */
export function forEachWord(
  text: string,
  shape: WordShape,
  visit: (word: string, start: number) => void,
  from = 0,
  to = text.length,
  offset = 0,
): void {
  const re = SHAPES[shape];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const base = from + offset;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) visit(m[0], base + m.index);
}

/** Every word of text[from, to) in the given shape, as spans (see forEachWord). */
export function words(text: string, shape: WordShape, from = 0, to = text.length, offset = 0): WordSpan[] {
  const out: WordSpan[] = [];
  forEachWord(text, shape, (word, start) => out.push({ start, end: start + word.length, text: word }), from, to, offset);
  return out;
}

/** The possessive ending of a word ("Russia’s"), which search and alignment leave out. */
export const POSSESSIVE = /['’ʼ][sS]$/;

// Counting needs no spans; it runs on every document ingested, so it is a character loop over
// the same idea of a word as 'lexical' (letters, digits and marks; an apostrophe, hyphen, dot or
// comma between two word characters does not end the word).
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) ?? c));
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && isWordChar(text, i - 1);
  return WORD_CHAR.test(text.charAt(i));
}

function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 45 || c === 0x2010;
}

/** How many words a text has (reading time, document lists). */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text, i)) {
      if (!inWord) n++;
      inWord = true;
    } else if (!(inWord && isJoiner(text.charCodeAt(i)) && i + 1 < text.length && isWordChar(text, i + 1))) {
      inWord = false;
    }
  }
  return n;
}
