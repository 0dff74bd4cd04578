import { describe, expect, it } from 'vitest';
import { contentsOf, currentEntry, isLong } from '../../../renderer/src/views/reader/contents.js';

function docOf(parts: Array<[kind: string, text: string]>) {
  let text = '';
  const passages = parts.map(([kind, t], index) => {
    const start = text.length;
    text += t + '\n\n';
    return { index, start, end: start + t.length, kind };
  });
  return { text, passages, words: text.split(/\s+/).length };
}

describe('renderer reader: table of contents', () => {
  it('uses headings when a few are spread through the text', () => {
    const body = 'word '.repeat(60).trim();
    const doc = docOf([
      ['heading', 'One'],
      ['paragraph', body],
      ['heading', 'Two'],
      ['paragraph', body],
      ['heading', 'Three'],
      ['paragraph', body],
    ]);
    expect(contentsOf(doc).map((e) => e.label)).toEqual(['One', 'Two', 'Three']);
  });

  it('lists passages by their opening words when headings do not structure the text', () => {
    const doc = docOf([
      ['heading', 'Title'],
      ['meta', 'date 2022-11-29'],
      ['paragraph', 'The NATO Foreign Ministers adopted a joint statement in Bucharest today'],
      ['paragraph', 'Short one.'],
    ]);
    const entries = contentsOf(doc);
    expect(entries.map((e) => e.label)).toEqual(['Title', 'The NATO Foreign Ministers adopted a joint statement…', 'Short one.']);
    expect(entries.every((e) => doc.text.startsWith(e.label.replace('…', ''), e.start))).toBe(true);
  });

  it('finds the entry the reader is in', () => {
    const entries = [0, 100, 200].map((start, i) => ({ start, label: String(i), kind: 'passage' as const, passageIndex: i, depth: 1 }));
    expect(currentEntry(entries, 0)).toBe(0);
    expect(currentEntry(entries, 150)).toBe(1);
    expect(currentEntry(entries, 5000)).toBe(2);
    expect(currentEntry([], 10)).toBe(-1);
  });

  it('calls a document long by words or passages', () => {
    expect(isLong({ words: 1288, passages: [] })).toBe(true);
    expect(isLong({ words: 300, passages: new Array(10).fill({ index: 0, start: 0, end: 0, kind: 'paragraph' }) })).toBe(false);
  });
});
