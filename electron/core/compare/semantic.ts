import type { DocFeatures, TermWeights } from './features.js';
import { isNegationTerm, isNumericTerm, termId } from './features.js';
import { baseForm, rowCosine, shareSynset, synsetsOf, vectorRow } from './lexicon.js';
import { termsOf, tokenize } from './text.js';

// Word and sentence similarity that sees past the exact words: two words match fully when
// they fold to the same term (see text.ts), and partly when their base forms are WordNet
// synonyms or their vectors are close. A sentence pair's similarity is a soft Dice
// coefficient: each side's words, weighted by how distinctive they are, count by how well
// their best partner on the other side matches them.

export interface SemWord {
  /** Folded term id (features.ts termId): equal ids are the same word. */
  term: number;
  /** The word as written (lower case), or null for a number (numbers match exactly or not at all). */
  word: string | null;
  /** Its meaning record, found on first semantic use. */
  meaning?: Meaning | null;
  weight: number;
}

export interface SemSentence {
  /** Distinct content words (by term). */
  words: SemWord[];
  /** Letters and digits in the sentence (the length ratio's measure). */
  chars: number;
}

/** Similarity given to WordNet synonyms (first senses). */
export const SYNONYM_SIM = 0.8;
/** Vector cosines below this are no match at all; from it up they count as the cosine. */
export const VECTOR_MIN_COS = 0.62;

/** What the similarity knows of a word: its base form, vector row (-1: none) and first synsets. */
export interface Meaning {
  base: string;
  row: number;
  synsets: Int32Array | null;
}

const meanings = new Map<string, Meaning>();

/** Which resources word meaning uses (all by default; the bench turns them off one by one to measure each). */
export interface MeaningResources {
  lemmas: boolean;
  wordnet: boolean;
  vectors: boolean;
}

const resources: MeaningResources = { lemmas: true, wordnet: true, vectors: true };

export function setMeaningResources(r: MeaningResources): void {
  Object.assign(resources, r);
  meanings.clear();
}

function meaningOfWord(word: string): Meaning {
  let m = meanings.get(word);
  if (!m) {
    const base = resources.lemmas ? baseForm(word) : word;
    m = { base, row: resources.vectors ? vectorRow(base) : -1, synsets: resources.wordnet ? synsetsOf(base) : null };
    if (meanings.size > 200_000) meanings.clear();
    meanings.set(word, m);
  }
  return m;
}

/** A word's meaning record (null for numbers and words without a written form), kept on the word. */
function meaningOf(w: SemWord): Meaning | null {
  if (w.meaning === undefined) w.meaning = w.word ? meaningOfWord(w.word) : null;
  return w.meaning;
}

/** How far two words mean the same (0..1): same base form 1, synonyms SYNONYM_SIM, else a close vector's cosine. */
export function meaningSimilarity(a: Meaning, b: Meaning): number {
  if (a.base === b.base) return 1;
  let sim = 0;
  if (a.synsets && b.synsets && shareSynset(a.synsets, b.synsets)) sim = SYNONYM_SIM;
  if (a.row >= 0 && b.row >= 0) {
    const cos = rowCosine(a.row, b.row, VECTOR_MIN_COS);
    if (cos >= VECTOR_MIN_COS && cos > sim) sim = cos;
  }
  return sim;
}

/** Similarity of two words (0..1): the same term, else by meaning. */
export const wordSimilarity = (x: SemWord, y: SemWord): number => {
  if (x.term === y.term) return 1;
  const a = meaningOf(x);
  const b = meaningOf(y);
  return a && b ? meaningSimilarity(a, b) : 0;
};

/** The content words of a stretch of text, with their folded terms and base forms. */
export function semanticWords(text: string, w: TermWeights): SemWord[] {
  const seen = new Set<number>();
  const out: SemWord[] = [];
  for (const tok of tokenize(text)) {
    for (const part of tok.norm.split(/[-‐‑]/)) {
      const [t] = termsOf([{ ...tok, norm: part }]);
      if (!t || t.negation) continue;
      const term = termId(t.key);
      if (seen.has(term)) continue;
      seen.add(term);
      out.push({ term, word: t.numeric ? null : part, weight: w.weight(term) });
    }
  }
  return out;
}

const LETTERS = /[\p{L}\p{N}]+/gu;

/**
 * Each sentence's content words from its features (no second tokenizing: the anchor test
 * needs only terms); the written words, needed for meaning, come from attachWords.
 */
export function semanticSentences(doc: DocFeatures, w: TermWeights): SemSentence[] {
  return doc.sentences.map((s) => {
    const words: SemWord[] = [];
    for (const term of s.order) {
      if (isNegationTerm(term)) continue;
      words.push({ term, word: isNumericTerm(term) ? null : '', weight: w.weight(term) });
    }
    return { words, chars: countLetters(doc.text, s.start, s.end) };
  });
}

function countLetters(text: string, start: number, end: number): number {
  let n = 0;
  const part = text.slice(start, end);
  LETTERS.lastIndex = 0;
  for (let m = LETTERS.exec(part); m; m = LETTERS.exec(part)) n += m[0].length;
  return n;
}

/** Fill in the written form of every word of a document's sentences (for baseForm). */
export function attachWords(doc: DocFeatures, sentences: readonly SemSentence[], w: TermWeights): void {
  doc.sentences.forEach((s, k) => {
    const written = new Map<number, string>();
    for (const word of semanticWords(doc.text.slice(s.start, s.end), w)) if (word.word) written.set(word.term, word.word);
    for (const word of sentences[k].words) {
      if (word.word === '') word.word = written.get(word.term) ?? null;
    }
  });
}

/**
 * Two documents' words numbered locally (distinct base forms of A, of B), with their pair
 * similarities filled in on first use: the dynamic program asks for the same word pairs
 * thousands of times, and a typed array beats a hash lookup.
 */
export interface PairSpace {
  A: LocalSentence[];
  B: LocalSentence[];
  /**
   * Similarity of local word a of A and b of B at a * sizeB + b, as 1 + round(sim x 254) (0:
   * not computed yet): a byte array for vocabularies up to DENSE_PAIRS pairs (allocated on
   * first use), else a map.
   */
  sim: Uint8Array | null;
  sparse: Map<number, number> | null;
  sizeB: number;
  /** The SemWord of each local id, per side. */
  wordsA: SemWord[];
  wordsB: SemWord[];
}

export interface LocalSentence {
  /** Local word ids, distinct. */
  ids: Int32Array;
  weights: Float64Array;
  chars: number;
  /** The words' terms ascending, their weights in that order, and the weights' sum (for exactDice). */
  terms: Int32Array;
  termWeights: Float64Array;
  total: number;
}

function withTerms(ids: number[], weights: number[], chars: number, words: readonly SemWord[]): LocalSentence {
  const termOf = (k: number): number => words[ids[k]].term;
  const order = ids.map((_, k) => k).sort((x, y) => termOf(x) - termOf(y));
  return {
    ids: Int32Array.from(ids),
    weights: Float64Array.from(weights),
    chars,
    terms: Int32Array.from(order.map(termOf)),
    termWeights: Float64Array.from(order.map((k) => weights[k])),
    total: weights.reduce((x, y) => x + y, 0),
  };
}

/** softDice with exact words only (no vectors, no WordNet), by a merge of sorted terms. */
export function exactDice(a: LocalSentence, b: LocalSentence): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  const ta = a.terms;
  const tb = b.terms;
  while (i < ta.length && j < tb.length) {
    const x = ta[i];
    const y = tb[j];
    if (x === y) {
      shared += a.termWeights[i] + b.termWeights[j];
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const den = a.total + b.total;
  return den > 0 ? shared / den : 0;
}

function localise(sentences: readonly SemSentence[]): { local: LocalSentence[]; words: SemWord[] } {
  const ids = new Map<number, number>();
  const words: SemWord[] = [];
  const local = sentences.map((s) => {
    const out: number[] = [];
    const weights: number[] = [];
    for (const w of s.words) {
      // Words are told apart by term: two terms of one base form stay two words.
      let id = ids.get(w.term);
      if (id === undefined) {
        id = words.length;
        ids.set(w.term, id);
        words.push(w);
      }
      out.push(id);
      weights.push(w.weight);
    }
    return withTerms(out, weights, s.chars, words);
  });
  return { local, words };
}

export function pairSpace(A: readonly SemSentence[], B: readonly SemSentence[]): PairSpace {
  const a = localise(A);
  const b = localise(B);
  joinWordsOf.set(a.local, a.words);
  joinWordsOf.set(b.local, b.words);
  return { A: a.local, B: b.local, sim: null, sparse: null, sizeB: b.words.length, wordsA: a.words, wordsB: b.words };
}

/** Word pairs of a document pair held in a byte array (16 MB at most); beyond, a map. */
const DENSE_PAIRS = 16_000_000;

function simAt(space: PairSpace, x: number, y: number): number {
  // Cheap answers first, uncached: the same term, a number, a word no resource knows.
  const wa = space.wordsA[x];
  const wb = space.wordsB[y];
  if (wa.term === wb.term) return 1;
  const ma = meaningOf(wa);
  const mb = meaningOf(wb);
  if (!ma || !mb) return 0;
  if ((ma.row < 0 && !ma.synsets) || (mb.row < 0 && !mb.synsets)) return ma.base === mb.base ? 1 : 0;
  const k = x * space.sizeB + y;
  if (space.wordsA.length * space.sizeB <= DENSE_PAIRS) {
    space.sim ??= new Uint8Array(space.wordsA.length * space.sizeB);
    const code = space.sim[k];
    if (code > 0) return (code - 1) / 254;
    const s = wordSimilarity(space.wordsA[x], space.wordsB[y]);
    space.sim[k] = 1 + Math.round(s * 254);
    return s;
  }
  space.sparse ??= new Map();
  let s = space.sparse.get(k);
  if (s === undefined) {
    s = wordSimilarity(space.wordsA[x], space.wordsB[y]);
    space.sparse.set(k, s);
  }
  return s;
}

let scratch = new Float64Array(256);

const joinWordsOf = new WeakMap<readonly LocalSentence[], SemWord[]>();

/** Adjacent sentences of one side of a pair space read as one span (distinct words). */
export function joinLocal(side: readonly LocalSentence[], from: number, to: number): LocalSentence {
  const parts = side.slice(from, to);
  if (parts.length === 1) return parts[0];
  const seen = new Set<number>();
  const ids: number[] = [];
  const weights: number[] = [];
  let chars = 0;
  for (const p of parts) {
    chars += p.chars;
    p.ids.forEach((id, k) => {
      if (seen.has(id)) return;
      seen.add(id);
      ids.push(id);
      weights.push(p.weights[k]);
    });
  }
  return withTerms(ids, weights, chars, joinWordsOf.get(side) ?? []);
}

/**
 * Soft Dice similarity (0..1) of a span of A and a span of B: each word, by its weight, counts
 * as much as its best partner on the other side matches it.
 */
export function softDice(space: PairSpace, a: LocalSentence, b: LocalSentence): number {
  let num = 0;
  let den = 0;
  if (scratch.length < b.ids.length) scratch = new Float64Array(b.ids.length * 2);
  const bestB = scratch;
  bestB.fill(0, 0, b.ids.length);
  for (let i = 0; i < a.ids.length; i++) {
    const x = a.ids[i];
    let m = 0;
    for (let j = 0; j < b.ids.length; j++) {
      const y = b.ids[j];
      const s = simAt(space, x, y);
      if (s > m) m = s;
      if (s > bestB[j]) bestB[j] = s;
    }
    const wt = a.weights[i];
    num += wt * m;
    den += wt;
  }
  for (let j = 0; j < b.ids.length; j++) {
    const wt = b.weights[j];
    num += wt * bestB[j];
    den += wt;
  }
  return den > 0 ? num / den : 0;
}

/** Per-word best matches kept for a document pair up to this many entries a side (4 bytes each). */
const BEST_CACHE = 8_000_000;

interface BestCache {
  /** Best similarity of local word x of A within sentence j of B, at x * m + j (NaN: not yet). */
  inB: Float32Array;
  /** Best similarity of local word y of B within sentence i of A, at y * n + i. */
  inA: Float32Array;
}

const bestCaches = new WeakMap<PairSpace, BestCache | null>();

function bestCache(space: PairSpace): BestCache | null {
  let c = bestCaches.get(space);
  if (c === undefined) {
    const n = space.A.length;
    const m = space.B.length;
    const fits = space.wordsA.length * m <= BEST_CACHE && space.sizeB * n <= BEST_CACHE;
    c = fits ? { inB: new Float32Array(space.wordsA.length * m).fill(Number.NaN), inA: new Float32Array(space.sizeB * n).fill(Number.NaN) } : null;
    bestCaches.set(space, c);
  }
  return c;
}

/**
 * softDice of the spans A[aFrom, aTo) and B[bFrom, bTo) (whose joined words are `a` and `b`,
 * see joinLocal), from each word's best match per sentence, computed once per word and
 * sentence: the dynamic program asks for the same word against the same sentence in every
 * bead that holds both, so this does the word-by-word work once instead of once per bead.
 */
export function spanDice(space: PairSpace, a: LocalSentence, aFrom: number, aTo: number, b: LocalSentence, bFrom: number, bTo: number): number {
  const cache = bestCache(space);
  if (!cache) return softDice(space, a, b);
  const n = space.A.length;
  const m = space.B.length;
  let num = 0;
  let den = 0;
  for (let k = 0; k < a.ids.length; k++) {
    const x = a.ids[k];
    let best = 0;
    for (let j = bFrom; j < bTo; j++) {
      const at = x * m + j;
      let v = cache.inB[at];
      if (Number.isNaN(v)) {
        v = 0;
        for (const y of space.B[j].ids) {
          const s = simAt(space, x, y);
          if (s > v) v = s;
        }
        cache.inB[at] = v;
      }
      if (v > best) best = v;
    }
    const wt = a.weights[k];
    num += wt * best;
    den += wt;
  }
  for (let k = 0; k < b.ids.length; k++) {
    const y = b.ids[k];
    let best = 0;
    for (let i = aFrom; i < aTo; i++) {
      const at = y * n + i;
      let v = cache.inA[at];
      if (Number.isNaN(v)) {
        v = 0;
        for (const x of space.A[i].ids) {
          const s = simAt(space, x, y);
          if (s > v) v = s;
        }
        cache.inA[at] = v;
      }
      if (v > best) best = v;
    }
    const wt = b.weights[k];
    num += wt * best;
    den += wt;
  }
  return den > 0 ? num / den : 0;
}
