import { describe, expect, it } from 'vitest';
import { buildAlignment, columnDecorations, pairKey, partnersOf, stepGroup, type PairView } from '../../../renderer/src/views/compare/alignment.js';

// The compare view's model: links of every pair of columns combined into statements, and the
// marks each column draws.

const side = (start: number, end: number, sentenceIndexes: number[]) => ({ start, end, text: 'x'.repeat(end - start), sentenceIndexes });
const noDiff = { parts: [], notable: [] };

function pair(a: string, b: string, links: PairView['links']): PairView {
  return { a, b, links };
}

// Three documents of four sentences each (sentence i spans [10i, 10i + 9)).
const sentences = [0, 1, 2, 3].map((i) => ({ index: i, passageIndex: 0, start: i * 10, end: i * 10 + 9 }));

describe('the compare view model', () => {
  const pairs = new Map<string, PairView>([
    [pairKey(0, 1), pair('A', 'B', [
      { a: side(10, 19, [1]), b: side(0, 19, [0, 1]), score: 0.8, kind: 'variant', diff: noDiff },
      { a: side(30, 39, [3]), b: side(30, 39, [3]), score: 1, kind: 'same', diff: noDiff },
    ])],
    [pairKey(0, 2), pair('A', 'C', [{ a: side(10, 19, [1]), b: side(20, 29, [2]), score: 0.7, kind: 'variant', diff: noDiff }])],
    [pairKey(1, 2), pair('B', 'C', [])],
  ]);
  const al = buildAlignment(3, pairs);

  it('groups sentences linked across columns into statements, in reading order', () => {
    expect(al.groups.map((g) => g.members.map((m) => `${m.col}@${m.start}`))).toEqual([
      ['0@10', '1@0', '2@20'],
      ['0@30', '1@30'],
    ]);
    expect(al.groupOf[1]?.get(0)).toBe(al.groupOf[1]?.get(1));
    expect(al.groupOf[2]?.get(2)).toBe('g0');
  });

  it('finds the partners of a sentence in each other column', () => {
    const p = partnersOf(al, 0, 1).map((x) => [x.col, x.side.sentenceIndexes]);
    expect(p).toEqual([
      [1, [0, 1]],
      [2, [2]],
    ]);
    expect(partnersOf(al, 2, 0)).toEqual([]);
  });

  it('marks linked, unlinked, current and partner sentences', () => {
    const decos = columnDecorations(al, 1, sentences, { current: 'g1', hover: { col: 0, sentence: 1 }, showDiff: false, titles: ['A', 'B', 'C'] });
    const byIndex = (i: number) => decos.find((d) => d.start === sentences[i]?.start)?.className ?? '';
    expect(byIndex(0)).toMatch(/cmp-linked/);
    expect(byIndex(0)).toMatch(/cmp-partner/);
    expect(byIndex(1)).toMatch(/cmp-partner/);
    expect(byIndex(2)).toBe('cmp-only');
    expect(byIndex(3)).toMatch(/cmp-current/);
    expect(byIndex(3)).toMatch(/cmp-same/);
  });

  it('steps through statements and stops at the ends', () => {
    expect(stepGroup(al, null, 1)).toBe('g0');
    expect(stepGroup(al, 'g0', 1)).toBe('g1');
    expect(stepGroup(al, 'g1', 1)).toBe('g1');
    expect(stepGroup(al, null, -1)).toBe('g1');
  });

  it('draws word differences against the reference column', () => {
    const withDiff = new Map(pairs);
    withDiff.set(pairKey(0, 1), pair('A', 'B', [
      {
        a: side(10, 19, [1]),
        b: side(10, 19, [1]),
        score: 0.8,
        kind: 'variant',
        diff: {
          parts: [
            { op: 'equal', a: { start: 10, end: 14 }, b: { start: 10, end: 14 }, aText: 'same', bText: 'same', minor: false, marks: [] },
            { op: 'changed', a: { start: 15, end: 19 }, b: { start: 15, end: 19 }, aText: '2008', bText: '2009', minor: false, marks: ['number'] },
          ],
          notable: [{ kind: 'number', a: '2008', b: '2009' }],
        },
      },
    ]));
    const al2 = buildAlignment(2, withDiff);
    const decos = columnDecorations(al2, 1, sentences, { current: null, hover: null, showDiff: true, titles: ['A', 'B'] });
    const diff = decos.filter((d) => d.className?.includes('cmp-diff'));
    expect(diff.map((d) => [d.start, d.end, d.className])).toEqual([[15, 19, 'cmp-diff cmp-diff-number']]);
    expect(diff[0]?.attrs?.title).toContain('2008');
  });
});
