import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { ParallaxError, isParallaxError } from '../errors.js';
import type { DocumentMeta, StoredDocument } from '../types.js';
import { decodeImportFile, type DecodedFile } from './decode.js';
import { countWords, deriveTitle } from './metadata.js';
import { normaliseText } from './normalise.js';
import { assembleBlocks, type DecodedBlock } from './blocks.js';
import { segment, segmentStructured } from './segment.js';
import { findByContentHash, findByFile, getDocumentMeta, putDocument } from './store.js';

export const sha256 = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

export interface IngestInput {
  /** Given for bundled documents (from the manifest); derived from the content otherwise. */
  id?: string;
  file: string;
  origin: 'bundled' | 'imported';
  raw: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  author: string | null;
  /** Structure from the decoder; the stored text is then laid out from these blocks. */
  blocks?: DecodedBlock[];
}

export interface IngestResult {
  doc: DocumentMeta;
  /** Set when an earlier version of the same document was replaced. */
  previous?: { contentHash: string; text: string };
}

/**
 * Normalise, segment and store one document. Same content as a document already in the
 * library is a DUPLICATE; a new version of a known file (same name) replaces that document
 * and keeps its id, so everything keyed by the id (highlights, cards) follows it.
 */
export function ingestDocument(db: Db, input: IngestInput, now = new Date()): IngestResult {
  const assembled = input.blocks?.length ? assembleBlocks(input.blocks) : null;
  const text = assembled ? assembled.text : normaliseText(input.raw);
  if (text.trim().length === 0) throw new ParallaxError('EMPTY_FILE', `${input.file} has no readable text.`);
  const contentHash = sha256(text);
  return inTransaction(db, () => {
    const same = findByContentHash(db, contentHash);
    if (same && same.id !== input.id) {
      throw new ParallaxError('DUPLICATE', `${input.file} is already in the library as “${same.title}”.`);
    }
    const target = input.id ? getDocumentMeta(db, input.id) : input.origin === 'imported' ? findByFile(db, input.file) : undefined;
    const id = target?.id ?? input.id ?? contentHash.slice(0, 16);
    const previousText = target ? (db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string }).text : undefined;
    const { passages, sentences } = assembled ? segmentStructured(text, assembled.passages) : segment(text);
    const stamp = now.toISOString();
    const doc: StoredDocument = {
      id,
      title: input.title?.trim() || deriveTitle(text, path.parse(input.file).name),
      outlet: input.outlet,
      published: input.published,
      language: input.language,
      author: input.author,
      file: input.file,
      origin: input.origin,
      words: countWords(text),
      contentHash,
      addedAt: target?.addedAt ?? stamp,
      updatedAt: stamp,
      text,
    };
    putDocument(db, doc, passages, sentences);
    const { text: _t, ...meta } = doc;
    return previousText !== undefined && target ? { doc: meta, previous: { contentHash: target.contentHash, text: previousText } } : { doc: meta };
  });
}

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export type ImportOutcome =
  | { file: string; id: string; replaced: boolean; result: IngestResult }
  | { file: string; error: { code: string; message: string } };

/** Import the reader's own files; each file succeeds or fails on its own, with a reason. */
export async function importFiles(db: Db, files: ImportFile[], now = new Date()): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for (const f of files) out.push(await importOne(db, f, now));
  return out;
}

/**
 * The DB half of an import: store a file the decoder has already turned into a document.
 * Split from decoding so the import worker can decode off the main thread and hand this the result.
 */
export function ingestDecoded(db: Db, file: string, decoded: DecodedFile, now = new Date()): IngestResult {
  return ingestDocument(
    db,
    {
      file,
      origin: 'imported',
      raw: decoded.text,
      title: decoded.title,
      outlet: null,
      published: decoded.published,
      language: decoded.language,
      author: decoded.author,
      ...(decoded.blocks ? { blocks: decoded.blocks } : {}),
    },
    now,
  );
}

async function importOne(db: Db, f: ImportFile, now: Date): Promise<ImportOutcome> {
  const file = path.basename(f.name);
  try {
    const decoded = await decodeImportFile(file, f.bytes);
    const result = ingestDecoded(db, file, decoded, now);
    return { file, id: result.doc.id, replaced: Boolean(result.previous), result };
  } catch (e) {
    if (isParallaxError(e)) return { file, error: { code: e.code, message: e.message } };
    return { file, error: { code: 'INTERNAL', message: `${file} could not be imported: ${(e as Error).message}` } };
  }
}

const ManifestSchema = z.object({
  version: z.literal(1),
  documents: z.array(
    z.object({
      id: z.string().regex(/^[A-Za-z0-9_-]+$/),
      file: z.string(),
      title: z.string().min(1),
      outlet: z.string().nullable(),
      published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
      language: z.string().min(2),
    }),
  ),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function readManifest(corpusDir: string): Manifest {
  const file = path.join(corpusDir, 'manifest.json');
  return ManifestSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export interface CorpusSyncResult {
  added: string[];
  updated: string[];
  unchanged: string[];
}

/**
 * Load the bundled corpus into the library: new files are added, a changed file is
 * re-ingested into the same document, a document the reader deleted stays deleted.
 */
export function syncBundledCorpus(db: Db, corpusDir: string, now = new Date()): CorpusSyncResult {
  const out: CorpusSyncResult = { added: [], updated: [], unchanged: [] };
  if (!fs.existsSync(path.join(corpusDir, 'manifest.json'))) return out;
  const manifest = readManifest(corpusDir);
  const known = db.prepare('SELECT file, raw_hash, doc_id, deleted FROM corpus_files').all() as Array<{
    file: string;
    raw_hash: string;
    doc_id: string | null;
    deleted: number;
  }>;
  const byFile = new Map(known.map((k) => [k.file, k]));
  for (const entry of manifest.documents) {
    const raw = fs.readFileSync(path.join(corpusDir, entry.file), 'utf8');
    const rawHash = sha256(raw);
    const prior = byFile.get(entry.file);
    if (prior && (prior.deleted || prior.raw_hash === rawHash)) {
      out.unchanged.push(entry.id);
      continue;
    }
    // A person's own version of a bundled report (imported over it) is theirs: leave it.
    const current = getDocumentMeta(db, entry.id);
    if (current && current.origin === 'imported') {
      out.unchanged.push(entry.id);
      continue;
    }
    try {
      ingestDocument(db, { ...entry, origin: 'bundled', raw, author: null }, now);
    } catch (e) {
      if (!(isParallaxError(e) && e.code === 'DUPLICATE')) throw e;
    }
    db.prepare(
      `INSERT INTO corpus_files (file, raw_hash, doc_id, deleted) VALUES (?, ?, ?, 0)
       ON CONFLICT (file) DO UPDATE SET raw_hash = excluded.raw_hash, doc_id = excluded.doc_id`,
    ).run(entry.file, rawHash, entry.id);
    (prior ? out.updated : out.added).push(entry.id);
  }
  return out;
}

/** Remember that a bundled document was deleted on purpose, so it is not loaded again. */
export function markBundledDeleted(db: Db, docId: string): void {
  db.prepare('UPDATE corpus_files SET deleted = 1 WHERE doc_id = ?').run(docId);
}
