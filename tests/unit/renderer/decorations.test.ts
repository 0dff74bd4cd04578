import { describe, expect, it } from 'vitest';
import { safeAttrs, segmentRange, type Decoration } from '../../../renderer/src/reader/decorations.js';

const d = (key: string, start: number, end: number): Decoration => ({ key, start, end });

describe('renderer decorations: splitting a passage into segments', () => {
  it('returns one plain segment when nothing covers the range', () => {
    expect(segmentRange(10, 20, [d('far', 30, 40)])).toEqual([{ start: 10, end: 20, decorations: [] }]);
  });

  it('cuts at every boundary and covers the range without gaps', () => {
    const segs = segmentRange(0, 100, [d('a', 10, 50), d('b', 30, 70)]);
    expect(segs.map((s) => [s.start, s.end, s.decorations.map((x) => x.key).join('+')])).toEqual([
      [0, 10, ''],
      [10, 30, 'a'],
      [30, 50, 'a+b'],
      [50, 70, 'b'],
      [70, 100, ''],
    ]);
  });

  it('clips decorations that start before or end after the range', () => {
    const segs = segmentRange(20, 40, [d('wide', 0, 100)]);
    expect(segs).toEqual([{ start: 20, end: 40, decorations: [expect.objectContaining({ key: 'wide' })] }]);
  });

  it('nests the earlier-starting (then longer) decoration outside', () => {
    const segs = segmentRange(0, 10, [d('inner', 2, 4), d('outer', 0, 10)]);
    expect(segs.find((s) => s.start === 2)?.decorations.map((x) => x.key)).toEqual(['outer', 'inner']);
  });

  it('ignores empty decorations', () => {
    expect(segmentRange(0, 10, [d('empty', 5, 5)])).toEqual([{ start: 0, end: 10, decorations: [] }]);
  });

  it('lets only data-*, aria-* and title attributes through, never the offsets', () => {
    expect(safeAttrs({ 'data-id': '1', 'aria-label': 'x', title: 't', onclick: 'alert(1)', style: 'x', 'data-start': '0', href: 'x' })).toEqual({
      'data-id': '1',
      'aria-label': 'x',
      title: 't',
    });
  });
});
