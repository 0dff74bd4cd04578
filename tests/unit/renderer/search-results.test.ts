import { describe, expect, it } from 'vitest';
import { groupHits, snippetParts } from '../../../renderer/src/search/results.js';

describe('renderer search results', () => {
  it('groups hits by document in order of each document’s best hit', () => {
    const hits = [
      { docId: 'a', title: 'A', start: 50 },
      { docId: 'b', title: 'B', start: 1 },
      { docId: 'a', title: 'A', start: 10 },
    ];
    const groups = groupHits(hits);
    expect(groups.map((g) => g.docId)).toEqual(['a', 'b']);
    expect(groups[0].hits.map((h) => h.start)).toEqual([50, 10]);
  });

  it('marks the matched words of a snippet', () => {
    expect(snippetParts('with SAAB JAS 39 Gripen fighters', [[17, 23]])).toEqual([
      { text: 'with SAAB JAS 39 ', marked: false },
      { text: 'Gripen', marked: true },
      { text: ' fighters', marked: false },
    ]);
  });

  it('merges overlapping marks, sorts them and clamps them to the snippet', () => {
    const parts = snippetParts('abcdefghij', [
      [6, 20],
      [0, 2],
      [1, 3],
    ]);
    expect(parts).toEqual([
      { text: 'abc', marked: true },
      { text: 'def', marked: false },
      { text: 'ghij', marked: true },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('abcdefghij');
  });
});
