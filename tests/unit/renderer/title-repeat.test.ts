import { describe, expect, it } from 'vitest';
import { titlePassageOf } from '../../../renderer/src/views/reader/titleRepeat.js';

function docOf(title: string, parts: Array<[kind: string, text: string]>) {
  let text = '';
  const passages = parts.map(([kind, t], index) => {
    const start = text.length;
    text += t + '\n\n';
    return { index, start, end: start + t.length, kind };
  });
  return { title, text, passages };
}

describe('renderer reader: a text that opens with its own title', () => {
  it('finds the opening passage that repeats the title', () => {
    const doc = docOf('Parallax test dispatch from Bucharest', [
      ['heading', 'Parallax test dispatch from Bucharest'],
      ['paragraph', 'Foreign ministers met.'],
    ]);
    expect(titlePassageOf(doc)).toBe(0);
  });

  it('sees past quote style, case, spacing and end punctuation, and past page furniture before it', () => {
    const doc = docOf('“We will never recognize Russia’s illegal annexation,” the NATO allies said', [
      ['meta', 'UKRAINIAN WORLD CONGRESS'],
      ['paragraph', '"We will never recognize Russia\'s illegal  annexation," the NATO allies said.'],
      ['paragraph', 'Body.'],
    ]);
    expect(titlePassageOf(doc)).toBe(1);
  });

  it('is null when the first passage is not the title, or is all there is', () => {
    expect(titlePassageOf(docOf('A title', [['paragraph', 'A title and more words after it.'], ['paragraph', 'Body.']]))).toBeNull();
    expect(titlePassageOf(docOf('A title', [['paragraph', 'Opening.'], ['heading', 'A title']]))).toBeNull();
    expect(titlePassageOf(docOf('Only line', [['paragraph', 'Only line']]))).toBeNull();
  });
});
