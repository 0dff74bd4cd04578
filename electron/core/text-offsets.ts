import { ParallaxError } from './errors.js';

// Offsets are JavaScript string indices (UTF-16 code units). An offset between the two halves
// of a surrogate pair (most emoji, rarer CJK) or inside a grapheme cluster (a letter and its
// combining accent, an emoji ZWJ sequence, a flag) names no real position: text cut there is
// invalid UTF-16 or a stray accent, and exports carry it on. Every place an offset comes in
// (highlights, cards from highlights, W3C import) refuses such a range the same way.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Longest grapheme cluster looked at around an offset (family emoji are ~11 code units). */
const WINDOW = 64;

/** Is `offset` between two characters a person sees (a grapheme boundary) in `text`? */
export function isCharacterBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const hi = text.charCodeAt(offset - 1);
  const lo = text.charCodeAt(offset);
  if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) return false;
  const from = Math.max(0, offset - WINDOW);
  for (const seg of segmenter.segment(text.slice(from, Math.min(text.length, offset + WINDOW)))) {
    const at = from + seg.index;
    if (at === offset) return true;
    if (at > offset) return false;
    if (at + seg.segment.length > offset) return false;
  }
  return true;
}

/** Refuse a [start, end) range of `text` that begins or ends inside a character, with INVALID_INPUT. */
export function assertWholeCharacters(text: string, start: number, end: number): void {
  for (const [which, at] of [
    ['starts', start],
    ['ends', end],
  ] as const) {
    if (!isCharacterBoundary(text, at)) {
      throw new ParallaxError(
        'INVALID_INPUT',
        `The selection ${start}–${end} ${which} inside a character (such as an emoji or an accented letter) at offset ${at}. Select the words again.`,
      );
    }
  }
}

/** No lone surrogate: the text is valid Unicode (half an emoji cannot be stored or exported). */
export function isWellFormedText(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}
