import { describe, expect, it } from 'vitest';
import { fold } from '../../../renderer/src/lib/fold.js';
import { filterDocs, sortDocs, SORTS, titleKey, type DocLike } from '../../../renderer/src/views/library/sortFilter.js';

// The library list at 10,000 documents: sorting and filtering give the same answers as a plain
// reference implementation (speed is measured by hand and reported, never asserted here).

const OUTLETS = ['Free Press', 'Ukrainian World Congress', 'NATO', 'Le Monde', 'Kyiv Independent', null];
const WORDS = ['energy', 'blackmail', 'alliance', 'Bucharest', 'ministers', 'Zelenskyy', 'défense', '“annexation”', 'winter', 'aid'];

function synthetic(n: number): DocLike[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) => {
    const title = `${i % 7 === 0 ? '“' : ''}${WORDS[Math.floor(rnd() * WORDS.length)]} ${WORDS[Math.floor(rnd() * WORDS.length)]} report ${i}`;
    const day = Math.floor(rnd() * 900);
    return {
      title,
      outlet: OUTLETS[Math.floor(rnd() * OUTLETS.length)],
      author: rnd() < 0.3 ? 'Jens Stoltenberg' : null,
      published: rnd() < 0.1 ? null : new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
      file: `doc-${i}.txt`,
      words: Math.floor(rnd() * 20_000),
      addedAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 1e9)).toISOString(),
      progress: Math.round(rnd() * 100) / 100,
    };
  });
}

const docs = synthetic(10_000);
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

describe('library sort and filter at 10,000 documents', () => {
  it('filters exactly as a plain word-by-word match would', () => {
    for (const q of ['energy', 'free press', 'DEFENSE', 'annexation report 99', 'stoltenberg winter', 'nothing-like-this']) {
      const words = fold(q).split(/\s+/).filter(Boolean);
      const expected = docs.filter((d) => words.every((w) => fold([d.title, d.outlet ?? '', d.author ?? '', d.published ?? '', d.file].join(' ')).includes(w)));
      expect(filterDocs(docs, q)).toEqual(expected);
    }
    // Asked again (cached folding), the same answer.
    expect(filterDocs(docs, 'energy').length).toBe(filterDocs(docs, 'ENERGY').length);
  });

  it('sorts every way with each neighbouring pair in order', () => {
    const inOrder: Record<string, (a: DocLike, b: DocLike) => boolean> = {
      added: (a, b) => a.addedAt >= b.addedAt,
      // As a person alphabetises (the collator, numbers by value), quotes not counting.
      title: (a, b) => collator.compare(fold(titleKey(a.title)), fold(titleKey(b.title))) <= 0,
      published: (a, b) => b.published === null || (a.published !== null && a.published >= b.published),
      outlet: (a, b) => b.outlet === null || (a.outlet !== null && collator.compare(fold(a.outlet), fold(b.outlet)) <= 0),
      length: (a, b) => a.words >= b.words,
      progress: (a, b) => a.progress >= b.progress,
    };
    for (const { value } of SORTS) {
      const sorted = sortDocs(docs, value);
      expect(sorted.length).toBe(docs.length);
      expect(new Set(sorted).size).toBe(docs.length);
      for (let i = 1; i < sorted.length; i++) {
        if (!inOrder[value](sorted[i - 1], sorted[i])) throw new Error(`${value}: rows ${i - 1} and ${i} are out of order: ${sorted[i - 1].title} | ${sorted[i].title}`);
      }
    }
  });
});
