import type { SentenceRange } from './align.js';
import { joinLocal, spanDice, type LocalSentence, type PairSpace } from './semantic.js';

// Alignment of two versions of one text that keep its order (translations, revisions): a
// dynamic program of the Gale-Church / hunalign / vecalign family over "beads" of 0-2
// sentences on each side. Each bead that links is scored by how alike its two sides are
// (soft word similarity, see semantic.ts) against how alike unrelated sentences of the same
// two documents are, less how far its lengths stray from the documents' length ratio
// (Gale & Church's measure) and a small price for every bead type other than 1-1; a sentence
// left out (1-0, 0-1) costs a fixed price. Monotonic by construction, so a sentence is never
// linked to its neighbour's counterpart.

export interface Bead {
  a: SentenceRange;
  b: SentenceRange;
  /** Soft similarity of the two sides (0..1). */
  sim: number;
  /** Gale-Church length cost (0 = the expected ratio; -log of the two-sided probability). */
  lengthCost: number;
}

/** Bead shapes [A sentences, B sentences] that link, with their price. */
export const LINK_BEADS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 0],
  [1, 2, 0.06],
  [2, 1, 0.06],
  [2, 2, 0.14],
  [1, 3, 0.16],
  [3, 1, 0.16],
];
/** Price of leaving one sentence unlinked (a 1-0 or 0-1 bead). */
export const SKIP_PRICE = 0.1;
/** How many sentence pairs' worth of similarity a 2-2 bead counts for (see alignMonotonic). */
const TWO_TWO_WEIGHT = 1.5;
/** Weight of the length cost against similarity. */
const LENGTH_WEIGHT = 0.03;
/** Gale & Church's variance of the length difference per character. */
const GC_VARIANCE = 6.8;
/** Beyond this many cells the program runs in a band around the anchors' path. */
const FULL_GRID = 40_000;
const BAND = 12;

/** The standard normal distribution function (Abramowitz & Stegun 26.2.17). */
function phi(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return x >= 0 ? 1 - p : p;
}

/** Gale & Church's cost of a length pair given the expected ratio c (B per A). */
export function lengthCost(la: number, lb: number, c: number): number {
  const mean = (la + lb / c) / 2;
  if (mean <= 0) return 0;
  const delta = (lb - la * c) / Math.sqrt(mean * c * GC_VARIANCE);
  const p = 2 * (1 - phi(Math.abs(delta)));
  return Math.min(25, -Math.log(Math.max(p, 1e-11)));
}

export interface MonotonicInput {
  space: PairSpace;
  /** Expected similarity of two unrelated sentences of these documents. */
  baseline: number;
  /** Confident 1-1 links [i, j] in order: the band follows them on long documents. */
  anchors: ReadonlyArray<readonly [number, number]>;
}

/** The j-range [lo, hi] the program may visit at each i (the whole grid for small documents). */
function band(n: number, m: number, anchors: ReadonlyArray<readonly [number, number]>): { lo: Int32Array; hi: Int32Array } {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1).fill(m);
  if ((n + 1) * (m + 1) <= FULL_GRID) return { lo, hi };
  const pts: Array<readonly [number, number]> = [[0, 0], ...anchors, [n, m]];
  let k = 0;
  for (let i = 0; i <= n; i++) {
    while (k < pts.length - 2 && pts[k + 1][0] <= i) k++;
    const [i0, j0] = pts[k];
    const [i1, j1] = pts[k + 1];
    const centre = i1 === i0 ? j0 : j0 + ((j1 - j0) * (i - i0)) / (i1 - i0);
    lo[i] = Math.max(0, Math.floor(centre - BAND));
    hi[i] = Math.min(m, Math.ceil(centre + BAND));
  }
  return { lo, hi };
}

/** The best sequence of beads; only the linking ones are returned, in order. */
export function alignMonotonic(input: MonotonicInput): Bead[] {
  const { space, baseline, anchors } = input;
  const { A, B } = space;
  const n = A.length;
  const m = B.length;
  if (n === 0 || m === 0) return [];
  let totalA = 0;
  let totalB = 0;
  for (const s of A) totalA += s.chars;
  for (const s of B) totalB += s.chars;
  const ratio = totalA > 0 && totalB > 0 ? totalB / totalA : 1;
  const spans = new Map<number, LocalSentence>();
  const wordsOf = (side: readonly LocalSentence[], key: number, from: number, to: number): LocalSentence => {
    let w = spans.get(key);
    if (!w) spans.set(key, (w = joinLocal(side, from, to)));
    return w;
  };
  const { lo, hi } = band(n, m, anchors);
  const width = m + 1;
  const score = new Float64Array((n + 1) * width).fill(-Infinity);
  const back = new Int8Array((n + 1) * width).fill(-1);
  score[0] = 0;
  // back: 0..LINK_BEADS.length-1 a link bead, LINK_BEADS.length = skip A, +1 = skip B.
  const skipA = LINK_BEADS.length;
  const skipB = skipA + 1;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]; j <= hi[i]; j++) {
      const here = i * width + j;
      let bestScore = here === 0 ? 0 : -Infinity;
      let bestMove = -1;
      if (i > 0 && j >= lo[i - 1] && j <= hi[i - 1]) {
        const s = score[(i - 1) * width + j] - SKIP_PRICE;
        if (s > bestScore) [bestScore, bestMove] = [s, skipA];
      }
      if (j > 0 && j - 1 >= lo[i]) {
        const s = score[here - 1] - SKIP_PRICE;
        if (s > bestScore) [bestScore, bestMove] = [s, skipB];
      }
      for (let k = 0; k < LINK_BEADS.length; k++) {
        const [da, db, price] = LINK_BEADS[k];
        const pi = i - da;
        const pj = j - db;
        if (pi < 0 || pj < 0 || pj < lo[pi] || pj > hi[pi]) continue;
        const prev = score[pi * width + pj];
        if (prev === -Infinity) continue;
        const wa = wordsOf(A, -1 - (pi * 4 + da), pi, i);
        const wb = wordsOf(B, pj * 4 + db, pj, j);
        // A 2-2 bead stands for more than one pair of sentences (vecalign scales its cost by
        // the sentences covered), so one that fits well beats two 1-1 beads that each fit
        // half; a 1-2 bead must fit about as well as its 1-1 part to take in a sentence more.
        const gain = (spanDice(space, wa, pi, i, wb, pj, j) - baseline) * (da === 2 && db === 2 ? TWO_TWO_WEIGHT : 1) - LENGTH_WEIGHT * lengthCost(wa.chars, wb.chars, ratio) - price;
        if (prev + gain > bestScore) [bestScore, bestMove] = [prev + gain, k];
      }
      if (here !== 0) {
        score[here] = bestScore;
        back[here] = bestMove;
      }
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const move = back[i * width + j];
    if (move === skipA) i--;
    else if (move === skipB) j--;
    else if (move >= 0) {
      const [da, db] = LINK_BEADS[move];
      const a = { from: i - da, to: i };
      const b = { from: j - db, to: j };
      const wa = wordsOf(A, -1 - (a.from * 4 + da), a.from, a.to);
      const wb = wordsOf(B, b.from * 4 + db, b.from, b.to);
      beads.push({ a, b, sim: spanDice(space, wa, a.from, a.to, wb, b.from, b.to), lengthCost: lengthCost(wa.chars, wb.chars, ratio) });
      i = a.from;
      j = b.from;
    } else break; // outside the band: cannot happen once (n, m) is reached from (0, 0)
  }
  return beads.reverse();
}
