import { FIELDS, type FieldName } from './query.js';

// One immutable index segment: what lunr's Builder records for a set of passages (term
// frequencies per field and field lengths), laid out as typed arrays so it loads without
// JSON.parse and queries without an object per posting. Weights are not stored: they are
// computed at query time with library-wide statistics, so scores from different segments
// compare (see searcher.ts). `segmentToLunrIndex` in lunr-compat.ts turns one back into a
// lunr.Index, which the tests use to show nothing is lost.

export const SEGMENT_FORMAT = 1;
export const FIELD_BOOSTS: Readonly<Record<FieldName, number>> = { text: 1, title: 3, outlet: 2 };
export const NF = FIELDS.length;

export interface SegmentData {
  docIds: string[];
  fingerprints: string[];
  /** doc ordinal -> its first passage ordinal; length docs + 1. */
  docFirstPassage: Int32Array;
  /** passage ordinal -> the passage's index in its document. */
  passageIdx: Int32Array;
  /** Field length (tokens after analysis) per passage, field-major: f * passages + p. */
  fieldLen: Int32Array;
  /** Sorted (code-unit order), unique. */
  terms: string[];
  /** (term t, field f) -> postings [termOff[t*NF+f], termOff[t*NF+f+1]). */
  termOff: Int32Array;
  /** Passage ordinals, ascending within each (term, field). */
  postings: Int32Array;
  /** Term frequency beside each posting. */
  tfs: Uint16Array;
}

export const passageCount = (s: SegmentData): number => s.passageIdx.length;
export const docCount = (s: SegmentData): number => s.docIds.length;

/** Binary search: index of term, or -1. */
export function findTerm(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = terms[mid];
    if (t < term) lo = mid + 1;
    else if (t > term) hi = mid;
    else return mid;
  }
  return -1;
}

/** First index whose term is >= key. */
export function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [from, to) of the terms that start with prefix. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  return [lowerBound(terms, prefix), lowerBound(terms, prefix + '\uffff')];
}

/** Documents in a term's postings summed over fields (lunr's idf counts it this way). */
export function termDf(s: SegmentData, t: number): number {
  return s.termOff[t * NF + NF] - s.termOff[t * NF];
}

// ---- binary encoding ----------------------------------------------------------------

const MAGIC = 0x53584c50; // 'PLXS'

interface Header {
  v: number;
  fields: string[];
  docs: number;
  passages: number;
  terms: number;
  postings: number;
  strings: [number, number, number];
}

const align4 = (n: number): number => (n + 3) & ~3;

export function encodeSegment(s: SegmentData): Buffer {
  const docs = Buffer.from(s.docIds.join('\n'), 'utf8');
  const fps = Buffer.from(s.fingerprints.join('\n'), 'utf8');
  const terms = Buffer.from(s.terms.join('\n'), 'utf8');
  const header: Header = {
    v: SEGMENT_FORMAT,
    fields: [...FIELDS],
    docs: s.docIds.length,
    passages: s.passageIdx.length,
    terms: s.terms.length,
    postings: s.postings.length,
    strings: [docs.length, fps.length, terms.length],
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const arrays: ArrayBufferView[] = [s.docFirstPassage, s.passageIdx, s.fieldLen, s.termOff, s.postings, s.tfs];
  let size = 8 + align4(head.length);
  for (const a of arrays) size += align4(a.byteLength);
  size += docs.length + fps.length + terms.length;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(head.length, 4);
  head.copy(out, 8);
  let at = 8 + align4(head.length);
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align4(a.byteLength);
  }
  for (const b of [docs, fps, terms]) {
    b.copy(out, at);
    at += b.length;
  }
  return out;
}

const splitLines = (b: Buffer, from: number, len: number, count: number): string[] =>
  count === 0 ? [] : b.toString('utf8', from, from + len).split('\n');

/** Decode a segment; typed arrays are views into the buffer (copied once if misaligned). */
export function decodeSegment(input: Uint8Array): SegmentData {
  let buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.byteOffset % 4 !== 0) {
    const copy = Buffer.allocUnsafeSlow(buf.length);
    buf.copy(copy);
    buf = copy;
  }
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) throw new Error('Not a Parallax search segment.');
  const headLen = buf.readUInt32LE(4);
  const h = JSON.parse(buf.toString('utf8', 8, 8 + headLen)) as Header;
  if (h.v !== SEGMENT_FORMAT || h.fields.join() !== FIELDS.join()) throw new Error(`Search segment format ${h.v} is not ${SEGMENT_FORMAT}.`);
  let at = 8 + align4(headLen);
  const i32 = (n: number): Int32Array => {
    const a = new Int32Array(buf.buffer, buf.byteOffset + at, n);
    at += align4(n * 4);
    return a;
  };
  const docFirstPassage = i32(h.docs + 1);
  const passageIdx = i32(h.passages);
  const fieldLen = i32(h.passages * NF);
  const termOff = i32(h.terms * NF + 1);
  const postings = i32(h.postings);
  const tfs = new Uint16Array(buf.buffer, buf.byteOffset + at, h.postings);
  at += align4(h.postings * 2);
  const [dl, fl, tl] = h.strings;
  const docIds = splitLines(buf, at, dl, h.docs);
  const fingerprints = splitLines(buf, at + dl, fl, h.docs);
  const terms = splitLines(buf, at + dl + fl, tl, h.terms);
  return { docIds, fingerprints, docFirstPassage, passageIdx, fieldLen, terms, termOff, postings, tfs };
}

// ---- merging ------------------------------------------------------------------------

export interface MergePart {
  segment: SegmentData;
  /** Keep this document (false for deleted or replaced ones: they are purged here). */
  keep: (docOrdinal: number) => boolean;
}

/**
 * Merge segments into one without re-analysing any text: documents are concatenated and
 * postings merged term by term. Equal to building the kept documents afresh, in order.
 */
export function mergeSegments(parts: MergePart[]): SegmentData {
  const docIds: string[] = [];
  const fingerprints: string[] = [];
  const firsts: number[] = [0];
  const passageMaps: Int32Array[] = [];
  let passages = 0;
  for (const { segment: s, keep } of parts) {
    const map = new Int32Array(passageCount(s)).fill(-1);
    for (let d = 0; d < s.docIds.length; d++) {
      if (!keep(d)) continue;
      docIds.push(s.docIds[d]);
      fingerprints.push(s.fingerprints[d]);
      for (let p = s.docFirstPassage[d]; p < s.docFirstPassage[d + 1]; p++) map[p] = passages++;
      firsts.push(passages);
    }
    passageMaps.push(map);
  }
  const passageIdx = new Int32Array(passages);
  const fieldLen = new Int32Array(passages * NF);
  parts.forEach(({ segment: s }, i) => {
    const map = passageMaps[i];
    const sp = passageCount(s);
    for (let p = 0; p < sp; p++) {
      const np = map[p];
      if (np < 0) continue;
      passageIdx[np] = s.passageIdx[p];
      for (let f = 0; f < NF; f++) fieldLen[f * passages + np] = s.fieldLen[f * sp + p];
    }
  });

  const termSet = new Set<string>();
  for (const { segment: s } of parts) for (const t of s.terms) termSet.add(t);
  const allTerms = [...termSet].sort();
  let cap = 0;
  for (const { segment: s } of parts) cap += s.postings.length;
  const postings = new Int32Array(cap);
  const tfs = new Uint16Array(cap);
  const termOffAll = new Int32Array(allTerms.length * NF + 1);
  const cursor = new Array<number>(parts.length).fill(0);
  let n = 0;
  const terms: string[] = [];
  for (const term of allTerms) {
    const t = terms.length;
    const startN = n;
    for (let f = 0; f < NF; f++) {
      termOffAll[t * NF + f] = n;
      parts.forEach(({ segment: s }, i) => {
        const ti = cursor[i];
        if (s.terms[ti] !== term) return;
        const map = passageMaps[i];
        const from = s.termOff[ti * NF + f];
        const to = s.termOff[ti * NF + f + 1];
        for (let k = from; k < to; k++) {
          const np = map[s.postings[k]];
          if (np < 0) continue;
          postings[n] = np;
          tfs[n] = s.tfs[k];
          n++;
        }
      });
    }
    parts.forEach(({ segment: s }, i) => {
      if (s.terms[cursor[i]] === term) cursor[i] = cursor[i] + 1;
    });
    if (n === startN) continue; // every posting of this term belonged to purged documents
    terms.push(term);
  }
  termOffAll[terms.length * NF] = n;
  return {
    docIds,
    fingerprints,
    docFirstPassage: Int32Array.from(firsts),
    passageIdx,
    fieldLen,
    terms,
    termOff: termOffAll.slice(0, terms.length * NF + 1),
    postings: postings.slice(0, n),
    tfs: tfs.slice(0, n),
  };
}
