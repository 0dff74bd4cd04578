import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../../electron/core/study/cards.js';

// A card from a highlight hides whole words, whatever offsets the reader's selection gave.

const cut = (text: string, from: string, to = from): string => {
  const s = text.indexOf(from);
  const e = text.indexOf(to) + to.length;
  const r = snapToWords(text, s, e);
  return text.slice(r.start, r.end);
};

describe('snapToWords', () => {
  const text = 'President-elect Donald J. Trump said NATO’s “ground-based air defence” was 40-year-old news.';
  it('widens a cut word to the whole word', () => {
    expect(cut(text, 'ald')).toBe('Donald');
    expect(cut(text, 'ound-ba')).toBe('ground-based');
    expect(cut(text, 'ATO')).toBe('NATO’s');
  });
  it('keeps hyphenated compounds whole', () => {
    expect(cut(text, 'elect')).toBe('President-elect');
    expect(cut(text, '40')).toBe('40-year-old');
  });
  it('drops spaces and punctuation at the edges', () => {
    const s = text.indexOf('“ground');
    const e = text.indexOf('defence”') + 'defence”'.length;
    expect(text.slice(...Object.values(snapToWords(text, s - 1, e + 1)) as [number, number])).toBe('ground-based air defence');
  });
  it('leaves whole words as they are', () => {
    expect(cut(text, 'Trump')).toBe('Trump');
    expect(cut(text, 'air defence')).toBe('air defence');
  });
});
