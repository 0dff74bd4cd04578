import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBundledCorpus } from '../../../electron/core/corpus/ingest.js';
import { openDatabase, type Db } from '../../../electron/core/db/open.js';
import { createSearchEngine, type SearchEngineOptions } from '../../../electron/core/search/index.js';
import type { SearchEngine } from '../../../electron/core/search/types.js';
import { CORPUS, cleanTmp, ingestSynth, synthDocs, tmpDir } from './helpers.js';

// Segments, merges, tombstones, fingerprints and crash safety, through the engine.

const segmentIds = (db: Db): number[] => (db.prepare('SELECT id FROM search_segments ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
const segmentDocs = (db: Db): Array<{ segment_id: number; doc_id: string }> =>
  db.prepare('SELECT segment_id, doc_id FROM search_segment_docs ORDER BY segment_id, doc_id').all() as Array<{ segment_id: number; doc_id: string }>;

function freshLibrary(docs: number, seed = 7): { db: Db; dbPath: string; ids: string[] } {
  const dbPath = path.join(tmpDir('engine'), 'library.sqlite');
  const db = openDatabase(dbPath);
  syncBundledCorpus(db, CORPUS);
  const ids = ingestSynth(db, synthDocs(docs, seed));
  return { db, dbPath, ids };
}

async function engine(opts: SearchEngineOptions): Promise<SearchEngine> {
  const e = createSearchEngine(opts);
  await e.ready();
  return e;
}

const QUERIES = [
  'russia',
  'nato',
  'ukraine support',
  'energy infrastructure attacks',
  'Stoltenberg',
  'Gripen',
  'Moldova Georgia',
  '"energy blackmail"',
  '"territorial integrity"',
  'annex*',
  'sup*',
  'china security',
  'ministers bucharest',
  'winter',
  'blackmail',
  'humanitarian law',
  'air defence systems',
  'sweden finland',
  'allies',
  'declaration',
];

const top = async (e: SearchEngine, q: string): Promise<string[]> => (await e.query(q, { limit: 10 })).hits.map((h) => `${h.docId}/${h.passageIndex}`);

afterAll(() => cleanTmp());

describe('ranking across segments', () => {
  let single: { db: Db; e: SearchEngine };
  let segmented: { db: Db; e: SearchEngine };
  const N = 160;

  beforeAll(async () => {
    // The same corpus twice: one index built in one go; one grown by batches and single
    // imports, then merged by the background policy.
    const a = freshLibrary(N);
    single = { db: a.db, e: await engine({ db: a.db, dbPath: a.dbPath, mode: 'inline', tuning: { batchDocs: 10_000 } }) };
    const b = freshLibrary(0);
    const e = await engine({ db: b.db, dbPath: b.dbPath, mode: 'inline', tuning: { batchDocs: 15, mergeFactor: 3, maxSegmentDocs: 60 }, mergeDelayMs: 5 });
    const docs = synthDocs(N);
    for (let i = 0; i < N; ) {
      const n = i < 120 ? 30 : 1;
      const ids = ingestSynth(b.db, docs.slice(i, i + n));
      await e.documentsChanged({ upserted: ids, removed: [] });
      i += n;
    }
    segmented = { db: b.db, e };
  }, 120_000);

  afterAll(async () => {
    await single?.e.close();
    await segmented?.e.close();
    single?.db.close();
    segmented?.db.close();
  });

  it('has really built segments', async () => {
    expect(segmentIds(single.db)).toHaveLength(1);
    expect(segmentIds(segmented.db).length).toBeGreaterThan(4);
    await segmented.e.flush!();
    const stats = await segmented.e.stats!();
    expect(stats.documents).toBe(N + 5);
    expect((await single.e.stats!()).documents).toBe(N + 5);
    // Bounded by the merge policy.
    expect(stats.segments).toBeLessThan(15);
  });

  it('top-10 overlaps a single-index build by at least 90%', async () => {
    let sum = 0;
    let min = 1;
    for (const q of QUERIES) {
      const a = await top(single.e, q);
      const b = new Set(await top(segmented.e, q));
      expect(a.length, q).toBeGreaterThan(0);
      const overlap = a.filter((x) => b.has(x)).length / a.length;
      sum += overlap;
      min = Math.min(min, overlap);
    }
    const mean = sum / QUERIES.length;
    expect(mean).toBeGreaterThanOrEqual(0.9);
    expect(min).toBeGreaterThanOrEqual(0.7);
  });

  it('caps the expansion of a short prefix, with a hint', async () => {
    const res = await segmented.e.query('s*', { limit: 10 });
    expect(res.hits.length).toBe(10);
    expect(res.hint ?? '').toMatch(/most common were searched/);
    expect((await segmented.e.query('stoltenb*')).hint).toBeNull();
  });

  it('gives the same scores whichever segment holds a passage', async () => {
    const a = (await single.e.query('ukraine support', { limit: 5 })).hits;
    const b = (await segmented.e.query('ukraine support', { limit: 5 })).hits;
    expect(b.map((h) => h.score)).toEqual(a.map((h) => h.score));
  });
});

describe('incremental index', () => {
  it('keeps its segments across reopen (keyed by fingerprints) and re-indexes only what changed', async () => {
    const { db, dbPath, ids } = freshLibrary(20);
    const e1 = await engine({ db, dbPath, mode: 'inline' });
    const before = segmentIds(db);
    await e1.close();
    const e2 = await engine({ db, dbPath, mode: 'inline' });
    expect(segmentIds(db)).toEqual(before);
    // A changed title is a changed fingerprint: that document alone is indexed again.
    db.prepare('UPDATE documents SET title = ? WHERE id = ?').run('Quxbarnacle headline', ids[0]);
    await e2.documentsChanged({ upserted: [ids[0]!], removed: [] });
    const after = segmentIds(db);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    const res = await e2.query('quxbarnacle');
    expect(res.hits.map((h) => h.docId)).toEqual([ids[0]]);
    await e2.close();
    db.close();
  });

  it('removes a deleted document at once and purges it on merge', async () => {
    const { db, dbPath, ids } = freshLibrary(12);
    const e = await engine({ db, dbPath, mode: 'inline', tuning: { maxDeadShare: 0.05 }, mergeDelayMs: 60_000 });
    const victim = ids[3]!;
    const marker = synthDocs(12)[3]!.marker;
    expect((await e.query(marker)).hits.map((h) => h.docId)).toEqual([victim]);
    db.prepare('DELETE FROM documents WHERE id = ?').run(victim);
    await e.documentsChanged({ upserted: [], removed: [victim] });
    expect((await e.query(marker)).hits).toEqual([]);
    expect(segmentDocs(db).some((r) => r.doc_id === victim)).toBe(true);
    await e.flush!();
    expect(segmentDocs(db).some((r) => r.doc_id === victim)).toBe(false);
    expect((await e.query(marker)).hits).toEqual([]);
    expect((await e.stats!()).documents).toBe(16);
    await e.close();
    db.close();
  });

  it('reports building progress from 0 to 1', async () => {
    const { db, dbPath } = freshLibrary(60);
    // On worker threads the builder's progress arrives while this thread stays free.
    const e = createSearchEngine({ db, dbPath, mode: 'worker', tuning: { batchDocs: 4 } });
    const seen: number[] = [];
    const states = new Set<string>();
    const poll = setInterval(() => {
      const s = e.status();
      states.add(s.state);
      seen.push(s.progress);
    }, 1);
    await e.ready();
    clearInterval(poll);
    const s = e.status();
    expect(s).toMatchObject({ state: 'ready', progress: 1, documents: 65, message: null });
    expect(states.has('building')).toBe(true);
    expect(seen.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    await e.close();
    db.close();
  });
});

describe('crash during a merge', () => {
  for (const mode of ['inline', 'worker'] as const) {
    it(`loses nothing (${mode})`, async () => {
      const { db, dbPath } = freshLibrary(30);
      const tuning = { batchDocs: 5, mergeFactor: 1000 };
      const e1 = await engine({ db, dbPath, mode, tuning });
      const segs = segmentIds(db);
      expect(segs.length).toBeGreaterThanOrEqual(6);
      const rows = segmentDocs(db);
      const expected = await Promise.all(QUERIES.slice(0, 8).map((q) => top(e1, q)));
      await e1.close();

      // The merge starts, writes its segment, and the thread dies before the commit.
      const e2 = await engine({ db, dbPath, mode, tuning: { batchDocs: 5, mergeFactor: 2 }, mergeDelayMs: 60_000, crashBeforeMergeCommit: true });
      await expect(e2.flush!()).rejects.toThrow();
      await e2.close();

      expect(segmentIds(db)).toEqual(segs);
      expect(segmentDocs(db)).toEqual(rows);
      const e3 = await engine({ db, dbPath, mode, tuning, mergeDelayMs: 60_000 });
      expect(await Promise.all(QUERIES.slice(0, 8).map((q) => top(e3, q)))).toEqual(expected);
      await e3.close();
      db.close();
      expect(fs.existsSync(dbPath)).toBe(true);
    }, 60_000);
  }
});
