// Word boundaries for selections: a drag that starts or ends inside a word takes the whole word,
// as Kindle and Readwise do. Intl.Segmenter knows words in every script the browser knows (no
// spaces in Chinese or Thai, apostrophes in "don't", hyphens), so no hand-written regex guesses.

export interface OffsetRange {
  start: number;
  end: number;
}

/** Characters either side of a point that are segmented; words longer than this are not split. */
const WINDOW = 80;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale || undefined, { granularity: 'word' });
    segmenters.set(key, s);
  }
  return s;
}

/** The word-like segment containing position `at` (a character index), or null. */
function wordAround(text: string, at: number, locale?: string): OffsetRange | null {
  if (at < 0 || at >= text.length) return null;
  const from = Math.max(0, at - WINDOW);
  const slice = text.slice(from, Math.min(text.length, at + WINDOW));
  const seg = segmenter(locale).segment(slice).containing(at - from);
  if (!seg || !seg.isWordLike) return null;
  return { start: from + seg.index, end: from + seg.index + seg.segment.length };
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);

/**
 * Snap [start, end) of `text` to whole words: a start inside a word moves back to the word's
 * start, an end inside a word moves on to the word's end, and whitespace at either edge is
 * dropped. Punctuation the person selected is kept. A range with no word in it is returned
 * trimmed of whitespace only (never empty if it was not all whitespace).
 */
export function snapToWords(text: string, start: number, end: number, locale?: string): OffsetRange {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (s >= e) return { start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(end, text.length)) };
  const first = wordAround(text, s, locale);
  if (first && first.start < s) s = first.start;
  // The last selected character is e - 1: if it sits in a word that goes on, take the rest.
  const last = wordAround(text, e - 1, locale);
  if (last && last.end > e) e = last.end;
  return { start: s, end: e };
}
