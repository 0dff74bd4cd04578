import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { ingestDocument } from '../../electron/core/corpus/ingest.js';
import { alignPair, coverageMatrix, getStatements } from '../../electron/core/compare/index.js';
import { vectors, wordnetSynonyms } from '../../electron/core/compare/lexicon.js';
// Deterministic pseudo-random numbers, so every run measures the same texts.
import { rng } from '../corpus.js';

// Compare benchmark: aligning two 10,000-word documents, and building the statement matrix of
// a library of many documents. The texts are synthetic but shaped like the real thing: shared
// statements told in both, in another order, with words dropped and replaced, among
// sentences only one of them has.

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sta', 'vor', 'tun', 'bel', 'dra', 'qui', 'nor', 'pe', 'sil', 'gar', 'to', 'fen', 'lu', 'mar', 'xi', 'zen'];
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'for', 'is', 'on', 'with', 'as', 'by', 'it', 'will', 'we', 'their', 'this', 'from', 'at'];

/** A vocabulary with a long tail: a few words everywhere, most words rare. */
function vocabulary(size: number, rand: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

function zipf(vocab: string[], rand: () => number): string {
  // Rank ~ 1/u: common words come back often, the tail rarely.
  const r = Math.min(vocab.length - 1, Math.floor(1 / (rand() * 0.98 + 0.02)) - 1 + Math.floor(rand() * rand() * vocab.length));
  return vocab[r] as string;
}

function sentence(vocab: string[], rand: () => number): string[] {
  const len = 12 + Math.floor(rand() * 18);
  const words: string[] = [];
  for (let i = 0; i < len; i++) words.push(rand() < 0.4 ? (FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)] as string) : zipf(vocab, rand));
  return words;
}

/** The same statement in other words: some words dropped, some replaced. */
function paraphrase(words: string[], vocab: string[], rand: () => number): string[] {
  const out: string[] = [];
  for (const w of words) {
    const r = rand();
    if (r < 0.1) continue;
    out.push(r < 0.22 ? zipf(vocab, rand) : w);
  }
  return out;
}

const sentenceText = (s: string[]): string => {
  const text = s.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
};

function render(sentences: string[][], rand: () => number): string {
  const paras: string[] = [];
  let para: string[] = [];
  for (const s of sentences) {
    para.push(sentenceText(s));
    if (para.length >= 3 + Math.floor(rand() * 4)) {
      paras.push(para.join(' '));
      para = [];
    }
  }
  if (para.length) paras.push(para.join(' '));
  return paras.join('\n\n');
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

function wordCount(sentences: string[][]): number {
  return sentences.reduce((n, s) => n + s.length, 0);
}

export interface SyntheticPair {
  a: string;
  b: string;
  /** The statements both tell: [sentence in A, its paraphrase in B]. */
  shared: Array<[string, string]>;
}

/** Two documents of about `words` words sharing about half their statements. */
export function syntheticPair(words: number, seed = 1): SyntheticPair {
  const rand = rng(seed);
  const vocab = vocabulary(8000, rand);
  const shared: string[][] = [];
  while (wordCount(shared) < words / 2) shared.push(sentence(vocab, rand));
  const onlyA: string[][] = [];
  const onlyB: string[][] = [];
  while (wordCount(onlyA) < words / 2) onlyA.push(sentence(vocab, rand));
  while (wordCount(onlyB) < words / 2) onlyB.push(sentence(vocab, rand));
  // B tells the shared statements in its own order and words.
  const told = shared.map((s) => paraphrase(s, vocab, rand));
  const a = shuffle([...shared, ...onlyA], rand);
  const b = shuffle([...told, ...onlyB], rand);
  return { a: render(a, rand), b: render(b, rand), shared: shared.map((s, i) => [sentenceText(s), sentenceText(told[i] as string[])]) };
}

/** Two versions of one text of about `words` words: the same statements in the same order, reworded. */
export function syntheticVersions(words: number, seed = 3): { a: string; b: string } {
  const rand = rng(seed);
  const vocab = vocabulary(8000, rand);
  const told: string[][] = [];
  while (wordCount(told) < words) told.push(sentence(vocab, rand));
  return { a: render(told, rand), b: render(told.map((s) => paraphrase(s, vocab, rand)), rand) };
}

/** A library of `count` reports drawing on a common pool of statements. */
export function syntheticLibrary(count: number, wordsEach: number, seed = 7): string[] {
  const rand = rng(seed);
  const vocab = vocabulary(8000, rand);
  const pool: string[][] = [];
  for (let i = 0; i < 300; i++) pool.push(sentence(vocab, rand));
  const docs: string[] = [];
  for (let d = 0; d < count; d++) {
    const sentences: string[][] = [];
    while (wordCount(sentences) < wordsEach) {
      sentences.push(rand() < 0.4 ? paraphrase(pool[Math.floor(rand() * rand() * pool.length)] as string[], vocab, rand) : sentence(vocab, rand));
    }
    docs.push(render(sentences, rand));
  }
  return docs;
}

function ingest(db: Db, texts: string[]): string[] {
  return texts.map(
    (raw, i) =>
      ingestDocument(db, { file: `bench-${i}.txt`, origin: 'imported', raw, title: `Report ${i + 1}`, outlet: null, published: null, language: 'en', author: null }).doc.id,
  );
}

const MATRIX_DOCS = 100;

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, Math.round((performance.now() - t0) * 10) / 10];
}

export async function run(opts: { docs: number }): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-compare-'));
  try {
    const pairDb = openDatabase(path.join(dir, 'pair.sqlite'), { logSlow: false });
    // Word meaning (vectors, WordNet, lemmas) is loaded once per process and shared: timed apart.
    const [, resourcesMs] = timed(() => {
      vectors();
      wordnetSynonyms('big', 'large');
    });
    const pair = syntheticPair(10_000);
    const [a, b] = ingest(pairDb, [pair.a, pair.b]) as [string, string];
    const [links, alignMs] = timed(() => alignPair(pairDb, a, b));
    const [, cachedMs] = timed(() => alignPair(pairDb, a, b));
    // Versions of one text take the monotonic aligner, with word meaning (its resources were
    // loaded before the first timing), then two 10,000-word versions are aligned.
    const versions = syntheticVersions(10_000);
    const [va, vb] = ingest(pairDb, [versions.a, versions.b]) as [string, string];
    const [versionLinks, versionsMs] = timed(() => alignPair(pairDb, va, vb));
    pairDb.close();
    // Quality on the same texts: a link is right when it joins a statement to its retelling.
    const truth = new Set(pair.shared.map(([x, y]) => `${x}\u0000${y}`));
    const right = links.links.filter((l) => truth.has(`${l.a.text}\u0000${l.b.text}`) || pair.shared.some(([x, y]) => l.a.text.includes(x) && l.b.text.includes(y))).length;

    // The goal is stated for 100 documents; every pair is aligned, so a run asked for 1,000
    // (half a million pairs) measures 100 instead of taking most of the bench's time.
    const count = Math.max(2, Math.min(opts.docs, MATRIX_DOCS));
    const libDb = openDatabase(path.join(dir, 'library.sqlite'), { logSlow: false });
    ingest(libDb, syntheticLibrary(count, 800));
    const [statements, statementsMs] = timed(() => getStatements(libDb));
    const [matrix, matrixMs] = timed(() => coverageMatrix(libDb));
    libDb.close();
    return {
      'compare.align_10k_words_ms': alignMs,
      'compare.align_10k_words_cached_ms': cachedMs,
      'compare.align_10k_words_links': links.links.length,
      'compare.align_10k_words_precision': Math.round((right / Math.max(1, links.links.length)) * 1000) / 1000,
      'compare.align_10k_words_recall': Math.round((right / Math.max(1, pair.shared.length)) * 1000) / 1000,
      'compare.meaning_resources_load_ms': resourcesMs,
      'compare.align_10k_words_versions_ms': versionsMs,
      'compare.align_10k_words_versions_links': versionLinks.links.length,
      [`compare.statements_${count}_docs_ms`]: statementsMs,
      [`compare.matrix_${count}_docs_ms`]: Math.round((statementsMs + matrixMs) * 10) / 10,
      [`compare.matrix_${count}_docs_rows`]: matrix.statements.length,
      'compare.statements_found': statements.length,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
