import { isNegationTerm, isNumericTerm, type SentenceFeatures, type TermWeights } from './features.js';

// How much two spans (one or a few adjacent sentences each) say the same thing.

export interface TermSet {
  /** Distinct content terms, ascending. */
  terms: Int32Array;
  /** Content terms in reading order (first occurrences). */
  order: Int32Array;
}

export interface SpanTerms extends TermSet {
  /** The asserted part when some of the span only frames it (see SentenceFeatures.core). */
  core: TermSet | null;
}

export interface PairEvidence {
  /** Weight of the terms both sides share, and of each side's own terms. */
  shared: number;
  weightA: number;
  weightB: number;
  /** Shared weight over each side's weight. */
  coverA: number;
  coverB: number;
  /** How many shared terms are distinctive (see distinctiveWeight). */
  distinctiveCount: number;
  sharedCount: number;
  /** Share of the shared terms that come in the same order on both sides. */
  order: number;
  /** Numbers on one side that the other side lacks, when both sides give numbers. */
  numberClash: boolean;
  /** Whether each side denies something ("not", "never", "no"). */
  negatedA: boolean;
  negatedB: boolean;
}

function unite(sets: readonly TermSet[]): TermSet {
  const seen = new Set<number>();
  const order: number[] = [];
  for (const s of sets) {
    for (const t of s.order) {
      if (!seen.has(t)) {
        seen.add(t);
        order.push(t);
      }
    }
  }
  return { terms: Int32Array.from(order).sort(), order: Int32Array.from(order) };
}

export function joinSpan(sentences: readonly SentenceFeatures[]): SpanTerms {
  if (sentences.length === 1) return sentences[0];
  const full = unite(sentences);
  const core = sentences.some((s) => s.core) ? unite(sentences.map((s) => s.core ?? s)) : null;
  return { ...full, core };
}

/**
 * The weight from which a term is distinctive: found in at most a tenth of the library's
 * sentences. It is about ln 10 whatever the library's size, which makes it the unit the
 * aligner's thresholds are counted in. ("NATO", "Ukraine", "support" fall well below it in a
 * library about NATO and Ukraine.)
 */
export function distinctiveWeight(w: TermWeights): number {
  return Math.log((w.sentences + 1) / (w.sentences * 0.1 + 0.5));
}

function lcsLength(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Evidence between two term sets, by a merge of their sorted terms. */
export function evidence(a: TermSet, b: TermSet, w: TermWeights, unit: number): PairEvidence {
  let shared = 0;
  let weightA = 0;
  let weightB = 0;
  let distinctiveCount = 0;
  let sharedCount = 0;
  let numsA = 0;
  let numsB = 0;
  let numOnly = 0;
  let negatedA = false;
  let negatedB = false;
  for (const t of a.terms) if (isNegationTerm(t)) negatedA = true;
  for (const t of b.terms) if (isNegationTerm(t)) negatedB = true;
  const ta = a.terms;
  const tb = b.terms;
  let i = 0;
  let j = 0;
  while (i < ta.length || j < tb.length) {
    const x = i < ta.length ? ta[i] : Infinity;
    const y = j < tb.length ? tb[j] : Infinity;
    if (x === y) {
      const wt = w.weight(x);
      shared += wt;
      weightA += wt;
      weightB += wt;
      sharedCount++;
      if (wt >= unit) distinctiveCount++;
      if (isNumericTerm(x)) {
        numsA++;
        numsB++;
      }
      i++;
      j++;
    } else if (x < y) {
      weightA += w.weight(x);
      if (isNumericTerm(x)) {
        numsA++;
        numOnly++;
      }
      i++;
    } else {
      weightB += w.weight(y);
      if (isNumericTerm(y)) {
        numsB++;
        numOnly++;
      }
      j++;
    }
  }
  let order = 1;
  if (sharedCount > 1) {
    const inB = new Set<number>();
    for (const t of b.order) inB.add(t);
    const orderA = Array.from(a.order).filter((t) => inB.has(t));
    const inA = new Set(orderA);
    const orderB = Array.from(b.order).filter((t) => inA.has(t));
    order = lcsLength(orderA, orderB) / sharedCount;
  }
  return {
    shared,
    weightA,
    weightB,
    coverA: weightA > 0 ? shared / weightA : 0,
    coverB: weightB > 0 ? shared / weightB : 0,
    distinctiveCount,
    sharedCount,
    order,
    numberClash: numsA > 0 && numsB > 0 && numOnly > 0,
    negatedA,
    negatedB,
  };
}

/**
 * Evidence between two spans, each read by what it asserts (its core when part of it only
 * reports who said it: matching "Stoltenberg said" with "Stoltenberg said" proves nothing).
 */
export function spanEvidence(a: SpanTerms, b: SpanTerms, w: TermWeights, unit: number): PairEvidence {
  return evidence(a.core ?? a, b.core ?? b, w, unit);
}

/**
 * Evidence that what `inner` asserts is said inside `outer`, read whole: a sentence that
 * strings several statements together may hold one of them between its frames.
 */
export function containedEvidence(inner: SpanTerms, outer: SpanTerms, w: TermWeights, unit: number): PairEvidence {
  return evidence(inner.core ?? inner, outer, w, unit);
}
