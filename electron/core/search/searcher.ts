import { docCount, findTerm, NF, passageCount, type SegmentData } from './segment.js';
import { Dictionary } from './dictionary.js';
import { B, K1, planQuery, type QueryPlan } from './plan.js';
import { holdsAnyPhrase, locate, phrasesHold } from './snippet.js';
import { fingerprintMatches, type PassageText } from './store.js';
import { TopK } from './topk.js';
import type { SearchHitCore, SearchResultCore } from './types.js';
import { Candidates, CancelledError, verifyCandidates } from './verify.js';

// Queries across segments with lunr's scoring model: BM25 weights per field (k1 = 1.2,
// b = 0.75, field boosts) in a query vector space, score = q · d / |q| summed over fields.
// lunr bakes each index's own idf and average field length into its vectors; here the
// weights are computed at query time from term frequencies with LIBRARY-WIDE statistics,
// so a passage scores the same whichever segment holds it.
//
// A query runs in phases: plan (plan.ts: clauses, terms, coefficients), scan (here: every
// segment's postings, scores and coverage of the query's words), verify (verify.ts: phrases
// against the text, phrase queries only) and page (here: passages holding every word first,
// then those holding the words as typed, then by score; snippets and offsets from snippet.ts).

export { maxExpansions } from './plan.js';
export { CancelledError } from './verify.js';

export interface SearchOutcome extends SearchResultCore {
  /** True when `total` was estimated (phrase queries with very many candidates). */
  totalIsEstimate: boolean;
}

export interface PassageSource {
  passage(docId: string, idx: number): PassageText | null;
}

interface Loaded {
  id: number;
  data: SegmentData;
  passages: number;
  passageDoc: Int32Array;
  /** Per document: 1 when deleted or replaced (a tombstone until the segment is merged). */
  dead: Uint8Array;
  /** BM25 length normalisation per field and passage, k1 * (1 - b + b * len / avgLen). */
  norm: Float32Array;
}

interface Entry {
  seg: Loaded;
  ord: number;
}

interface Hit {
  score: number;
  /** How many of the query's words (groups) the passage holds. */
  cover: number;
  seg: Loaded;
  p: number;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class Searcher {
  private segs: Loaded[] = [];
  private readonly dict = new Dictionary();
  private readonly entries = new Map<string, Entry[]>();
  private readonly lastFp = new Map<string, string | null>();
  private readonly live = new Set<string>();
  private N = 0;
  private readonly lenSum = new Float64Array(NF);
  // Scratch, sized to the largest segment; marks use fresh stamps so nothing is cleared.
  private score = new Float64Array(0);
  private reqCount = new Uint8Array(0);
  private reqMark = new Int32Array(0);
  private prohMark = new Int32Array(0);
  private docMark = new Int32Array(0);
  private touched = new Int32Array(0);
  private covered = new Int32Array(0);
  private stamp = 0;

  constructor(private readonly source: PassageSource) {}

  get documents(): number {
    return this.live.size;
  }

  get segmentIds(): number[] {
    return this.segs.map((s) => s.id);
  }

  get passages(): number {
    return this.N;
  }

  has(id: number): boolean {
    return this.segs.some((s) => s.id === id);
  }

  /** Add a segment; `fps` gives the current fingerprint of (at least) its documents. */
  addSegment(id: number, data: SegmentData, fps: Map<string, string | null>): void {
    this.addSegments([{ id, data }], fps);
  }

  /** Add segments at once (statistics are recomputed once, not per segment). */
  addSegments(list: Array<{ id: number; data: SegmentData }>, fps: Map<string, string | null>): void {
    const added: Loaded[] = [];
    for (const { id, data } of list) {
      if (this.has(id)) continue;
      const P = passageCount(data);
      const passageDoc = new Int32Array(P);
      for (let d = 0; d < docCount(data); d++) passageDoc.fill(d, data.docFirstPassage[d], data.docFirstPassage[d + 1]);
      const seg: Loaded = { id, data, passages: P, passageDoc, dead: new Uint8Array(docCount(data)).fill(1), norm: new Float32Array(P * NF) };
      this.segs.push(seg);
      this.dict.add(data);
      this.N += P;
      for (let f = 0; f < NF; f++) for (let p = 0; p < P; p++) this.lenSum[f] += (data.fieldLen[f * P + p] ?? 0);
      this.growScratch(P, docCount(data));
      added.push(seg);
    }
    if (added.length === 0) return;
    this.segs.sort((a, b) => a.id - b.id);
    this.renormalise();
    for (const seg of added) {
      seg.data.docIds.forEach((docId, ord) => {
        const list = this.entries.get(docId);
        if (list) list.push({ seg, ord });
        else this.entries.set(docId, [{ seg, ord }]);
        if (fps.has(docId)) this.lastFp.set(docId, fps.get(docId) ?? null);
        this.evaluate(docId);
      });
    }
  }

  dropSegment(id: number): void {
    const seg = this.segs.find((s) => s.id === id);
    if (!seg) return;
    this.segs = this.segs.filter((s) => s !== seg);
    this.dict.remove(seg.data);
    const P = seg.passages;
    this.N -= P;
    for (let f = 0; f < NF; f++) for (let p = 0; p < P; p++) this.lenSum[f] -= (seg.data.fieldLen[f * P + p] ?? 0);
    this.renormalise();
    for (const docId of seg.data.docIds) {
      const list = (this.entries.get(docId) ?? []).filter((e) => e.seg !== seg);
      if (list.length) this.entries.set(docId, list);
      else this.entries.delete(docId);
      this.evaluate(docId);
    }
  }

  /** Average field lengths changed: recompute every passage's length normalisation. */
  private renormalise(): void {
    const invAvg = Array.from(this.lenSum, (s) => (s > 0 ? this.N / s : 0));
    for (const seg of this.segs) {
      const P = seg.passages;
      for (let f = 0; f < NF; f++) {
        const ia = (invAvg[f] ?? 0);
        for (let p = 0; p < P; p++) seg.norm[f * P + p] = K1 * (1 - B + B * (seg.data.fieldLen[f * P + p] ?? 0) * ia);
      }
    }
  }

  /** Documents changed (or were deleted: fingerprint null): takes effect at once. */
  invalidate(fps: Map<string, string | null>): void {
    for (const [docId, fp] of fps) {
      this.lastFp.set(docId, fp);
      if (fp === null) this.lastFp.delete(docId);
      this.evaluate(docId);
    }
  }

  /** The newest segment entry with the document's current fingerprint is live; others are tombstones. */
  private evaluate(docId: string): void {
    const fp = this.lastFp.get(docId) ?? null;
    const list = this.entries.get(docId) ?? [];
    let chosen: Entry | null = null;
    for (const e of list) {
      e.seg.dead[e.ord] = 1;
      if (fingerprintMatches((e.seg.data.fingerprints[e.ord] ?? ''), fp) && (!chosen || e.seg.id > chosen.seg.id)) chosen = e;
    }
    if (chosen) {
      chosen.seg.dead[chosen.ord] = 0;
      this.live.add(docId);
    } else this.live.delete(docId);
  }

  private segAt(i: number): Loaded {
    const seg = this.segs[i];
    if (!seg) throw new Error(`No search segment at ${i}.`);
    return seg;
  }

  private growScratch(passages: number, docs: number): void {
    if (passages > this.score.length) {
      this.score = new Float64Array(passages);
      this.reqCount = new Uint8Array(passages);
      this.reqMark = new Int32Array(passages);
      this.prohMark = new Int32Array(passages);
      this.touched = new Int32Array(passages);
      this.covered = new Int32Array(passages);
    }
    if (docs > this.docMark.length) this.docMark = new Int32Array(docs);
  }

  private nextStamp(): number {
    if (this.stamp >= 0x3fffffff) {
      this.stamp = 0;
      for (const a of [this.reqMark, this.prohMark, this.docMark]) a.fill(0);
    }
    return ++this.stamp;
  }

  query(input: string, limit: number, cancelled: () => boolean = () => false): SearchOutcome {
    const plan = planQuery(input, this.dict, this.N);
    if ('empty' in plan) return { hits: [], total: 0, hint: plan.empty, totalIsEstimate: false };
    const hint = [...plan.hints][0] ?? null;
    const keyOf = (seg: Loaded, p: number): string => seg.data.docIds[seg.passageDoc[p] ?? 0] ?? '';
    const idxOf = (seg: Loaded, p: number): number => seg.data.passageIdx[p] ?? 0;
    const before = (a: Hit, b: Hit): boolean => {
      if (a.cover !== b.cover) return a.cover > b.cover;
      if (a.score !== b.score) return a.score > b.score;
      const da = keyOf(a.seg, a.p);
      const db = keyOf(b.seg, b.p);
      if (da !== db) return da < db;
      return idxOf(a.seg, a.p) < idxOf(b.seg, b.p);
    };
    // Without phrases the best hits are kept as they come; a few more than the page when the
    // words' adjacency may still reorder them (see rankPage).
    const keep = plan.adjacent.length > 0 ? limit * 2 + 8 : limit;
    const top = new TopK<Hit>(keep, before);
    const candidates = plan.phraseMode ? new Candidates() : null;
    let total = 0;
    this.segs.forEach((seg, si) => {
      if (cancelled()) throw new CancelledError();
      this.scanSegment(seg, plan, (score, cover, p) => {
        total++;
        if (candidates) candidates.push(score, cover, si, p);
        else {
          const worst = top.worst;
          if (top.full && worst && (cover < worst.cover || (cover === worst.cover && score < worst.score))) return;
          top.offer({ score, cover, seg, p });
        }
      });
    });

    const textOf = (h: Hit): PassageText | null => this.source.passage(keyOf(h.seg, h.p), idxOf(h.seg, h.p));
    const page: Array<{ hit: Hit; text: PassageText }> = [];
    if (!candidates) {
      for (const hit of top.sorted()) {
        const text = textOf(hit);
        if (text) page.push({ hit, text });
      }
      return { hits: this.rankPage(page, plan, limit, keyOf, idxOf), total, hint, totalIsEstimate: false };
    }

    const hitAt = (i: number): Hit => ({ score: candidates.score[i] ?? 0, cover: candidates.cover[i] ?? 0, seg: this.segAt(candidates.seg[i] ?? 0), p: candidates.p[i] ?? 0 });
    const verdict = verifyCandidates(
      candidates.n,
      limit,
      (a, b) => before(hitAt(a), hitAt(b)),
      (i, keepIt) => {
        const hit = hitAt(i);
        const text = textOf(hit);
        if (!text || !phrasesHold(text.text, text.start, text.end, plan.spec)) return false;
        if (keepIt && page.length < limit) page.push({ hit, text });
        return true;
      },
      () => page.length >= limit,
      cancelled,
    );
    return { hits: this.rankPage(page, plan, limit, keyOf, idxOf), total: verdict.total, hint, totalIsEstimate: verdict.estimate };
  }

  /**
   * Score one segment's passages and report each that satisfies the query (required words
   * present, no prohibited word, live document) with its score and how many of the query's
   * words it holds.
   */
  private scanSegment(seg: Loaded, plan: QueryPlan, emit: (score: number, cover: number, p: number) => void): void {
    const d = seg.data;
    const P = seg.passages;
    const { score, touched, covered, reqCount, reqMark, prohMark, docMark } = this;
    const norm = seg.norm;
    const { termList, coef, bits } = plan;
    const local = termList.map((t) => findTerm(d.terms, t));
    let tn = 0;
    // Text first: passages touched after `tnText` matched only in title or outlet.
    let tnText = 0;
    for (let f = 0; f < NF; f++) {
      for (let i = 0; i < termList.length; i++) {
        const c = coef[i]?.[f] ?? 0;
        const t = local[i] ?? -1;
        if (c === 0 || t < 0) continue;
        const bit = bits[i]?.[f] ?? 0;
        const to = d.termOff[t * NF + f + 1] ?? 0;
        const base = f * P;
        for (let k = d.termOff[t * NF + f] ?? 0; k < to; k++) {
          const p = d.postings[k] ?? 0;
          const tf = d.tfs[k] ?? 0;
          if (score[p] === 0) {
            touched[tn++] = p;
            covered[p] = 0;
          }
          score[p] = (score[p] ?? 0) + (c * tf) / ((norm[base + p] ?? 1) + tf);
          covered[p] = (covered[p] ?? 0) | bit;
        }
      }
      if (f === 0) tnText = tn;
    }
    const postingsOf = (term: string, fields: number[], visit: (p: number) => void): void => {
      const t = findTerm(d.terms, term);
      if (t < 0) return;
      for (const f of fields) for (let k = d.termOff[t * NF + f] ?? 0; k < (d.termOff[t * NF + f + 1] ?? 0); k++) visit(d.postings[k] ?? 0);
    };
    for (const g of plan.required) {
      const gs = this.nextStamp();
      for (const term of g.terms) {
        postingsOf(term, g.fields, (p) => {
          if (reqMark[p] === gs) return;
          reqMark[p] = gs;
          reqCount[p] = (reqCount[p] ?? 0) + 1;
        });
      }
    }
    const ps = this.nextStamp();
    for (const g of plan.prohibited) for (const term of g.terms) postingsOf(term, g.fields, (p) => (prohMark[p] = ps));
    const ds = this.nextStamp();
    for (let i = 0; i < tnText; i++) docMark[seg.passageDoc[touched[i] ?? 0] ?? 0] = ds;
    const nReq = plan.required.length;
    for (let i = 0; i < tn; i++) {
      const p = touched[i] ?? 0;
      const sc = score[p] ?? 0;
      const rc = reqCount[p] ?? 0;
      score[p] = 0;
      reqCount[p] = 0;
      if (rc < nReq || prohMark[p] === ps) continue;
      const doc = seg.passageDoc[p] ?? 0;
      if (seg.dead[doc]) continue;
      // A passage matched only through its document's title or outlet stands for the
      // document once (its first passage), and only if no passage matched in the text.
      if (i >= tnText && (docMark[doc] === ds || p !== d.docFirstPassage[doc])) continue;
      emit(sc, popcount(covered[p] ?? 0), p);
    }
  }

  /**
   * The page in its final order: passages holding more of the query's words first; among
   * those, the ones holding words typed next to each other as a phrase; then by score. Offsets,
   * snippet and marks come from the passage text (snippet.ts).
   */
  private rankPage(
    page: Array<{ hit: Hit; text: PassageText }>,
    plan: QueryPlan,
    limit: number,
    keyOf: (seg: Loaded, p: number) => string,
    idxOf: (seg: Loaded, p: number) => number,
  ): SearchHitCore[] {
    const ranked = page.map((e, order) => ({ ...e, order, adjacent: plan.adjacent.length > 0 && holdsAnyPhrase(e.text.text, e.text.start, e.text.end, plan.adjacent) }));
    ranked.sort((a, b) => b.hit.cover - a.hit.cover || Number(b.adjacent) - Number(a.adjacent) || a.order - b.order);
    return ranked.slice(0, limit).map(({ hit, text }) => ({
      docId: keyOf(hit.seg, hit.p),
      score: Math.round(hit.score * 1e4) / 1e4,
      passageIndex: idxOf(hit.seg, hit.p),
      ...locate(text.text, text.start, text.end, plan.shown),
    }));
  }
}
