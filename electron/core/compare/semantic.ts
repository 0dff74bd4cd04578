import type { DocFeatures, TermWeights } from './features.js';
import { termId } from './features.js';
import { baseForm, vectorCosine, wordnetSynonyms } from './lexicon.js';
import { termsOf, tokenize } from './text.js';

// Word and sentence similarity that sees past the exact words: two words match fully when
// they fold to the same term (see text.ts), and partly when their base forms are WordNet
// synonyms or their vectors are close. A sentence pair's similarity is a soft Dice
// coefficient: each side's words, weighted by how distinctive they are, count by how well
// their best partner on the other side matches them.

export interface SemWord {
  /** Folded term id (features.ts termId): equal ids are the same word. */
  term: number;
  /** Id of the word's base form (lexicon.ts baseForm), for the semantic match. */
  base: number;
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

const baseIds = new Map<string, number>();
const baseWords: string[] = [];

function baseId(word: string): number {
  const base = baseForm(word);
  let id = baseIds.get(base);
  if (id === undefined) {
    id = baseWords.length;
    baseIds.set(base, id);
    baseWords.push(base);
  }
  return id;
}

const pairMemo = new Map<number, number>();

/** How far two base forms mean the same (0..1), memoised process-wide. */
export function baseSimilarity(x: number, y: number): number {
  if (x === y) return 1;
  const key = x < y ? x * 4_194_304 + y : y * 4_194_304 + x;
  const hit = pairMemo.get(key);
  if (hit !== undefined) return hit;
  const a = baseWords[x] as string;
  const b = baseWords[y] as string;
  let sim = 0;
  if (wordnetSynonyms(a, b)) sim = SYNONYM_SIM;
  const cos = vectorCosine(a, b);
  if (cos !== null && cos >= VECTOR_MIN_COS) sim = Math.max(sim, cos);
  if (pairMemo.size > 2_000_000) pairMemo.clear();
  pairMemo.set(key, sim);
  return sim;
}


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
      out.push({ term, base: t.numeric ? -1 - term : baseId(part), weight: w.weight(term) });
    }
  }
  return out;
}

const LETTERS = /[\p{L}\p{N}]/gu;

export function semanticSentences(doc: DocFeatures, w: TermWeights): SemSentence[] {
  return doc.sentences.map((s) => {
    const text = doc.text.slice(s.start, s.end);
    return { words: semanticWords(text, w), chars: (text.match(LETTERS) ?? []).length };
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
  /** Similarity of local word a of A and b of B at a * sizeB + b; NaN until computed. */
  sim: Float32Array;
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
    return { ids: Int32Array.from(out), weights: Float64Array.from(weights), chars: s.chars };
  });
  return { local, words };
}

export function pairSpace(A: readonly SemSentence[], B: readonly SemSentence[]): PairSpace {
  const a = localise(A);
  const b = localise(B);
  const sim = new Float32Array(a.words.length * b.words.length).fill(Number.NaN);
  return { A: a.local, B: b.local, sim, sizeB: b.words.length, wordsA: a.words, wordsB: b.words };
}

function simAt(space: PairSpace, x: number, y: number): number {
  const k = x * space.sizeB + y;
  let s = space.sim[k] as number;
  if (Number.isNaN(s)) {
    const wa = space.wordsA[x] as SemWord;
    const wb = space.wordsB[y] as SemWord;
    s = wa.term === wb.term ? 1 : wa.base < 0 || wb.base < 0 ? 0 : baseSimilarity(wa.base, wb.base);
    space.sim[k] = s;
  }
  return s;
}

/** Adjacent sentences read as one span (distinct words). */
export function joinLocal(parts: readonly LocalSentence[]): LocalSentence {
  if (parts.length === 1) return parts[0] as LocalSentence;
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
      weights.push(p.weights[k] as number);
    });
  }
  return { ids: Int32Array.from(ids), weights: Float64Array.from(weights), chars };
}

/**
 * Soft Dice similarity (0..1) of a span of A and a span of B: each word, by its weight, counts
 * as much as its best partner on the other side matches it.
 */
export function softDice(space: PairSpace, a: LocalSentence, b: LocalSentence): number {
  let num = 0;
  let den = 0;
  const bestB = new Float64Array(b.ids.length);
  for (let i = 0; i < a.ids.length; i++) {
    const x = a.ids[i] as number;
    let m = 0;
    for (let j = 0; j < b.ids.length; j++) {
      const s = simAt(space, x, b.ids[j] as number);
      if (s > m) m = s;
      if (s > (bestB[j] as number)) bestB[j] = s;
    }
    const wt = a.weights[i] as number;
    num += wt * m;
    den += wt;
  }
  for (let j = 0; j < b.ids.length; j++) {
    const wt = b.weights[j] as number;
    num += wt * (bestB[j] as number);
    den += wt;
  }
  return den > 0 ? num / den : 0;
}

/** Pairs of words of two texts that match only by meaning (for the diff's 'equivalent'). */
export function equivalentWords(a: readonly SemWord[], b: readonly SemWord[]): Array<[SemWord, SemWord, number]> {
  const out: Array<[SemWord, SemWord, number]> = [];
  for (const x of a) {
    for (const y of b) {
      if (x.term === y.term || x.base < 0 || y.base < 0) continue;
      const s = baseSimilarity(x.base, y.base);
      if (s > 0) out.push([x, y, s]);
    }
  }
  return out;
}
