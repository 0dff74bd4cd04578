import { isNegationTerm, type DocFeatures, type SentenceFeatures, type TermWeights } from './features.js';

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
/** Terms this common are not indexed (as in align.ts): sharing only them makes no anchor. */
const INDEX_MIN_WEIGHT = 0.9;

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

/**
 * Deterministic sample of sentence pairs far from the diagonal: how alike unrelated sentences
 * of these two documents are, by `sim`.
 */
export function baselineOf(n: number, m: number, sim: (i: number, j: number) => number): number {
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
    sum += sim(i, j);
    count++;
  }
  return count ? sum / count : 0;
}

/** Per sentence: its terms' weights (in the order of SentenceFeatures.terms) and their sum. */
function weighted(doc: DocFeatures, w: TermWeights): { weights: Float64Array[]; totals: Float64Array } {
  const totals = new Float64Array(doc.sentences.length);
  const weights = doc.sentences.map((s, k) => {
    const out = new Float64Array(s.terms.length);
    let total = 0;
    s.terms.forEach((t, x) => {
      const wt = isNegationTerm(t) ? 0 : w.weight(t);
      out[x] = wt;
      total += wt;
    });
    totals[k] = total;
    return out;
  });
  return { weights, totals };
}

/**
 * The regime of a document pair, from exact shared words only (cheap: every pair of a library
 * is tested): Dice similarity of sentence pairs by an accumulator over the terms' postings.
 */
export function detectRegime(A: DocFeatures, B: DocFeatures, w: TermWeights): Regime {
  const wa = weighted(A, w);
  const wb = weighted(B, w);
  const exact = (i: number, j: number): number => {
    const x = A.sentences[i] as SentenceFeatures;
    const y = B.sentences[j] as SentenceFeatures;
    let shared = 0;
    let p = 0;
    let q = 0;
    while (p < x.terms.length && q < y.terms.length) {
      const s = x.terms[p] as number;
      const t = y.terms[q] as number;
      if (s === t) {
        shared += ((wa.weights[i] as Float64Array)[p] as number) + ((wb.weights[j] as Float64Array)[q] as number);
        p++;
        q++;
      } else if (s < t) p++;
      else q++;
    }
    const den = (wa.totals[i] as number) + (wb.totals[j] as number);
    return den > 0 ? shared / den : 0;
  };
  const n = A.sentences.length;
  const m = B.sentences.length;
  const baseline = baselineOf(n, m, exact);
  const bestA = new Float64Array(n);
  const secondA = new Float64Array(n);
  const argA = new Int32Array(n).fill(-1);
  const bestB = new Float64Array(m);
  const secondB = new Float64Array(m);
  const argB = new Int32Array(m).fill(-1);
  const postings = new Map<number, number[]>();
  B.sentences.forEach((s, j) => {
    for (const t of s.terms) {
      if (w.weight(t) < INDEX_MIN_WEIGHT || isNegationTerm(t)) continue;
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(j);
    }
  });
  const acc = new Float64Array(m);
  const touched: number[] = [];
  A.sentences.forEach((s, i) => {
    for (const t of s.terms) {
      const list = postings.get(t);
      if (!list) continue;
      const wt = 2 * w.weight(t);
      for (const j of list) {
        if (acc[j] === 0) touched.push(j);
        acc[j] = (acc[j] as number) + wt;
      }
    }
    for (const j of touched) {
      const den = (wa.totals[i] as number) + (wb.totals[j] as number);
      const sim = den > 0 ? (acc[j] as number) / den : 0;
      acc[j] = 0;
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
    touched.length = 0;
  });
  const anchors: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const j = argA[i] as number;
    if (j < 0 || argB[j] !== i) continue;
    const sim = bestA[i] as number;
    if (sim < baseline + ANCHOR_OVER_BASELINE) continue;
    if (sim - (secondA[i] as number) < MARGIN || sim - (secondB[j] as number) < MARGIN) continue;
    anchors.push([i, j]);
  }
  const ordered = longestOrderedChain(anchors);
  const orderShare = anchors.length ? ordered.length / anchors.length : 0;
  const chars = (doc: DocFeatures): number => doc.sentences.reduce((k, x) => k + x.end - x.start, 0);
  const [ca, cb] = [chars(A), chars(B)];
  const comparable = ca > 0 && cb > 0 && Math.max(ca, cb) / Math.min(ca, cb) <= MAX_LENGTH_RATIO;
  const monotonic =
    comparable &&
    ordered.length >= MIN_ANCHORS && orderShare >= MIN_ORDER_SHARE && ordered.length >= MIN_COVERAGE * Math.min(n, m);
  return { monotonic, anchors, ordered, orderShare };
}
