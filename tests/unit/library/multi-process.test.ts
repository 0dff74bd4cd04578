import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/handlers.js';
import { ingestDocument } from '../../../electron/core/corpus/ingest.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';
import { CORPUS_DIR, tempDir } from '../../helpers/library.js';
import { collect, spawnSource } from '../reliability/helpers.js';

// Several processes, one library: a host notices writes made by another connection (the CLI,
// another window) before it answers, and its search follows them.

const GRIPEN_DOC = 'b44e6ea7410dd368';
const libs: Library[] = [];
afterEach(async () => {
  for (const l of libs.splice(0)) await l.close();
});
const open = async (dataDir: string): Promise<Library> => {
  const l = await openLibrary({ dataDir, corpusDir: CORPUS_DIR });
  libs.push(l);
  return l;
};

async function hitDocs(api: ReturnType<typeof createDispatcher>, q: string): Promise<string[]> {
  const r = await api.call('search.query', { query: q, limit: 50 });
  if (!r.ok) throw new Error(r.error.message);
  return [...new Set(r.value.hits.map((h) => h.docId))];
}

describe('two libraries on one folder', () => {
  it("the host's search and lists follow the other's deletes and imports", async () => {
    const dir = tempDir();
    const host = await open(dir);
    const cli = await open(dir);
    const api = createDispatcher(host, () => {});
    await host.search.ready();
    const target = (await hitDocs(api, 'Gripen'))[0]!;
    expect(target).toBeDefined();

    await cli.deleteDocument(target);
    expect(await hitDocs(api, 'Gripen')).not.toContain(target);
    const list = await api.call('docs.list', {});
    expect(list.ok && list.value.map((d) => d.id)).not.toContain(target);

    const [imported] = await cli.importFiles([{ name: 'zanzibar.txt', bytes: Buffer.from('A zanzibarite report.\n\nThe zanzibarite ministers met again.') }]);
    expect(imported && 'id' in imported).toBe(true);
    const id = imported && 'id' in imported ? imported.id : '';
    expect(await hitDocs(api, 'zanzibarite')).toEqual([id]);
    expect(host.search.status()).toMatchObject({ state: 'ready' });
  });

  it('subscribers hear about the other connection\'s changes, marked external', async () => {
    const dir = tempDir();
    const host = await open(dir);
    const other = await open(dir);
    const heard: Array<{ upserted: string[]; removed: string[]; external?: boolean }> = [];
    host.onDocumentsChanged((c) => void heard.push({ upserted: c.upserted, removed: c.removed, external: c.external }));
    await other.deleteDocument(GRIPEN_DOC);
    await host.sync();
    expect(heard).toEqual([{ upserted: [], removed: [GRIPEN_DOC], external: true }]);
    await host.sync();
    expect(heard).toHaveLength(1);
    // A write elsewhere that touches no document (a setting) moves data_version, not the
    // documents counter (migration 0009): nothing to tell.
    other.db.prepare("INSERT INTO settings (key, value) VALUES ('theme', 'dark') ON CONFLICT (key) DO UPDATE SET value = 'dark'").run();
    await host.sync();
    expect(heard).toHaveLength(1);
    const list = await createDispatcher(host, () => {}).call('settings.get', {});
    expect(list.ok && list.value.theme).toBe('dark');
  });
});

describe('honest search status', () => {
  it('is not "ready" while a stored document is missing from the index, and says "Indexing n of m"', async () => {
    const dir = tempDir();
    const host = await open(dir);
    await host.search.ready();
    expect(host.search.status().state).toBe('ready');
    // A document stored by a connection that never indexed it (a process killed after its
    // import committed, before its index segment did).
    const raw = new Database(host.dbPath);
    ingestDocument(raw, { file: 'orphan.txt', origin: 'imported', raw: 'An orphaned report.\n\nNobody indexed the quokkaword.', title: null, outlet: null, published: null, language: 'en', author: null });
    raw.close();
    const s = host.search.status();
    expect(s.state).toBe('building');
    expect(s.message).toBe('Indexing 5 of 6 documents…');
    await host.sync();
    expect(host.search.status().state).toBe('ready');
    expect((await host.search.query('quokkaword')).hits.length).toBe(1);
  });

  it('after a reopen (crash recovery) the missing documents are indexed', async () => {
    const dir = tempDir();
    await (await openLibrary({ dataDir: dir, corpusDir: CORPUS_DIR })).close();
    const raw = new Database(path.join(dir, 'library.sqlite'));
    ingestDocument(raw, { file: 'orphan.txt', origin: 'imported', raw: 'An orphaned report.\n\nNobody indexed the quokkaword.', title: null, outlet: null, published: null, language: 'en', author: null });
    raw.close();
    const lib = await open(dir);
    await lib.search.ready();
    expect(lib.search.status().state).toBe('ready');
    expect((await lib.search.query('quokkaword')).hits.length).toBe(1);
  });
});

describe('a real CLI process against a running host', () => {
  it('imports and deletes made by `parallax` show in the host\'s search', async () => {
    const dir = tempDir();
    const host = await open(dir);
    const api = createDispatcher(host, () => {});
    await host.search.ready();
    const file = path.join(tempDir(), 'wombat.txt');
    fs.writeFileSync(file, 'A wombatword report.\n\nThe wombatword ministers met.');
    const run = async (args: string[]) => collect(spawnSource('electron/cli/main.ts', ['--data', dir, ...args])).done;
    const imp = await run(['import', file, '--json']);
    expect(imp.code, imp.err).toBe(0);
    const id = (JSON.parse(imp.out) as Array<{ id: string }>)[0]!.id;
    expect(await hitDocs(api, 'wombatword')).toEqual([id]);
    const target = (await hitDocs(api, 'Gripen'))[0]!;
    const del = await run(['delete', target, '--yes']);
    expect(del.code, del.err).toBe(0);
    expect(await hitDocs(api, 'Gripen')).not.toContain(target);
  }, 120_000);
});
