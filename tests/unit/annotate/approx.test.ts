import { describe, expect, it } from 'vitest';
import { approximateMatches, columnDistances, levenshtein, similarity } from '../../../electron/core/annotate/approx.js';

// The bit-parallel matcher against the textbook dynamic programme, on random strings over small
// alphabets (many near-matches) and pattern lengths that cross the 32-bit block boundaries.

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomString(rnd: () => number, n: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(rnd() * alphabet.length)];
  return out;
}

/** Sellers' semi-global DP: distance of pattern to the best substring ending at each text index. */
function naiveSearch(text: string, pattern: string): number[] {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 1; j <= text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= pattern.length; i++) {
      cur[i] = Math.min((prev[i] as number) + 1, (cur[i - 1] as number) + 1, (prev[i - 1] as number) + (pattern[i - 1] === text[j - 1] ? 0 : 1));
    }
    out.push(cur[pattern.length] as number);
    prev = cur;
  }
  return out;
}

describe('columnDistances', () => {
  it('agrees with the dynamic programme in search mode, across block sizes', () => {
    const rnd = seeded(7);
    for (const m of [1, 2, 5, 31, 32, 33, 63, 64, 65, 96, 130, 257]) {
      for (let trial = 0; trial < 6; trial++) {
        const alphabet = trial % 2 ? 'ab' : 'abcd ';
        const pattern = randomString(rnd, m, alphabet);
        const text = randomString(rnd, Math.floor(rnd() * 400), alphabet);
        expect(Array.from(columnDistances(text, pattern, 'search')), `m=${m} trial=${trial}`).toEqual(naiveSearch(text, pattern));
      }
    }
  });

  it('agrees with Levenshtein in prefix mode', () => {
    const rnd = seeded(11);
    for (const m of [1, 3, 32, 33, 70]) {
      const pattern = randomString(rnd, m, 'xyz');
      const text = randomString(rnd, 90, 'xyz');
      const got = Array.from(columnDistances(text, pattern, 'prefix'));
      expect(got).toEqual(Array.from({ length: text.length }, (_, j) => levenshtein(pattern, text.slice(0, j + 1))));
    }
  });

  it('handles characters outside the pattern and astral characters as UTF-16 units', () => {
    const text = 'a 🙂 b';
    expect(Array.from(columnDistances(text, '🙂', 'search'))).toEqual(naiveSearch(text, '🙂'));
  });
});

describe('approximateMatches', () => {
  it('finds an exact occurrence with zero errors and its exact span', () => {
    const text = 'The ministers met in Bucharest on Tuesday.';
    expect(approximateMatches(text, 'Bucharest', 2)[0]).toEqual({ start: 21, end: 30, errors: 0 });
  });

  it('finds an edited occurrence with the span that needs the fewest edits', () => {
    const text = 'Before. The allies pledged further support to Kyiv. After.';
    const [best] = approximateMatches(text, 'The allies pledged more support to Kyiv', 12);
    expect(best).toBeDefined();
    expect(text.slice(best?.start, best?.end)).toBe('The allies pledged further support to Kyiv');
    expect(best?.errors).toBe(levenshtein('The allies pledged more support to Kyiv', 'The allies pledged further support to Kyiv'));
  });

  it('finds nothing when every candidate needs more edits than allowed', () => {
    expect(approximateMatches('completely unrelated words here', 'NATO enlargement', 3)).toEqual([]);
  });

  it('orders candidates by errors and caps their number', () => {
    const text = 'cat cot cut cat';
    const res = approximateMatches(text, 'cat', 1, 3);
    expect(res.length).toBe(3);
    expect(res[0]?.errors).toBe(0);
    expect(res.map((r) => r.errors)).toEqual([...res.map((r) => r.errors)].sort((a, b) => a - b));
  });
});

describe('similarity', () => {
  it('is 1 for equal strings and falls with edits', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abcd', 'abed')).toBe(0.75);
    expect(similarity('abc', '')).toBe(0);
  });
});
