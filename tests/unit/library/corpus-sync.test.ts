import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../electron/core/library.js';
import { listDocuments, getDocument } from '../../../electron/core/corpus/store.js';
import { readManifest } from '../../../electron/core/corpus/ingest.js';
import { CORPUS_DIR, tempDir } from '../../helpers/library.js';

function copyCorpus(): string {
  const dir = tempDir('parallax-corpus-');
  for (const f of fs.readdirSync(CORPUS_DIR)) fs.copyFileSync(path.join(CORPUS_DIR, f), path.join(dir, f));
  return dir;
}

describe('bundled corpus', () => {
  it('manifest lists the five bundled reports with titles, outlets and dates the texts support', () => {
    const m = readManifest(CORPUS_DIR);
    expect(m.documents).toHaveLength(5);
    for (const d of m.documents) {
      expect(fs.existsSync(path.join(CORPUS_DIR, d.file))).toBe(true);
      expect(d.title.length).toBeGreaterThan(15);
      const text = fs.readFileSync(path.join(CORPUS_DIR, d.file), 'utf8');
      if (d.outlet) expect(text.toLowerCase()).toContain(d.outlet.toLowerCase());
    }
    const dates = Object.fromEntries(m.documents.map((d) => [d.id, d.published]));
    expect(dates.b44e6ea7410dd368).toBe('2022-11-29');
    expect(dates['4435434e06963c7c']).toBe('2022-11-30');
  });

  it('is loaded into a new library on first open, once', async () => {
    const dataDir = tempDir();
    const lib = await openLibrary({ dataDir, corpusDir: CORPUS_DIR });
    expect(listDocuments(lib.db).map((d) => d.id).sort()).toEqual(readManifest(CORPUS_DIR).documents.map((d) => d.id).sort());
    await lib.close();
    const again = await openLibrary({ dataDir, corpusDir: CORPUS_DIR });
    expect(listDocuments(again.db)).toHaveLength(5);
    await again.close();
  });

  it('re-ingests a changed corpus file into the same document instead of duplicating it', async () => {
    const corpusDir = copyCorpus();
    const dataDir = tempDir();
    const lib = await openLibrary({ dataDir, corpusDir });
    const before = getDocument(lib.db, 'f707968108d80172');
    await lib.close();
    const file = path.join(corpusDir, '004_f707968108d80172.txt');
    fs.appendFileSync(file, '\nA correction was appended to this report.\n');
    const lib2 = await openLibrary({ dataDir, corpusDir });
    const after = getDocument(lib2.db, 'f707968108d80172');
    expect(listDocuments(lib2.db)).toHaveLength(5);
    expect(after?.text).toContain('A correction was appended');
    expect(after?.contentHash).not.toBe(before?.contentHash);
    expect(after?.addedAt).toBe(before?.addedAt);
    await lib2.close();
  });

  it('keeps a bundled document the reader deleted deleted', async () => {
    const dataDir = tempDir();
    const lib = await openLibrary({ dataDir, corpusDir: CORPUS_DIR });
    await lib.deleteDocument('da58ee4863b15816');
    await lib.close();
    const lib2 = await openLibrary({ dataDir, corpusDir: CORPUS_DIR });
    expect(listDocuments(lib2.db).map((d) => d.id)).not.toContain('da58ee4863b15816');
    await lib2.close();
  });

  it('stores normalised text: NFC, LF, no BOM, passages and sentences inside the text', async () => {
    const lib = await openLibrary({ dataDir: tempDir(), corpusDir: CORPUS_DIR });
    for (const meta of listDocuments(lib.db)) {
      const doc = getDocument(lib.db, meta.id);
      expect(doc).toBeDefined();
      const text = doc?.text ?? '';
      expect(text).toBe(text.normalize('NFC'));
      expect(text).not.toMatch(/\r|\uFEFF/);
      const passages = lib.db.prepare('SELECT start, end FROM passages WHERE doc_id = ?').all(meta.id) as Array<{ start: number; end: number }>;
      expect(passages.length).toBeGreaterThan(0);
      for (const p of passages) {
        expect(p.start).toBeGreaterThanOrEqual(0);
        expect(p.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(p.start, p.end).trim()).toBe(text.slice(p.start, p.end));
      }
    }
    await lib.close();
  });
});
