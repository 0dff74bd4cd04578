import { createHash } from 'node:crypto';
import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { ParallaxError } from '../errors.js';
import { getDocument, getPassages, getSentences } from '../corpus/store.js';
import type { Sentence } from '../types.js';
import { alignByWords, alignDocuments, type RawLink } from './align.js';
import {
  documentFeatures,
  segmentationHash,
  statsFromJson,
  statsToJson,
  termWeights,
  type DocFeatures,
  type TermStats,
  type TermWeights,
} from './features.js';

// The compare feature's view of the library: documents as the aligner needs them, the
// library's term weights, and the SQLite cache of links between two documents, keyed by both
// documents' content hash and sentence boundaries.

/** Bump when the aligner's output changes: cached links from older code are then ignored. */
export const ALIGNER_VERSION = 3;

export interface CompareDoc {
  id: string;
  contentHash: string;
  text: string;
  sentences: Sentence[];
  headings: Set<number>;
  segHash: string;
}

export function loadCompareDoc(db: Db, id: string): CompareDoc {
  const doc = getDocument(db, id);
  if (!doc) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
  const sentences = getSentences(db, id);
  const headings = new Set(getPassages(db, id).filter((p) => p.kind === 'heading').map((p) => p.index));
  return { id, contentHash: doc.contentHash, text: doc.text, sentences, headings, segHash: segmentationHash(sentences, headings) };
}

const features = new WeakMap<CompareDoc, DocFeatures>();

/** A loaded document's features, made once per loaded document (a document in several pairs is read once). */
export function featuresOf(doc: CompareDoc): DocFeatures {
  let f = features.get(doc);
  if (!f) features.set(doc, (f = documentFeatures(doc.id, doc.contentHash, doc.text, doc.sentences, doc.headings)));
  return f;
}

const canWrite = (db: Db): boolean => !db.readonly;

/** A cheap fingerprint of every document's text and sentence boundaries. */
export function libraryFingerprint(db: Db): string {
  const docs = db.prepare<[], { id: string; content_hash: string }>('SELECT id, content_hash FROM documents ORDER BY id').all();
  const seg = db
    .prepare<[], { doc_id: string; n: number; s: number }>('SELECT doc_id, count(*) AS n, total(start * 7 + end * 13 + passage_idx) AS s FROM sentences GROUP BY doc_id ORDER BY doc_id')
    .all();
  const h = createHash('sha1');
  h.update(`v${ALIGNER_VERSION};`);
  for (const d of docs) h.update(`${d.id}:${d.content_hash};`);
  for (const s of seg) h.update(`${s.doc_id}:${s.n}:${s.s};`);
  return h.digest('hex').slice(0, 20);
}

const statsMemo = new Map<string, TermStats>();
const weightsMemo = new WeakMap<Db, { fingerprint: string; weights: TermWeights }>();

/** Term statistics of one document: from memory, the cache table, or its text. */
function statsOf(db: Db, id: string, contentHash: string): TermStats {
  const hit = statsMemo.get(contentHash);
  if (hit) return hit;
  const row = db.prepare('SELECT sentences, df, version FROM compare_doc_stats WHERE content_hash = ?').get(contentHash) as
    | { sentences: number; df: string; version: number }
    | undefined;
  let stats: TermStats;
  if (row && row.version === ALIGNER_VERSION) stats = statsFromJson(row.sentences, row.df);
  else {
    const doc = loadCompareDoc(db, id);
    const f = featuresOf(doc);
    stats = { sentences: f.sentences.length, df: f.df };
    if (canWrite(db)) {
      db.prepare(
        `INSERT INTO compare_doc_stats (content_hash, seg_hash, version, sentences, df) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (content_hash) DO UPDATE SET seg_hash = excluded.seg_hash, version = excluded.version,
           sentences = excluded.sentences, df = excluded.df`,
      ).run(contentHash, doc.segHash, ALIGNER_VERSION, stats.sentences, statsToJson(stats));
    }
  }
  if (statsMemo.size > 2000) statsMemo.clear();
  statsMemo.set(contentHash, stats);
  return stats;
}

/** How distinctive each term is, over every sentence in the library. */
export function libraryWeights(db: Db, fingerprint = libraryFingerprint(db)): TermWeights {
  const memo = weightsMemo.get(db);
  if (memo && memo.fingerprint === fingerprint) return memo.weights;
  const docs = db.prepare<[], { id: string; content_hash: string }>('SELECT id, content_hash FROM documents ORDER BY id').all();
  const stats = canWrite(db) ? inTransaction(db, () => docs.map((d) => statsOf(db, d.id, d.content_hash))) : docs.map((d) => statsOf(db, d.id, d.content_hash));
  const weights = termWeights(stats);
  weightsMemo.set(db, { fingerprint, weights });
  return weights;
}

/** Links as stored: sentence positions and score, for the document with the smaller hash first. */
type StoredLink = [aFrom: number, aTo: number, bFrom: number, bTo: number, score: number, same: 0 | 1];

function encode(links: readonly RawLink[]): string {
  return JSON.stringify(links.map((l): StoredLink => [l.a.from, l.a.to, l.b.from, l.b.to, l.score, l.kind === 'same' ? 1 : 0]));
}

function decode(json: string): RawLink[] {
  return (JSON.parse(json) as StoredLink[]).map(([af, at, bf, bt, score, same]) => ({
    a: { from: af, to: at },
    b: { from: bf, to: bt },
    score,
    kind: (same ? 'same' : 'variant'),
  }));
}

function mirror(links: readonly RawLink[]): RawLink[] {
  return links.map((l) => ({ a: l.b, b: l.a, score: l.score, kind: l.kind })).sort((x, y) => x.a.from - y.a.from || x.b.from - y.b.from);
}

export interface PairLinks {
  A: CompareDoc;
  B: CompareDoc;
  /** Sentence positions into A.sentences and B.sentences. */
  links: RawLink[];
  cached: boolean;
}

/**
 * Links between two documents, from the cache when both documents' text and sentences are
 * those the cached links were computed from, else aligned now and cached.
 */
export function pairLinks(db: Db, A: CompareDoc, B: CompareDoc, weights?: () => TermWeights): PairLinks {
  if (A.id === B.id) throw new ParallaxError('INVALID_INPUT', 'Choose two different documents to compare.');
  const flip = A.contentHash > B.contentHash;
  const [x, y] = flip ? [B, A] : [A, B];
  const row = db.prepare('SELECT seg_a, seg_b, version, links FROM compare_pairs WHERE hash_a = ? AND hash_b = ?').get(x.contentHash, y.contentHash) as
    | { seg_a: string; seg_b: string; version: number; links: string }
    | undefined;
  let links: RawLink[];
  let cached = false;
  if (row && row.version === ALIGNER_VERSION && row.seg_a === x.segHash && row.seg_b === y.segHash) {
    links = decode(row.links);
    cached = true;
  } else {
    links = alignDocuments(featuresOf(x), featuresOf(y), weights ? weights() : libraryWeights(db));
    if (canWrite(db)) savePair(db, x, y, links);
  }
  return { A, B, links: flip ? mirror(links) : links, cached };
}

/**
 * Which sentences of two documents make the same statement, by shared words alone (see
 * alignByWords): not cached, as it costs about as much as reading a cached row.
 */
export function statementLinks(A: CompareDoc, B: CompareDoc, weights: TermWeights): RawLink[] {
  return alignByWords(featuresOf(A), featuresOf(B), weights);
}

function savePair(db: Db, x: CompareDoc, y: CompareDoc, links: readonly RawLink[]): void {
  inTransaction(db, () => {
    db.prepare(
      `INSERT INTO compare_pairs (hash_a, hash_b, seg_a, seg_b, version, links, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (hash_a, hash_b) DO UPDATE SET seg_a = excluded.seg_a, seg_b = excluded.seg_b, version = excluded.version,
         links = excluded.links, created_at = excluded.created_at`,
    ).run(x.contentHash, y.contentHash, x.segHash, y.segHash, ALIGNER_VERSION, encode(links), new Date().toISOString());
  });
}

/** Drop cached rows of texts no longer in the library (a re-imported or deleted document). */
export function pruneCache(db: Db): void {
  if (!canWrite(db)) return;
  inTransaction(db, () => {
    db.prepare(
      `DELETE FROM compare_pairs WHERE hash_a NOT IN (SELECT content_hash FROM documents) OR hash_b NOT IN (SELECT content_hash FROM documents)`,
    ).run();
    db.prepare('DELETE FROM compare_doc_stats WHERE content_hash NOT IN (SELECT content_hash FROM documents)').run();
  });
}
