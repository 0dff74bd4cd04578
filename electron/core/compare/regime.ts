import { isNegationTerm, type DocFeatures, type TermWeights } from './features.js';

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
    const j = pairs[k][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) {
    const [i, j] = pairs[k];
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

/** Per sentence: the summed weight of its terms (negations aside: they are no sign of sameness). */
function totals(doc: DocFeatures, w: TermWeights): Float64Array {
  const out = new Float64Array(doc.sentences.length);
  doc.sentences.forEach((s, k) => {
    let total = 0;
    for (const t of s.terms) if (!isNegationTerm(t)) total += w.weight(t);
    out[k] = total;
  });
  return out;
}

/** Exact-word Dice similarity of sentence i of A and j of B, by a merge of their sorted terms. */
function exactSim(A: DocFeatures, B: DocFeatures, w: TermWeights, ta: Float64Array, tb: Float64Array, i: number, j: number): number {
  const x = A.sentences[i].terms;
  const y = B.sentences[j].terms;
  let shared = 0;
  let p = 0;
  let q = 0;
  while (p < x.length && q < y.length) {
    const s = x[p];
    const t = y[q];
    if (s === t) {
      if (!isNegationTerm(s)) shared += 2 * w.weight(s);
      p++;
      q++;
    } else if (s < t) p++;
    else q++;
  }
  const den = ta[i] + tb[j];
  return den > 0 ? shared / den : 0;
}

/**
 * Collects, while the aligner's candidate search runs over shared terms, each sentence's best
 * and second-best partner by exact-word Dice similarity; then tells the regime. `observe`
 * takes the weight the pair shares in indexed terms (those at least INDEX_MIN_WEIGHT).
 */
export class AnchorCounter {
  private readonly ta: Float64Array;
  private readonly tb: Float64Array;
  private readonly bestA: Float64Array;
  private readonly secondA: Float64Array;
  private readonly argA: Int32Array;
  private readonly bestB: Float64Array;
  private readonly secondB: Float64Array;
  private readonly argB: Int32Array;

  constructor(
    private readonly A: DocFeatures,
    private readonly B: DocFeatures,
    private readonly w: TermWeights,
  ) {
    const n = A.sentences.length;
    const m = B.sentences.length;
    this.ta = totals(A, w);
    this.tb = totals(B, w);
    this.bestA = new Float64Array(n);
    this.secondA = new Float64Array(n);
    this.argA = new Int32Array(n).fill(-1);
    this.bestB = new Float64Array(m);
    this.secondB = new Float64Array(m);
    this.argB = new Int32Array(m).fill(-1);
  }

  observe(i: number, j: number, shared: number): void {
    const den = this.ta[i] + this.tb[j];
    const sim = den > 0 ? (2 * shared) / den : 0;
    if (sim > this.bestA[i]) {
      this.secondA[i] = this.bestA[i];
      this.bestA[i] = sim;
      this.argA[i] = j;
    } else if (sim > this.secondA[i]) this.secondA[i] = sim;
    if (sim > this.bestB[j]) {
      this.secondB[j] = this.bestB[j];
      this.bestB[j] = sim;
      this.argB[j] = i;
    } else if (sim > this.secondB[j]) this.secondB[j] = sim;
  }

  regime(): Regime {
    const { A, B, w, ta, tb } = this;
    const n = A.sentences.length;
    const m = B.sentences.length;
    const baseline = baselineOf(n, m, (i, j) => exactSim(A, B, w, ta, tb, i, j));
    const anchors: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      const j = this.argA[i];
      if (j < 0 || this.argB[j] !== i) continue;
      const sim = this.bestA[i];
      if (sim < baseline + ANCHOR_OVER_BASELINE) continue;
      if (sim - this.secondA[i] < MARGIN || sim - this.secondB[j] < MARGIN) continue;
      anchors.push([i, j]);
    }
    const ordered = longestOrderedChain(anchors);
    const orderShare = anchors.length ? ordered.length / anchors.length : 0;
    const chars = (doc: DocFeatures): number => doc.sentences.reduce((k, x) => k + x.end - x.start, 0);
    const [ca, cb] = [chars(A), chars(B)];
    const comparable = ca > 0 && cb > 0 && Math.max(ca, cb) / Math.min(ca, cb) <= MAX_LENGTH_RATIO;
    const monotonic = comparable && ordered.length >= MIN_ANCHORS && orderShare >= MIN_ORDER_SHARE && ordered.length >= MIN_COVERAGE * Math.min(n, m);
    return { monotonic, anchors, ordered, orderShare };
  }
}

/** The regime of a document pair on its own (the aligner gets it from its candidate search instead). */
export function detectRegime(A: DocFeatures, B: DocFeatures, w: TermWeights): Regime {
  const counter = new AnchorCounter(A, B, w);
  const postings = new Map<number, number[]>();
  B.sentences.forEach((s, j) => {
    for (const t of s.terms) {
      if (w.weight(t) < INDEX_MIN_WEIGHT || isNegationTerm(t)) continue;
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(j);
    }
  });
  const acc = new Float64Array(B.sentences.length);
  const touched: number[] = [];
  A.sentences.forEach((s, i) => {
    for (const t of s.terms) {
      const list = postings.get(t);
      if (!list) continue;
      const wt = w.weight(t);
      for (const j of list) {
        if (acc[j] === 0) touched.push(j);
        acc[j] = acc[j] + wt;
      }
    }
    for (const j of touched) {
      counter.observe(i, j, acc[j]);
      acc[j] = 0;
    }
    touched.length = 0;
  });
  return counter.regime();
}
