import { createHash } from 'node:crypto';
import type { Sentence } from '../types.js';
import { isFramingKey, isNegationKey, termsOf, tokenize, type Token } from './text.js';

// What the aligner knows about each sentence: its content terms (as small integer ids, so
// overlaps are cheap), their reading order, and what it asserts when part of it only says
// who said it.

/** Term and word ids are process-wide so features of different documents compare directly. */
const termIds = new Map<string, number>();
const numericTerms = new Set<number>();
const negationTerms = new Set<number>();
const framingTerms = new Set<number>();

function idOf(map: Map<string, number>, key: string): number {
  let id = map.get(key);
  if (id === undefined) {
    id = map.size;
    map.set(key, id);
  }
  return id;
}

export const isNumericTerm = (id: number): boolean => numericTerms.has(id);
export const isNegationTerm = (id: number): boolean => negationTerms.has(id);
/** The id of a folded term (see text.ts stemKey), made on first sight. */
export const termId = (key: string): number => idOf(termIds, key);
export const isFramingTerm = (id: number): boolean => framingTerms.has(id);

export interface SentenceFeatures {
  index: number;
  passageIndex: number;
  start: number;
  end: number;
  /** Distinct content terms, ascending ids. */
  terms: Int32Array;
  /** Content terms in reading order, first occurrence only. */
  order: Int32Array;
  /**
   * What the sentence itself asserts when part of it only frames a statement: the quoted
   * words of "X said: “...”", or what follows "X said that". Null when there is no frame.
   */
  core: { terms: Int32Array; order: Int32Array } | null;
  /** A title or heading: it restates the body, so it may link alongside a body sentence. */
  headline: boolean;
}

export interface DocFeatures {
  docId: string;
  contentHash: string;
  /** Fingerprint of the sentence boundaries: cached links are only valid for the same ones. */
  segHash: string;
  text: string;
  sentences: SentenceFeatures[];
  /** Sentence count per term (this document's share of the library's document frequency). */
  df: Map<number, number>;
}

export function segmentationHash(sentences: readonly Sentence[], headings: ReadonlySet<number> = new Set()): string {
  const h = createHash('sha1');
  for (const s of sentences) h.update(`${s.start},${s.end},${s.passageIndex}${headings.has(s.passageIndex) ? 'h' : ''};`);
  return h.digest('hex').slice(0, 16);
}

function termSet(tokens: readonly Token[]): { terms: Int32Array; order: Int32Array } {
  const seen = new Set<number>();
  const order: number[] = [];
  for (const t of termsOf(tokens)) {
    const id = idOf(termIds, t.key);
    if (t.numeric) numericTerms.add(id);
    if (t.framing) framingTerms.add(id);
    if (t.negation) negationTerms.add(id);
    if (!seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  }
  return { terms: Int32Array.from(order).sort(), order: Int32Array.from(order) };
}

// "The ministers confirmed that ...", "Stoltenberg said: ...", "our message is that ...":
// the words up to there frame the statement (when they come early in the sentence).
const REPORT_VERB =
  /\b(?:said|says|say|stated|states|state|confirmed|confirms|added|adds|add|noted|notes|explained|warned|warns|emphasi[sz]ed|stressed|underlined|reaffirmed|reaffirm|recalled|concluded|announced|believes|thinks|argued|agreed|declared|insisted|reiterated|wrote|writes|reads)\s+(?:that\b|:)/i;
const MESSAGE_FRAME = /\b(?:message|point|lesson|view|position|conclusion|argument|fact|truth|reality)\b.{0,40}?\bis\s+that\b/i;
const FRAME_MAX_START = 160;
// "..., Stoltenberg said in Bucharest on Tuesday.": attribution after the statement.
const TRAILING_FRAME =
  /,\s*[^,“”"]{0,60}?\b(?:said|says|stated|added|noted|explained|warned|pointed out|concluded|told|according to)\b[^,“”"]{0,100}$/i;
const TRAILING_HINT = /\b(?:said|says|stated|added|noted|explained|warned|pointed out|concluded|told|according to)\b/i;

/** The end of a leading frame ("X said that"), or -1. */
function leadingFrameEnd(text: string): number {
  const verb = REPORT_VERB.exec(text);
  if (verb && verb.index <= FRAME_MAX_START) return verb.index + verb[0].length;
  const message = MESSAGE_FRAME.exec(text);
  if (message && message.index <= 80) return message.index + message[0].length;
  return -1;
}

const MIN_CORE_TERMS = 3;
/** Below this share of the sentence's words a quotation is a phrase quoted, not the statement. */
const MIN_CORE_SHARE = 0.3;

/** Quoted stretches of a text ([start, end) inside the marks), paragraph by paragraph. */
export function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  let paragraphStart = 0;
  const close = (i: number): void => {
    // A closing mark with no opening one in this paragraph: the paragraph so far was a quote
    // continued from the one before (multi-paragraph quotations open each paragraph only).
    out.push([open >= 0 ? open : paragraphStart, i]);
    open = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (open >= 0) out.push([open, i]);
      open = -1;
      paragraphStart = i + 1;
    } else if (c === '“' || c === '«' || c === '„') {
      if (open >= 0) out.push([open, i]);
      open = i + 1;
    } else if (c === '”' || c === '»') close(i);
    else if (c === '"') {
      // Straight marks: opening after a space or at the start, closing after a word or punctuation.
      const before = i === paragraphStart ? ' ' : text[i - 1];
      if (/[\s([{\-–—]/.test(before) && open < 0) open = i + 1;
      else close(i);
    }
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

/**
 * The words a sentence asserts when some of it only reports who said it: what is quoted, or
 * what follows "X said that", less a trailing ", X said on Tuesday". Null when the whole
 * sentence is the statement.
 */
function coreTokens(sentenceText: string, sentenceStart: number, tokens: readonly Token[], quoted: ReadonlyArray<[number, number]>): Token[] | null {
  if (tokens.length === 0) return null;
  const inQuote = (t: Token): boolean => quoted.some(([s, e]) => t.start >= s && t.end <= e);
  const quotedFlags = tokens.map(inQuote);
  const allQuoted = quotedFlags.every(Boolean);
  const frameEnd = leadingFrameEnd(sentenceText);
  const leadMatch = frameEnd >= 0;
  const from = leadMatch ? sentenceStart + frameEnd : -1;
  // A frame that itself holds a quotation ("He added “...” and explained that") is not one.
  const lead = leadMatch && !tokens.some((t, i) => quotedFlags[i] && !allQuoted && t.start < from);
  const trail = allQuoted || !TRAILING_HINT.test(sentenceText) ? null : TRAILING_FRAME.exec(sentenceText);
  const until = trail ? sentenceStart + trail.index : Infinity;
  const anyQuoted = quotedFlags.some(Boolean);
  const keep = tokens.filter((t, i) => {
    if (lead) return t.start >= from && (quotedFlags[i] || t.start < until);
    if (anyQuoted && !allQuoted) return quotedFlags[i];
    return t.start < until;
  });
  if (keep.length === tokens.length || keep.length < tokens.length * MIN_CORE_SHARE) return null;
  return termsOf(keep).length >= MIN_CORE_TERMS ? keep : null;
}

export function sentenceFeatures(text: string, s: Sentence, quoted: ReadonlyArray<[number, number]> = []): SentenceFeatures {
  const sentenceText = text.slice(s.start, s.end);
  const tokens = tokenize(sentenceText, s.start);
  const full = termSet(tokens);
  const local = quoted.filter(([qs, qe]) => qe > s.start && qs < s.end);
  const core = coreTokens(sentenceText, s.start, tokens, local);
  return {
    index: s.index,
    passageIndex: s.passageIndex,
    start: s.start,
    end: s.end,
    terms: full.terms,
    order: full.order,
    core: core ? termSet(core) : null,
    headline: false,
  };
}

const docCache = new Map<string, DocFeatures>();
const DOC_CACHE_LIMIT = 400;

/** Features of one document, remembered by content and segmentation fingerprint. */
export function documentFeatures(
  docId: string,
  contentHash: string,
  text: string,
  sentences: readonly Sentence[],
  headings: ReadonlySet<number> = new Set(),
): DocFeatures {
  const segHash = segmentationHash(sentences, headings);
  const key = `${contentHash}:${segHash}`;
  const hit = docCache.get(key);
  if (hit) return hit.docId === docId ? hit : { ...hit, docId };
  const quoted = quotedRanges(text);
  const feats = sentences.map((s) => sentenceFeatures(text, s, quoted));
  const perPassage = new Map<number, number>();
  for (const s of sentences) perPassage.set(s.passageIndex, (perPassage.get(s.passageIndex) ?? 0) + 1);
  for (const f of feats) {
    const alone = perPassage.get(f.passageIndex) === 1;
    const unpunctuated = !/[.!?…:;]["”’»)\]]*$/.test(text.slice(f.start, f.end));
    f.headline = headings.has(f.passageIndex) || (alone && unpunctuated);
  }
  const df = new Map<number, number>();
  for (const f of feats) for (const t of f.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const doc: DocFeatures = { docId, contentHash, segHash, text, sentences: feats, df };
  if (docCache.size >= DOC_CACHE_LIMIT) docCache.delete(docCache.keys().next().value as string);
  docCache.set(key, doc);
  return doc;
}

/** One document's contribution to the library's term statistics. */
export interface TermStats {
  sentences: number;
  /** Term id -> how many of the document's sentences have it. */
  df: ReadonlyMap<number, number>;
}

/** Inverse document frequency over the library's sentences. */
export interface TermWeights {
  sentences: number;
  weight(term: number): number;
}

export function termWeights(docs: readonly TermStats[]): TermWeights {
  const df = new Map<number, number>();
  let n = 0;
  for (const d of docs) {
    n += d.sentences;
    for (const [t, c] of d.df) df.set(t, (df.get(t) ?? 0) + c);
  }
  const cache = new Map<number, number>();
  const weight = (t: number): number => {
    let w = cache.get(t);
    if (w === undefined) {
      w = Math.log((n + 1) / ((df.get(t) ?? 0) + 0.5));
      if (w < 0.1) w = 0.1;
      if (framingTerms.has(t)) w *= 0.25;
      cache.set(t, w);
    }
    return w;
  };
  return { sentences: n, weight };
}

/** Term statistics as stored (term keys, not the process's ids). */
export function statsToJson(stats: TermStats): string {
  const out: Record<string, number> = {};
  for (const [t, c] of stats.df) out[termKey(t) ?? ''] = c;
  delete out[''];
  return JSON.stringify(out);
}

export function statsFromJson(sentences: number, json: string): TermStats {
  const parsed = JSON.parse(json) as Record<string, number>;
  const df = new Map<number, number>();
  for (const [key, c] of Object.entries(parsed)) {
    const id = idOf(termIds, key);
    if (/^\d/.test(key)) numericTerms.add(id);
    if (isFramingKey(key)) framingTerms.add(id);
    if (isNegationKey(key)) negationTerms.add(id);
    df.set(id, c);
  }
  return { sentences, df };
}

const termKeys: string[] = [];

/** The folded form of a term id (for storage, diagnostics and tests). */
export function termKey(id: number): string | undefined {
  if (termKeys.length < termIds.size) {
    for (const [k, v] of termIds) termKeys[v] = k;
  }
  return termKeys[id];
}
