import { describe, expect, it } from 'vitest';
import { contentsOf } from '../../../renderer/src/views/reader/contents.js';

describe('contents of a structured import', () => {
  it('lists the headings down to level 3, nested under the top level, and never page furniture', () => {
    const text = 'Book\n\nChapter One\n\nIt began.\n\nA section\n\nMore.\n\nDeep\n\nChapter Two\n\nEnd.\n\n#tag';
    const at = (s: string) => text.indexOf(s);
    const p = (index: number, s: string, kind: string, level?: number) => ({ index, start: at(s), end: at(s) + s.length, kind, ...(level ? { level } : {}) });
    const passages = [
      p(0, 'Chapter One', 'heading', 1),
      p(1, 'It began.', 'paragraph'),
      p(2, 'A section', 'heading', 2),
      p(3, 'More.', 'paragraph'),
      p(4, 'Deep', 'heading', 4),
      p(5, 'Chapter Two', 'heading', 1),
      p(6, 'End.', 'paragraph'),
      p(7, '#tag', 'meta'),
    ];
    const entries = contentsOf({ text, passages });
    expect(entries.map((e) => [e.label, e.depth])).toEqual([
      ['Chapter One', 1],
      ['A section', 2],
      ['Chapter Two', 1],
    ]);
  });
});
