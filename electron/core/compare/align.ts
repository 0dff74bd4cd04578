import type { DocFeatures, SentenceFeatures, TermWeights } from './features.js';
import { containedEvidence, distinctiveWeight, joinSpan, spanEvidence, type PairEvidence, type SpanTerms } from './score.js';
import { sameForm } from './text.js';
import { alignMonotonic, type Bead } from './monotonic.js';
import { AnchorCounter, baselineOf } from './regime.js';
import { attachWords, pairSpace, semanticSentences, semanticWords, softDice, type SemSentence } from './semantic.js';

// Sentence alignment between two documents: candidates from an inverted index of their
// less common terms, evidence for each candidate (and for short runs around it, when one
// source splits what the other says in one sentence), then the best links, each body
// sentence used once (a title may also link to a sentence of the body), and last the
// neighbours of strong links that translations keep in order. A wrong link costs more than
// a missing one, so every rule below errs on the side of leaving sentences unlinked.

import type { LinkKind } from '../../api/contract/compare.js';
export type { LinkKind };

/** Positions [from, to) in a document's sentence list. */
export interface SentenceRange {
  from: number;
  to: number;
}

export interface RawLink {
  a: SentenceRange;
  b: SentenceRange;
  score: number;
  kind: LinkKind;
}

/** At most this many adjacent sentences on either side of a link. */
export const MAX_RUN = 3;

/** Terms this common (weight below) are not indexed: they cannot make a link on their own. */
const INDEX_MIN_WEIGHT = 0.9;
/** Candidates share at least this much weight (in distinctive units) in indexed terms. */
const CANDIDATE_MIN_SHARED = 1.2;
/** A sentence added to a run must have this share of its own weight found on the other side. */
const RUN_MEMBER_MIN_COVER = 0.3;

interface Judged {
  score: number | null;
  /** Share of what A asserts that B has, and of what B asserts that A has (read whole). */
  aInB: number;
  bInA: number;
}

/**
 * Whether two spans say the same thing, and how surely (0..1); null when they do not.
 * `unit` is the distinctive weight (see distinctiveWeight): thresholds are counted in it.
 */
export function judge(a: SpanTerms, b: SpanTerms, w: TermWeights, unit: number): Judged {
  const inB = containedEvidence(a, b, w, unit);
  const inA = containedEvidence(b, a, w, unit);
  // Nothing to look at unless a good part of one side is found in the other.
  if (inB.coverA < 0.4 && inA.coverA < 0.4) return { score: null, aInB: inB.coverA, bInA: inA.coverA };
  const full = judgeFull(a.core || b.core ? spanEvidence(a, b, w, unit) : inB, unit);
  const best = Math.max(full ?? -1, judgeContained(inB, unit) ?? -1, judgeContained(inA, unit) ?? -1);
  return { score: best < 0 ? null : best, aInB: inB.coverA, bInA: inA.coverA };
}

/** Both spans mostly say the same things. */
function judgeFull(e: PairEvidence, unit: number): number | null {
  if (e.sharedCount < 2) return null;
  const lo = Math.min(e.coverA, e.coverB);
  const hi = Math.max(e.coverA, e.coverB);
  // Overlap in common words ("NATO", "Ukraine", "support") is not enough: the shared terms
  // must include distinctive ones, unless the two spans match almost word for word.
  const distinctive = e.distinctiveCount >= 2 || lo >= 0.75;
  if (lo < 0.5 || e.shared < 2.8 * unit || !distinctive) return null;
  // A statement and its denial say opposite things.
  if (e.negatedA !== e.negatedB) return null;
  return finish((2 * lo * hi) / (lo + hi), e);
}

/**
 * One side (a short sentence, or what a sentence quotes) is found whole inside the other:
 * `coverA` is how much of the inner statement the outer span has, `coverB` how much of the
 * outer span that is. Scored lower than a full match, as it is one.
 */
function judgeContained(e: PairEvidence, unit: number): number | null {
  const inner = e.coverA;
  const outer = e.coverB;
  if (inner < 0.8 || outer < 0.15 || e.shared < 3.5 * unit || e.distinctiveCount < 2 || e.sharedCount < 3) return null;
  // A statement and its denial say opposite things (and which of the outer sentence's
  // clauses a "not" belongs to is not known, so polarity must agree).
  if (e.negatedA !== e.negatedB) return null;
  return finish((2 * inner * outer) / (inner + outer), e);
}

function finish(score: number, e: PairEvidence): number {
  let s = score * (0.85 + 0.15 * e.order);
  if (e.numberClash) s *= 0.9;
  return Math.min(1, s);
}

interface Candidate {
  a: SentenceRange;
  b: SentenceRange;
  score: number;
  headline: boolean;
}

const isHeadline = (doc: DocFeatures, r: SentenceRange): boolean => r.to - r.from === 1 && doc.sentences[r.from].headline;

function spanOf(doc: DocFeatures, r: SentenceRange): SpanTerms {
  return joinSpan(doc.sentences.slice(r.from, r.to));
}

/** Ranges of up to MAX_RUN sentences in one passage that contain position i. */
function runsAround(doc: DocFeatures, i: number): SentenceRange[] {
  const out: SentenceRange[] = [];
  const passage = doc.sentences[i].passageIndex;
  for (let from = i - MAX_RUN + 1; from <= i; from++) {
    for (let to = i + 1; to <= from + MAX_RUN; to++) {
      if (from < 0 || to > doc.sentences.length || to - from < 2) continue;
      let samePassage = true;
      for (let k = from; k < to; k++) if (doc.sentences[k].passageIndex !== passage) samePassage = false;
      if (samePassage) out.push({ from, to });
    }
  }
  return out;
}

/** Each added sentence of a run must itself be about what the other side says. */
function membersBelong(doc: DocFeatures, run: SentenceRange, core: number, other: SpanTerms, w: TermWeights, unit: number): boolean {
  for (let k = run.from; k < run.to; k++) {
    if (k === core) continue;
    const s = doc.sentences[k];
    if (containedEvidence(s, other, w, unit).coverA < RUN_MEMBER_MIN_COVER) return false;
  }
  return true;
}

interface Prepared {
  weights: TermWeights;
  /** Term -> positions of the sentences that have it (terms not too common to matter). */
  postings: Map<number, number[]>;
  /** Per sentence: the least weight it can be read with (whole or its core). */
  least: Float64Array;
  /** Per sentence: the weight of its terms too common to be indexed. */
  unindexed: Float64Array;
}

const prepared = new WeakMap<DocFeatures, Prepared>();

/** A document's index for candidate search, kept while the library's weights stay the same. */
function prepare(doc: DocFeatures, w: TermWeights): Prepared {
  const hit = prepared.get(doc);
  if (hit && hit.weights === w) return hit;
  const postings = new Map<number, number[]>();
  const least = new Float64Array(doc.sentences.length);
  const unindexed = new Float64Array(doc.sentences.length);
  doc.sentences.forEach((s, k) => {
    let full = 0;
    let low = 0;
    for (const t of s.terms) {
      const wt = w.weight(t);
      full += wt;
      if (wt < INDEX_MIN_WEIGHT) {
        low += wt;
        continue;
      }
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(k);
    }
    let core = full;
    if (s.core) {
      core = 0;
      for (const t of s.core.terms) core += w.weight(t);
    }
    least[k] = Math.min(full, core);
    unindexed[k] = low;
  });
  const p: Prepared = { weights: w, postings, least, unindexed };
  prepared.set(doc, p);
  return p;
}

/**
 * Candidate sentence pairs: those sharing enough weight in their less common terms for one
 * of the two to be at least 40% found in the other (an upper bound: judge() decides).
 */
function candidatePairs(A: DocFeatures, B: DocFeatures, w: TermWeights, unit: number, anchors: AnchorCounter): Array<[number, number]> {
  const pa = prepare(A, w);
  const pb = prepare(B, w);
  const acc = new Float64Array(B.sentences.length);
  const touched: number[] = [];
  const out: Array<[number, number]> = [];
  A.sentences.forEach((s, i) => {
    for (const t of s.terms) {
      const list = pb.postings.get(t);
      if (!list) continue;
      const wt = w.weight(t);
      for (const j of list) {
        if (acc[j] === 0) touched.push(j);
        acc[j] = acc[j] + wt;
      }
    }
    for (const j of touched) {
      const shared = acc[j];
      acc[j] = 0;
      anchors.observe(i, j, shared);
      if (shared < CANDIDATE_MIN_SHARED * unit) continue;
      const boundA = (shared + pa.unindexed[i]) / pa.least[i];
      const boundB = (shared + pb.unindexed[j]) / pb.least[j];
      if (boundA >= RUN_MEMBER_MIN_COVER || boundB >= RUN_MEMBER_MIN_COVER) out.push([i, j]);
    }
    touched.length = 0;
  });
  return out;
}

/**
 * Links between two documents' sentences (positions into A.sentences and B.sentences).
 * Versions of one text that keep its order are aligned by a monotonic dynamic program;
 * reports that tell things in their own order by anchors and clusters (see regime.ts).
 */
export function alignDocuments(A: DocFeatures, B: DocFeatures, w: TermWeights): RawLink[] {
  // One pass over the shared terms gives the free aligner its candidates and the regime its anchors.
  const counter = new AnchorCounter(A, B, w);
  const candidates = candidatePairs(A, B, w, distinctiveWeight(w), counter);
  const regime = counter.regime();
  if (regime.monotonic) {
    // Meaning is only needed now: the words' written forms, then their base forms and vectors.
    const SA = semanticSentences(A, w);
    const SB = semanticSentences(B, w);
    attachWords(A, SA, w);
    attachWords(B, SB, w);
    const space = pairSpace(SA, SB);
    const baseline = baselineOf(space.A.length, space.B.length, (i, j) => softDice(space, space.A[i], space.B[j]));
    return monotonicLinks(A, B, keepBelieved(alignMonotonic({ space, baseline, anchors: regime.ordered }), baseline, A.sentences.length, B.sentences.length));
  }
  return alignFree(A, B, w, candidates);
}

/**
 * Links by shared words alone: the free aligner's candidates and judgement, no regime, no word
 * meaning. What study needs to know which sentences of related reports make the same
 * statement, at a small fraction of the cost (no vectors, no WordNet, no dynamic program):
 * it prepares cards for a thousand documents' pairs at once, while the Compare view aligns
 * the two or three it shows.
 */
export function alignByWords(A: DocFeatures, B: DocFeatures, w: TermWeights): RawLink[] {
  const counter = new AnchorCounter(A, B, w);
  const candidates = candidatePairs(A, B, w, distinctiveWeight(w), counter);
  return alignFree(A, B, w, candidates, false);
}

/** A bead this little above the baseline is believed only between two linked neighbours. */
const WEAK_BEAD_MARGIN = 0.05;
/** Even inside an unbroken run, the two sides must share something of their meaning. */
const MIN_RUN_BEAD_SIM = 0.1;

/**
 * The beads worth showing: those clearly more alike than unrelated sentences, and weaker ones
 * only where the text runs on without a gap on both sides (the bead before ends where it
 * starts and the bead after starts where it ends, or the document does): there the order of
 * the text itself vouches for the link.
 */
function keepBelieved(beads: readonly Bead[], baseline: number, n: number, m: number): Bead[] {
  return beads.filter((bead, k) => {
    if (bead.sim >= baseline + WEAK_BEAD_MARGIN) return true;
    if (bead.sim < MIN_RUN_BEAD_SIM) return false;
    const prev = beads[k - 1];
    const next = beads[k + 1];
    const before = prev ? prev.a.to === bead.a.from && prev.b.to === bead.b.from : bead.a.from === 0 && bead.b.from === 0;
    const after = next ? next.a.from === bead.a.to && next.b.from === bead.b.to : bead.a.to === n && bead.b.to === m;
    return before && after;
  });
}

/** A monotonic alignment's linking beads as links: the bead's similarity is the link's score. */
function monotonicLinks(A: DocFeatures, B: DocFeatures, beads: ReturnType<typeof alignMonotonic>): RawLink[] {
  return beads.map((bead) => {
    const same = sameForm(spanText(A, bead.a)) === sameForm(spanText(B, bead.b));
    return { a: bead.a, b: bead.b, score: same ? 1 : Math.max(0.01, Math.min(0.99, round(bead.sim))), kind: same ? 'same' : 'variant' };
  });
}

/** Links between reports that tell things in their own order: anchors, runs, neighbours. */
function alignFree(A: DocFeatures, B: DocFeatures, w: TermWeights, candidates: ReadonlyArray<readonly [number, number]>, meaning = true): RawLink[] {
  const unit = distinctiveWeight(w);
  const seen = new Set<string>();
  const found: Candidate[] = [];
  const consider = (a: SentenceRange, b: SentenceRange): Judged | null => {
    const key = `${a.from},${a.to},${b.from},${b.to}`;
    if (seen.has(key)) return null;
    seen.add(key);
    const judged = judge(spanOf(A, a), spanOf(B, b), w, unit);
    if (judged.score !== null) found.push({ a, b, score: judged.score, headline: isHeadline(A, a) || isHeadline(B, b) });
    return judged;
  };
  const one = (k: number): SentenceRange => ({ from: k, to: k + 1 });
  for (const [i, j] of candidates) {
    const single = consider(one(i), one(j));
    if (!single) continue;
    // One source may split in two or three sentences what the other says in one: when one
    // sentence is largely found in the other but does not cover it, try its neighbours too.
    if (single.bInA >= RUN_MEMBER_MIN_COVER && single.aInB < 0.75) {
      for (const rb of runsAround(B, j)) if (membersBelong(B, rb, j, spanOf(A, one(i)), w, unit)) consider(one(i), rb);
    }
    if (single.aInB >= RUN_MEMBER_MIN_COVER && single.bInA < 0.75) {
      for (const ra of runsAround(A, i)) if (membersBelong(A, ra, i, spanOf(B, one(j)), w, unit)) consider(ra, one(j));
    }
  }
  return fillBetweenAnchors(A, B, select(A, B, found), w, unit, meaning);
}

/**
 * Translations of one text keep its order: the sentence right after (or before) a linked
 * pair on both sides is that pair's neighbour in both, and needs less word overlap to be
 * believed. Only strong links anchor this, so it never creeps along a run of guesses.
 */
function fillBetweenAnchors(A: DocFeatures, B: DocFeatures, links: RawLink[], w: TermWeights, unit: number, meaning: boolean): RawLink[] {
  const usedA = new Uint8Array(A.sentences.length);
  const usedB = new Uint8Array(B.sentences.length);
  for (const l of links) {
    mark(usedA, l.a);
    mark(usedB, l.b);
  }
  const added: RawLink[] = [];
  for (const l of links) {
    for (const [i, j] of [
      [l.a.to, l.b.to],
      [l.a.from - 1, l.b.from - 1],
    ] as const) {
      if (i < 0 || j < 0 || i >= A.sentences.length || j >= B.sentences.length || usedA[i] || usedB[j]) continue;
      const sa = A.sentences[i];
      const sb = B.sentences[j];
      if (sa.headline || sb.headline) continue;
      const e = spanEvidence(sa, sb, w, unit);
      const lo = Math.min(e.coverA, e.coverB);
      if (e.negatedA !== e.negatedB) continue;
      let score = ((2 * e.coverA * e.coverB) / (e.coverA + e.coverB)) * (0.85 + 0.15 * e.order);
      if (lo < 0.35 || e.shared < 2.5 * unit || e.distinctiveCount < 1 || e.sharedCount < 3 || e.order < 0.5) {
        // Too few of the same words: the neighbour may still say it in other words.
        if (!meaning || e.sharedCount < 2 || e.order < 0.5 || lo < NEIGHBOUR_MIN_COVER) continue;
        const sim = neighbourMeaning(A, sa, B, sb, w);
        if (sim < NEIGHBOUR_MEANING_MIN) continue;
        score = sim * 0.9;
      }
      usedA[i] = 1;
      usedB[j] = 1;
      added.push({ a: { from: i, to: i + 1 }, b: { from: j, to: j + 1 }, score: round(score), kind: 'variant' });
    }
  }
  return [...links, ...added].sort((x, y) => x.a.from - y.a.from || x.b.from - y.b.from);
}

/** Soft similarity (with word meaning) a strong link's neighbour needs when its words differ. */
const NEIGHBOUR_MEANING_MIN = 0.65;
/** ...and at least this much of each side in the same words (cheap to test: most unrelated neighbours fail it). */
const NEIGHBOUR_MIN_COVER = 0.1;

/** Soft Dice similarity of two sentences with word meaning (semantic.ts). */
function neighbourMeaning(A: DocFeatures, sa: SentenceFeatures, B: DocFeatures, sb: SentenceFeatures, w: TermWeights): number {
  const one = (doc: DocFeatures, s: SentenceFeatures): SemSentence => ({ words: semanticWords(doc.text.slice(s.start, s.end), w), chars: s.end - s.start });
  const space = pairSpace([one(A, sa)], [one(B, sb)]);
  return softDice(space, space.A[0], space.B[0]);
}

/**
 * The strongest links first, each sentence in at most one link. Titles and headings restate
 * the body, so links that involve one are chosen after the body's and may share a body
 * sentence with a body link.
 */
function select(A: DocFeatures, B: DocFeatures, found: Candidate[]): RawLink[] {
  found.sort((x, y) => y.score - x.score || x.a.from - y.a.from || x.b.from - y.b.from || x.a.to - y.a.to || x.b.to - y.b.to);
  const links: RawLink[] = [];
  for (const headline of [false, true]) {
    // Each pass uses each sentence once; a body sentence linked in the first pass stays free
    // for the headline pass.
    const usedA = new Uint8Array(A.sentences.length);
    const usedB = new Uint8Array(B.sentences.length);
    for (const c of found) {
      if (c.headline !== headline || !free(usedA, c.a) || !free(usedB, c.b)) continue;
      mark(usedA, c.a);
      mark(usedB, c.b);
      const same = sameForm(spanText(A, c.a)) === sameForm(spanText(B, c.b));
      links.push({ a: c.a, b: c.b, score: same ? 1 : Math.min(0.99, round(c.score)), kind: same ? 'same' : 'variant' });
    }
  }
  return links.sort((x, y) => x.a.from - y.a.from || x.b.from - y.b.from);
}

function mark(used: Uint8Array, r: SentenceRange): void {
  for (let k = r.from; k < r.to; k++) used[k] = 1;
}

function free(used: Uint8Array, r: SentenceRange): boolean {
  for (let k = r.from; k < r.to; k++) if (used[k]) return false;
  return true;
}

export function spanText(doc: DocFeatures, r: SentenceRange): string {
  const first = doc.sentences[r.from];
  const last = doc.sentences[r.to - 1];
  return doc.text.slice(first.start, last.end);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
