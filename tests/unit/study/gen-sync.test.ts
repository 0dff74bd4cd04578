import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../electron/core/library.js';
import type { Db } from '../../../electron/core/db/open.js';
import { ingestDocument } from '../../../electron/core/corpus/ingest.js';
import { pendingGeneration, refreshGeneratedCards } from '../../../electron/core/study/sync.js';
import { freshLibrary } from './helpers.js';
import { snapshot } from '../../helpers/library.js';

// Incremental generation: per changed document, cross-document cards only for what changed,
// pendingGeneration reads only, and what the reader did to cards survives regeneration.

function add(db: Db, file: string, raw: string, title = file): string {
  return ingestDocument(db, { file, origin: 'imported', raw, title, outlet: null, published: null, language: 'en', author: null }).doc.id;
}

interface CardStamp {
  id: string;
  updated_at: string;
  gen_doc: string;
}

function stamps(db: Db): Map<string, CardStamp> {
  const rows = db.prepare("SELECT id, updated_at, gen_doc FROM cards WHERE origin = 'generated'").all() as CardStamp[];
  return new Map(rows.map((r) => [r.id, r]));
}

const UNRELATED =
  'The orchestra announced a new season of concerts devoted to early baroque composers. The conductor said the programme would include rarely heard cantatas. ' +
  'Tickets for the opening night sold out within an hour, the box office said. Critics praised the decision to perform on period instruments.';

describe('incremental generation', () => {
  let lib: Library;
  beforeAll(async () => {
    lib = await freshLibrary();
    refreshGeneratedCards(lib.db);
  }, 120_000);
  afterAll(async () => lib?.close());

  it('leaves nothing pending after a refresh, and a second refresh changes nothing', () => {
    expect(pendingGeneration(lib.db)).toEqual({ pending: 0, total: 5 });
    const before = snapshot(lib);
    const s = refreshGeneratedCards(lib.db);
    expect(s).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(snapshot(lib)).toBe(before);
  });

  it('leaves named documents alone when their cards are up to date (a change noticed twice is prepared once), but a rebuild remakes them', () => {
    const ids = (lib.db.prepare('SELECT id FROM documents').all() as Array<{ id: string }>).map((r) => r.id);
    const before = snapshot(lib);
    expect(refreshGeneratedCards(lib.db, { docIds: ids })).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(snapshot(lib)).toBe(before);
    const at = new Date(2031, 0, 1);
    refreshGeneratedCards(lib.db, { all: true, now: at });
    const times = lib.db.prepare('SELECT DISTINCT generated_at AS t FROM study_doc_state').all() as Array<{ t: string }>;
    expect(times.map((r) => r.t)).toEqual([at.toISOString()]);
  });

  it('counts pending documents without writing anything', () => {
    const id = add(lib.db, 'concerts.txt', UNRELATED, 'Orchestra season');
    const before = snapshot(lib);
    expect(pendingGeneration(lib.db)).toEqual({ pending: 1, total: 6 });
    expect(snapshot(lib)).toBe(before);
    // Only the new document (no document is related to it) has its cards made.
    const old = stamps(lib.db);
    const s = refreshGeneratedCards(lib.db, { docIds: [id] });
    expect(s.removed).toBe(0);
    expect(s.updated).toBe(0);
    const now = stamps(lib.db);
    for (const [cid, st] of old) expect(now.get(cid)?.updated_at).toBe(st.updated_at);
    expect([...now.values()].filter((c) => c.gen_doc === id).length).toBeGreaterThan(0);
    expect(pendingGeneration(lib.db).pending).toBe(0);
  });

  it('remakes the cards of a related document when a document that repeats its statements arrives', () => {
    const text = 'Norway will help Ukraine purchase gas and allocate NOK 2 billion to this end, the foreign ministers said in Bucharest.\n\n' + 'Allies will help Ukraine repair its energy infrastructure and protect its population from missile attacks.\n\n' + 'NATO is re-examining the idea of giving Ukraine MiG-29 and F-16 fighter jets, ministers said.';
    const progress: Array<{ done: number; total: number }> = [];
    const id = add(lib.db, 'aid.txt', text, 'Aid for Ukraine');
    refreshGeneratedCards(lib.db, { docIds: [id], onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ done: progress.at(-1)?.total, total: progress.at(-1)?.total });
    // Its statements are the bundled reports' statements: the related reports' cards were
    // remade and now list the new document among their sources.
    const carriers = lib.db.prepare("SELECT DISTINCT c.gen_doc AS owner FROM card_sources s JOIN cards c ON c.id = s.card_id WHERE s.doc_id = ? AND c.origin = 'generated'").all(id) as Array<{ owner: string }>;
    expect(carriers.some((r) => r.owner !== id)).toBe(true);
    expect(pendingGeneration(lib.db).pending).toBe(0);
  });

  it('stops early without writing when asked to', () => {
    const id = add(lib.db, 'more.txt', UNRELATED.replace('orchestra', 'choir'), 'Choir season');
    const before = snapshot(lib);
    const s = refreshGeneratedCards(lib.db, { docIds: [id], shouldStop: () => true });
    expect(s.added).toBe(0);
    expect(snapshot(lib)).toBe(before);
    expect(pendingGeneration(lib.db).pending).toBe(1);
    refreshGeneratedCards(lib.db);
    expect(pendingGeneration(lib.db).pending).toBe(0);
  });

  it('keeps edits, suspensions, deletions and reviews of cards when their document changes', async () => {
    const docId = '4435434e06963c7c';
    const cards = lib.db.prepare("SELECT id FROM cards WHERE origin = 'generated' AND gen_doc = ? AND kind = 'cloze' ORDER BY id").all(docId) as Array<{ id: string }>;
    expect(cards.length).toBeGreaterThanOrEqual(4);
    const [a, b, c, d] = cards.map((x) => x.id) as [string, string, string, string];
    lib.db.prepare("UPDATE cards SET prompt = 'my prompt [...]', answer = 'mine', edited = 1 WHERE id = ?").run(a);
    lib.db.prepare('UPDATE cards SET suspended = 1 WHERE id = ?').run(b);
    lib.db.prepare('UPDATE cards SET deleted = 1 WHERE id = ?').run(c);
    lib.db.prepare('UPDATE cards SET reps = 2, state = 2 WHERE id = ?').run(d);
    // A full rebuild and a rebuild of just this document.
    refreshGeneratedCards(lib.db, { all: true });
    refreshGeneratedCards(lib.db, { docIds: [docId] });
    const row = (id: string): Record<string, unknown> => lib.db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row(a)).toMatchObject({ prompt: 'my prompt [...]', answer: 'mine', edited: 1 });
    expect(row(b)).toMatchObject({ suspended: 1 });
    expect(row(c)).toMatchObject({ deleted: 1 });
    expect(row(d)).toMatchObject({ reps: 2, state: 2 });
    // The document is deleted: untouched cards go, touched ones stay (orphaned or deleted).
    await lib.deleteDocument(docId);
    expect(pendingGeneration(lib.db).pending).toBeGreaterThanOrEqual(1);
    refreshGeneratedCards(lib.db);
    for (const id of [a, b, d]) expect(row(id)).toMatchObject({ orphaned: 1 });
    expect(row(c)).toMatchObject({ deleted: 1 });
    expect((lib.db.prepare("SELECT count(*) AS n FROM cards WHERE gen_doc = ? AND edited = 0 AND suspended = 0 AND deleted = 0 AND reps = 0").get(docId) as { n: number }).n).toBe(0);
    expect(pendingGeneration(lib.db).pending).toBe(0);
  });
});
