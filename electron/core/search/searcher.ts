import { ParallaxError } from '../errors.js';
import { FIELDS, parseQuery, type FieldName, type Presence } from './query.js';
import { Dictionary } from './dictionary.js';
import { FIELD_BOOSTS, NF, docCount, findTerm, passageCount, type SegmentData } from './segment.js';
import { locate, phrasesHold, type MatchSpec } from './snippet.js';
import { fingerprintMatches, type PassageText } from './store.js';
import type { SearchHitCore, SearchResultCore } from './types.js';

// Queries across segments with lunr's scoring model: BM25 weights per field (k1 = 1.2,
// b = 0.75, field boosts) in a query vector space, score = q · d / |q| summed over fields.
// lunr bakes each index's own idf and average field length into its vectors; here the
// weights are computed at query time from term frequencies with LIBRARY-WIDE statistics,
// so a passage scores the same whichever segment holds it.

const K1 = 1.2;
const B = 0.75;
/**
 * Expansions of one prefix are capped, the most frequent kept, so search-as-you-type stays
 * fast: one or two letters are mostly a word being typed.
 */
export function maxExpansions(prefixLength: number): number {
  return prefixLength <= 1 ? 24 : prefixLength === 2 ? 64 : 200;
}
/** Phrase candidates verified against the text, at most, before the total is estimated. */
const VERIFY_MAX = 1500;
/** Candidates checked to estimate how many of the rest hold the phrase. */
const PHRASE_SAMPLE = 32;

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

interface Group {
  presence: Presence;
  fields: number[];
  terms: string[];
  boost: number;
}

const idfOf = (N: number, df: number): number => Math.log(1 + Math.abs((N - df + 0.5) / (df + 0.5)));

export class CancelledError extends ParallaxError {
  constructor() {
    super('CANCELLED', 'A newer search replaced this one.');
  }
}

/** The best `k` items offered, worst at the root (k = Infinity keeps them all, unordered). */
class TopK<T> {
  readonly items: T[] = [];
  constructor(
    private readonly k: number,
    private readonly before: (a: T, b: T) => boolean,
  ) {}
  get full(): boolean {
    return this.items.length >= this.k;
  }
  get worst(): T | undefined {
    return this.items[0];
  }
  offer(x: T): void {
    const h = this.items;
    if (this.k === Infinity) {
      h.push(x);
      return;
    }
    if (h.length < this.k) {
      h.push(x);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.before(h[parent] as T, h[i] as T)) break;
        [h[parent], h[i]] = [h[i] as T, h[parent] as T];
        i = parent;
      }
      return;
    }
    if (!this.before(x, h[0] as T)) return;
    h[0] = x;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && this.before(h[worst] as T, h[l] as T)) worst = l;
      if (r < h.length && this.before(h[worst] as T, h[r] as T)) worst = r;
      if (worst === i) break;
      [h[worst], h[i]] = [h[i] as T, h[worst] as T];
      i = worst;
    }
  }
  sorted(): T[] {
    return [...this.items].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }
}

interface Hit {
  score: number;
  seg: Loaded;
  p: number;
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
      for (let f = 0; f < NF; f++) for (let p = 0; p < P; p++) this.lenSum[f] += data.fieldLen[f * P + p] as number;
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
    for (let f = 0; f < NF; f++) for (let p = 0; p < P; p++) this.lenSum[f] -= seg.data.fieldLen[f * P + p] as number;
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
        const ia = invAvg[f] as number;
        for (let p = 0; p < P; p++) seg.norm[f * P + p] = K1 * (1 - B + B * (seg.data.fieldLen[f * P + p] as number) * ia);
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
      if (fingerprintMatches(e.seg.data.fingerprints[e.ord] as string, fp) && (!chosen || e.seg.id > chosen.seg.id)) chosen = e;
    }
    if (chosen) {
      chosen.seg.dead[chosen.ord] = 0;
      this.live.add(docId);
    } else this.live.delete(docId);
  }

  private growScratch(passages: number, docs: number): void {
    if (passages > this.score.length) {
      this.score = new Float64Array(passages);
      this.reqCount = new Uint8Array(passages);
      this.reqMark = new Int32Array(passages);
      this.prohMark = new Int32Array(passages);
      this.touched = new Int32Array(passages);
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

  private expandPrefix(prefixes: string[], hints: Set<string>, shown: string): string[] {
    const found = new Set<number>();
    for (const prefix of prefixes) {
      const [a, b] = this.dict.range(prefix);
      for (let t = a; t < b; t++) found.add(t);
    }
    const cap = maxExpansions(shown.length);
    let picked = [...found];
    if (picked.length > cap) {
      hints.add(`“${shown}*” matches ${picked.length.toLocaleString('en')} words; the ${cap} most common were searched. Type more letters to narrow it.`);
      picked = picked.sort((x, y) => (this.dict.df[y] as number) - (this.dict.df[x] as number) || x - y).slice(0, cap);
    }
    return picked.map((t) => this.dict.terms[t] as string);
  }

  query(input: string, limit: number, cancelled: () => boolean = () => false): SearchOutcome {
    const empty = (hint: string | null): SearchOutcome => ({ hits: [], total: 0, hint, totalIsEstimate: false });
    const parsed = parseQuery(input);
    const hints = new Set(parsed.hints);
    const firstHint = (): string | null => [...hints][0] ?? null;
    if (parsed.clauses.length === 0 || this.N === 0) return empty(firstHint());

    const allFields = FIELDS.map((_, i) => i);
    const fieldIdx = (fs: readonly FieldName[]): number[] => fs.map((f) => FIELDS.indexOf(f));
    const dict = this.dict;
    const groups: Group[] = [];
    const phrases: string[][] = [];
    const forbidden: string[][] = [];
    const softPhrases: string[][] = [];
    for (const c of parsed.clauses) {
      if (c.kind === 'term') {
        const terms = c.prefix
          ? this.expandPrefix([c.term, ...(c.altPrefix ? [c.altPrefix] : [])], hints, c.term)
          : dict.dfOf(c.term) > 0
            ? [c.term]
            : [];
        groups.push({ presence: c.presence, fields: fieldIdx(c.fields), terms, boost: c.boost });
      } else if (c.presence === 'prohibited') forbidden.push(c.sequence);
      else if (c.presence === 'optional') softPhrases.push(c.sequence);
      else {
        phrases.push(c.sequence);
        for (const t of c.terms) groups.push({ presence: 'required', fields: allFields, terms: dict.dfOf(t) > 0 ? [t] : [], boost: 1 });
      }
    }
    if (groups.some((g) => g.presence === 'required' && g.terms.length === 0)) return empty(firstHint());
    const scoring = groups.filter((g) => g.presence !== 'prohibited' && g.terms.length > 0);
    if (scoring.length === 0) return empty(firstHint());
    const required = groups.filter((g) => g.presence === 'required');
    const prohibited = groups.filter((g) => g.presence === 'prohibited' && g.terms.length > 0);

    // The query vector per field (lunr: each expanded term upserted with the clause boost),
    // as one list of distinct terms with a coefficient per field (0: not in that field).
    const N = this.N;
    const termList: string[] = [];
    const termAt = new Map<string, number>();
    const q: number[][] = [];
    for (const g of scoring) {
      for (const t of g.terms) {
        let i = termAt.get(t);
        if (i === undefined) {
          i = termList.length;
          termAt.set(t, i);
          termList.push(t);
          q.push(new Array<number>(NF).fill(0));
        }
        for (const f of g.fields) (q[i] as number[])[f] = ((q[i] as number[])[f] as number) + g.boost;
      }
    }
    const mag = new Array<number>(NF).fill(0);
    for (const row of q) for (let f = 0; f < NF; f++) mag[f] = (mag[f] as number) + (row[f] as number) ** 2;
    const coef = q.map((row, i) => {
      const idf = idfOf(N, dict.dfOf(termList[i] as string));
      return row.map((v, f) => (v > 0 ? (v / Math.sqrt(mag[f] as number)) * idf * (K1 + 1) * FIELD_BOOSTS[FIELDS[f] as FieldName] : 0));
    });

    const phraseMode = phrases.length > 0 || forbidden.length > 0;
    const keyOf = (seg: Loaded, p: number): string => seg.data.docIds[seg.passageDoc[p] as number] as string;
    const beforeHit = (a: Hit, b: Hit): boolean => {
      if (a.score !== b.score) return a.score > b.score;
      const da = keyOf(a.seg, a.p);
      const db = keyOf(b.seg, b.p);
      if (da !== db) return da < db;
      return (a.seg.data.passageIdx[a.p] as number) < (b.seg.data.passageIdx[b.p] as number);
    };
    const top = new TopK<Hit>(limit, beforeHit);
    // Phrase candidates, all of them, in parallel arrays (no object per candidate).
    let cn = 0;
    let cScore = new Float64Array(phraseMode ? 1024 : 0);
    let cSeg = new Int32Array(phraseMode ? 1024 : 0);
    let cP = new Int32Array(phraseMode ? 1024 : 0);
    let total = 0;
    const local = new Int32Array(termList.length);

    this.segs.forEach((seg, si) => {
      if (cancelled()) throw new CancelledError();
      const d = seg.data;
      const P = seg.passages;
      const score = this.score;
      const touched = this.touched;
      const norm = seg.norm;
      let tn = 0;
      for (let i = 0; i < termList.length; i++) local[i] = findTerm(d.terms, termList[i] as string);
      // Text first: passages touched after `tnText` matched only in title or outlet.
      let tnText = 0;
      for (let f = 0; f < NF; f++) {
        for (let i = 0; i < termList.length; i++) {
          const c = (coef[i] as number[])[f] as number;
          const t = local[i] as number;
          if (c === 0 || t < 0) continue;
          const to = d.termOff[t * NF + f + 1] as number;
          const base = f * P;
          for (let k = d.termOff[t * NF + f] as number; k < to; k++) {
            const p = d.postings[k] as number;
            const tf = d.tfs[k] as number;
            if (score[p] === 0) touched[tn++] = p;
            score[p] = (score[p] as number) + (c * tf) / ((norm[base + p] as number) + tf);
          }
        }
        if (f === 0) tnText = tn;
      }
      for (const g of required) {
        const gs = this.nextStamp();
        for (const term of g.terms) {
          const t = findTerm(d.terms, term);
          if (t < 0) continue;
          for (const f of g.fields) {
            for (let k = d.termOff[t * NF + f] as number; k < (d.termOff[t * NF + f + 1] as number); k++) {
              const p = d.postings[k] as number;
              if (this.reqMark[p] !== gs) {
                this.reqMark[p] = gs;
                this.reqCount[p] = (this.reqCount[p] as number) + 1;
              }
            }
          }
        }
      }
      const ps = this.nextStamp();
      for (const g of prohibited) {
        for (const term of g.terms) {
          const t = findTerm(d.terms, term);
          if (t < 0) continue;
          for (const f of g.fields) for (let k = d.termOff[t * NF + f] as number; k < (d.termOff[t * NF + f + 1] as number); k++) this.prohMark[d.postings[k] as number] = ps;
        }
      }
      const ds = this.nextStamp();
      for (let i = 0; i < tnText; i++) this.docMark[seg.passageDoc[touched[i] as number] as number] = ds;
      const nReq = required.length;
      for (let i = 0; i < tn; i++) {
        const p = touched[i] as number;
        const sc = score[p] as number;
        const rc = this.reqCount[p] as number;
        score[p] = 0;
        this.reqCount[p] = 0;
        if (rc < nReq || this.prohMark[p] === ps) continue;
        const doc = seg.passageDoc[p] as number;
        if (seg.dead[doc]) continue;
        // A passage matched only through its document's title or outlet stands for the
        // document once (its first passage), and only if no passage matched in the text.
        if (i >= tnText && (this.docMark[doc] === ds || p !== d.docFirstPassage[doc])) continue;
        total++;
        if (phraseMode) {
          if (cn === cScore.length) {
            const grow = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A): A => {
              const b = make(a.length * 2);
              b.set(a);
              return b;
            };
            cScore = grow(cScore, (n) => new Float64Array(n));
            cSeg = grow(cSeg, (n) => new Int32Array(n));
            cP = grow(cP, (n) => new Int32Array(n));
          }
          cScore[cn] = sc;
          cSeg[cn] = si;
          cP[cn] = p;
          cn++;
        } else {
          const worst = top.worst;
          if (top.full && worst && sc < worst.score) continue;
          top.offer({ score: sc, seg, p });
        }
      }
    });

    const spec: MatchSpec = { terms: new Map(), phrases, forbidden };
    for (const g of scoring) if (g.fields.includes(0)) for (const t of g.terms) spec.terms.set(t, idfOf(N, dict.dfOf(t)));
    const shown: MatchSpec = { ...spec, phrases: [...phrases, ...softPhrases] };
    const hits: SearchHitCore[] = [];
    const textOf = (seg: Loaded, p: number): PassageText | null => this.source.passage(keyOf(seg, p), seg.data.passageIdx[p] as number);
    const hitOf = (h: Hit, pt: PassageText): SearchHitCore => ({
      docId: keyOf(h.seg, h.p),
      score: Math.round(h.score * 1e4) / 1e4,
      passageIndex: h.seg.data.passageIdx[h.p] as number,
      ...locate(pt.text, pt.start, pt.end, shown),
    });

    if (!phraseMode) {
      for (const h of top.sorted()) {
        const pt = textOf(h.seg, h.p);
        if (pt) hits.push(hitOf(h, pt));
      }
      return { hits, total, hint: firstHint(), totalIsEstimate: false };
    }

    // Phrases: verify adjacency in the passage text, best candidates first, only until the
    // page is full; the total is then estimated from an even sample of the rest.
    const hitAt = (i: number): Hit => ({ score: cScore[i] as number, seg: this.segs[cSeg[i] as number] as Loaded, p: cP[i] as number });
    // The same order as beforeHit, on the candidate arrays (sorting allocates nothing).
    const beforeIdx = (a: number, b: number): boolean => {
      const sa = cScore[a] as number;
      const sb = cScore[b] as number;
      if (sa !== sb) return sa > sb;
      const ga = this.segs[cSeg[a] as number] as Loaded;
      const gb = this.segs[cSeg[b] as number] as Loaded;
      const pa = cP[a] as number;
      const pb = cP[b] as number;
      const da = keyOf(ga, pa);
      const db = keyOf(gb, pb);
      if (da !== db) return da < db;
      return (ga.data.passageIdx[pa] as number) < (gb.data.passageIdx[pb] as number);
    };
    const checked = new Uint8Array(cn);
    const holds = (i: number, keep: boolean): boolean => {
      checked[i] = 1;
      const h = hitAt(i);
      const pt = textOf(h.seg, h.p);
      if (!pt) return false;
      if (!phrasesHold(pt.text, pt.start, pt.end, spec)) return false;
      if (keep && hits.length < limit) hits.push(hitOf(h, pt));
      return true;
    };
    let verified = 0;
    let checks = 0;
    const head = new TopK<number>(Math.min(cn, limit * 2 + 8), beforeIdx);
    for (let i = 0; i < cn; i++) head.offer(i);
    let ordered = head.sorted();
    let k = 0;
    for (;;) {
      for (; k < ordered.length && hits.length < limit && checks < VERIFY_MAX; k++) {
        if ((checks & 31) === 31 && cancelled()) throw new CancelledError();
        checks++;
        if (holds(ordered[k] as number, true)) verified++;
      }
      if (hits.length >= limit || checks >= VERIFY_MAX || ordered.length === cn) break;
      // The best few did not fill the page: go through every candidate in order.
      ordered = Array.from({ length: cn }, (_, i) => i).sort((a, b) => (beforeIdx(a, b) ? -1 : beforeIdx(b, a) ? 1 : 0));
      k = 0;
      while (k < ordered.length && checked[ordered[k] as number]) k++;
    }
    const rest = cn - checks;
    let phraseTotal = verified;
    let estimate = false;
    if (rest > 0) {
      const sample = Math.min(rest, PHRASE_SAMPLE);
      let ok = 0;
      let seen = 0;
      for (let j = 0; j < cn && seen < sample; j += Math.max(1, Math.floor(cn / sample))) {
        let i = j;
        while (i < cn && checked[i]) i++;
        if (i >= cn) break;
        seen++;
        if (holds(i, false)) ok++;
      }
      phraseTotal = verified + Math.round((ok / Math.max(1, seen)) * rest);
      estimate = seen < rest;
    }
    return { hits, total: phraseTotal, hint: firstHint(), totalIsEstimate: estimate };
  }
}
