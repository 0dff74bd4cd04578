import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusGenerator, readSeedSentences, type SynthDoc } from '../../../bench/corpus.js';
import { ingestDocument } from '../../../electron/core/corpus/ingest.js';
import type { Db } from '../../../electron/core/db/open.js';
import { stemOf, tokenize } from '../../../electron/core/search/tokenize.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CORPUS = path.join(REPO, 'corpus');

const made: string[] = [];
export function tmpDir(tag = 'search'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `parallax-${tag}-`));
  made.push(d);
  return d;
}
export function cleanTmp(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export function synthDocs(n: number, seed = 7, from = 0): SynthDoc[] {
  const gen = new CorpusGenerator(readSeedSentences(CORPUS), { seed });
  const out: SynthDoc[] = [];
  for (let i = 0; i < from + n; i++) {
    const d = gen.doc(i);
    if (i >= from) out.push(d);
  }
  return out;
}

export function ingestSynth(db: Db, docs: SynthDoc[]): string[] {
  return docs.map(
    (d) =>
      ingestDocument(db, { file: d.file, origin: 'imported', raw: d.text, title: d.title, outlet: d.outlet, published: d.published, language: 'en', author: null }).doc.id,
  );
}

/** Is `surface` (a slice of text) a form of the query word (same stem, or the prefix)? */
export function isFormOf(surface: string, word: string, prefix = false): boolean {
  const tokens = tokenize(surface);
  if (tokens.length !== 1) return false;
  const norm = tokens[0]!.norm;
  const w = tokenize(word)[0]!.norm;
  return prefix ? norm.startsWith(w) || stemOf(norm).startsWith(w) : stemOf(norm) === stemOf(w);
}

export function buf(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}
