import { describe, expect, it } from 'vitest';
import { advanceFrontier, frontierOf, progressOf, type ViewSample } from '../../../renderer/src/views/reader/progress.js';
import { unitAt } from '../../../renderer/src/views/reader/position.js';

const LENGTH = 10_000;
const SCREEN = 1_000;
const at = (top: number): ViewSample => ({ top, bottom: Math.min(LENGTH, top + SCREEN) });

/** Run samples (tops) through the frontier rule from a starting frontier. */
function read(tops: number[], start = 0): number {
  let frontier = start;
  let previous: ViewSample | null = null;
  for (const top of tops) {
    const now = at(top);
    frontier = advanceFrontier(frontier, previous, now);
    previous = now;
  }
  return frontier;
}

describe('reading progress', () => {
  it('one jump to the end is not finished', () => {
    const f = read([0, LENGTH - SCREEN, LENGTH - SCREEN, LENGTH - SCREEN]);
    expect(progressOf(f, LENGTH)).toBeLessThan(0.2);
  });

  it('scrolling down through the text, screen by screen, reaches the end', () => {
    const tops: number[] = [];
    for (let t = 0; t <= LENGTH - SCREEN; t += 400) tops.push(t, t);
    tops.push(LENGTH - SCREEN);
    expect(progressOf(read(tops), LENGTH)).toBe(1);
  });

  it('paging (a screen at a time) counts; flying past several screens per sample does not', () => {
    expect(read([0, 0, 900, 1800, 2700])).toBe(3700);
    expect(read([0, 3000, 6000, 9000, 9000])).toBe(0);
  });

  it('the first sample only starts the clock: a screen must stay a moment', () => {
    expect(read([0])).toBe(0);
    expect(read([0, 0])).toBe(SCREEN);
  });

  it('reading on from where the reader left off carries on; text beyond the frontier does not count', () => {
    expect(read([2000, 2200], 2500)).toBe(3200);
    expect(read([5000, 5100], 2500)).toBe(2500);
    // Scrolling back up never lowers it.
    expect(read([0, 0], 4000)).toBe(4000);
  });

  it('stored progress maps back to the same frontier', () => {
    expect(frontierOf(progressOf(3700, LENGTH), LENGTH)).toBe(3700);
    expect(progressOf(0, 0)).toBe(0);
  });
});

describe('reading position units', () => {
  const units = [
    { start: 0, end: 10 },
    { start: 12, end: 40 },
    { start: 41, end: 90 },
  ];
  it('finds the sentence holding an offset, or the one before a gap', () => {
    expect(unitAt(units, 0)).toEqual(units[0]);
    expect(unitAt(units, 11)).toEqual(units[0]);
    expect(unitAt(units, 12)).toEqual(units[1]);
    expect(unitAt(units, 89)).toEqual(units[2]);
    expect(unitAt([], 3)).toBeNull();
  });
});
