import { softDice, type LocalSentence, type PairSpace, type SemWord } from './semantic.js';

// Which of two kinds a document pair is: versions of one text (translations, revisions) that
// keep its order, or reports of one event that tell it in their own order. The test is the
// share of confident anchor links that are in order: sentence pairs that are each other's
// best match by a clear margin, and which the longest chain in reading order keeps.

export interface Regime {
  monotonic: boolean;
  /** Confident 1-1 links [i, j], in A order. */
  anchors: Array<[number, number]>;
  /** The longest chain of anchors in order on both sides. */
  ordered: Array<[number, number]>;
  /** ordered.length / anchors.length (0 when there are none). */
  orderShare: number;
  /** Mean similarity of unrelated sentence pairs of these documents. */
  baseline: number;
}

/** An anchor's similarity must exceed the baseline by this, and its runner-up by MARGIN. */
const ANCHOR_OVER_BASELINE = 0.3;
const MARGIN = 0.08;
/** At least this many anchors, this share of them in order, covering this share of the shorter document. */
export const MIN_ANCHORS = 4;
export const MIN_ORDER_SHARE = 0.8;
const MIN_COVERAGE = 0.2;
/**
 * Versions of one text are of comparable length (Gale & Church's premise): a summary and its
 * source, or a report quoting part of a statement, keep some order but are not aligned as
 * versions; the anchor-and-cluster aligner handles them.
 */
export const MAX_LENGTH_RATIO = 1.8;
/** Beyond this many sentence pairs, candidates come from shared words only. */
const ALL_PAIRS = 120_000;

/** Longest chain of pairs increasing on both sides (pairs sorted by i; patience sorting). */
export function longestOrderedChain(pairs: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const j = (pairs[k] as readonly [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as readonly [number, number])[1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1] as number;
    tails[lo] = k;
  }
  const out: Array<[number, number]> = [];
  for (let k = tails.length ? (tails[tails.length - 1] as number) : -1; k >= 0; k = prev[k] as number) {
    const [i, j] = pairs[k] as readonly [number, number];
    out.push([i, j]);
  }
  return out.reverse();
}

/** Deterministic sample of sentence pairs far from the diagonal: the similarity of unrelated sentences. */
function baselineOf(space: PairSpace): number {
  const { A, B } = space;
  const n = A.length;
  const m = B.length;
  let sum = 0;
  let count = 0;
  let seed = 12345;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  for (let t = 0; t < 300 && n > 0 && m > 0; t++) {
    const i = rand(n);
    const j = rand(m);
    // Skip pairs near where the diagonal puts i's counterpart.
    if (n > 4 && m > 4 && Math.abs(i / n - j / m) < 0.15) continue;
    sum += softDice(space, A[i] as LocalSentence, B[j] as LocalSentence);
    count++;
  }
  return count ? sum / count : 0;
}

function candidates(space: PairSpace): Array<[number, number]> {
  const { A, B } = space;
  const out: Array<[number, number]> = [];
  if (A.length * B.length <= ALL_PAIRS) {
    for (let i = 0; i < A.length; i++) for (let j = 0; j < B.length; j++) out.push([i, j]);
    return out;
  }
  // Long documents: pairs sharing a base form that is not among the commonest.
  const postings = new Map<number, number[]>();
  B.forEach((s, j) => {
    s.ids.forEach((id, k) => {
      if ((s.weights[k] as number) < 1.5) return;
      const base = (space.wordsB[id] as SemWord).base;
      let list = postings.get(base);
      if (!list) postings.set(base, (list = []));
      list.push(j);
    });
  });
  const seen = new Set<number>();
  A.forEach((s, i) => {
    seen.clear();
    for (const id of s.ids) {
      for (const j of postings.get((space.wordsA[id] as SemWord).base) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        out.push([i, j]);
      }
    }
  });
  return out;
}

export function detectRegime(space: PairSpace): Regime {
  const { A, B } = space;
  const baseline = baselineOf(space);
  const bestA = new Float64Array(A.length);
  const secondA = new Float64Array(A.length);
  const argA = new Int32Array(A.length).fill(-1);
  const bestB = new Float64Array(B.length);
  const secondB = new Float64Array(B.length);
  const argB = new Int32Array(B.length).fill(-1);
  for (const [i, j] of candidates(space)) {
    const sim = softDice(space, A[i] as LocalSentence, B[j] as LocalSentence);
    if (sim > (bestA[i] as number)) {
      secondA[i] = bestA[i] as number;
      bestA[i] = sim;
      argA[i] = j;
    } else if (sim > (secondA[i] as number)) secondA[i] = sim;
    if (sim > (bestB[j] as number)) {
      secondB[j] = bestB[j] as number;
      bestB[j] = sim;
      argB[j] = i;
    } else if (sim > (secondB[j] as number)) secondB[j] = sim;
  }
  const anchors: Array<[number, number]> = [];
  for (let i = 0; i < A.length; i++) {
    const j = argA[i] as number;
    if (j < 0 || argB[j] !== i) continue;
    const sim = bestA[i] as number;
    if (sim < baseline + ANCHOR_OVER_BASELINE) continue;
    if (sim - (secondA[i] as number) < MARGIN || sim - (secondB[j] as number) < MARGIN) continue;
    anchors.push([i, j]);
  }
  const ordered = longestOrderedChain(anchors);
  const orderShare = anchors.length ? ordered.length / anchors.length : 0;
  const chars = (side: readonly LocalSentence[]): number => side.reduce((n, x) => n + x.chars, 0);
  const [ca, cb] = [chars(A), chars(B)];
  const comparable = ca > 0 && cb > 0 && Math.max(ca, cb) / Math.min(ca, cb) <= MAX_LENGTH_RATIO;
  const monotonic =
    comparable &&
    ordered.length >= MIN_ANCHORS && orderShare >= MIN_ORDER_SHARE && ordered.length >= MIN_COVERAGE * Math.min(A.length, B.length);
  return { monotonic, anchors, ordered, orderShare, baseline };
}
