import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/handlers.js';
import { backupDatabase, listBackups, pruneBackups, restoreLibrary, verifyLibraryFile } from '../../../electron/core/db/backup.js';
import { checkIntegrity } from '../../../electron/core/db/integrity.js';
import { CODE_SCHEMA_VERSION, migrate } from '../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { DB_FILE_NAME } from '../../../electron/core/db/open.js';
import { openLibrary } from '../../../electron/core/library.js';
import { CORPUS_DIR, tempDir } from '../../helpers/library.js';

const hash = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function rejectsWith(p: Promise<unknown>, code: string): Promise<Error & { code: string }> {
  try {
    await p;
  } catch (e) {
    expect((e as { code?: string }).code).toBe(code);
    return e as Error & { code: string };
  }
  throw new Error(`expected ${code}`);
}

/** A closed library with the bundled corpus, then some of its pages overwritten with noise. */
async function damagedLibrary(): Promise<{ dir: string; file: string }> {
  const dir = tempDir('parallax-damaged-');
  const lib = await openLibrary({ dataDir: dir, corpusDir: CORPUS_DIR });
  await lib.close();
  const file = path.join(dir, DB_FILE_NAME);
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  // A page of the documents table's b-tree (not page 1, so the file still opens).
  const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'passages'").get() as { rootpage: number }).rootpage;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
  return { dir, file };
}

describe('a file at the library path that is not a library', () => {
  it('a 0-byte file is refused with DB_CORRUPT and left as it is', async () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(file, '');
    const e = await rejectsWith(openLibrary({ dataDir: dir, corpusDir: null }), 'DB_CORRUPT');
    expect(e.message).toMatch(/empty \(0 bytes\)/);
    expect(e.message).toContain(file);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('a text file is refused with DB_CORRUPT and left as it is', async () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(file, 'my shopping list\n'.repeat(40));
    const before = hash(file);
    const e = await rejectsWith(openLibrary({ dataDir: dir, corpusDir: null }), 'DB_CORRUPT');
    expect(e.message).toMatch(/not a SQLite database/);
    expect(hash(file)).toBe(before);
  });
});

describe('a damaged library', () => {
  it('fails quick_check on open, is refused, and is never written', async () => {
    const { dir, file } = await damagedLibrary();
    const before = hash(file);
    const e = await rejectsWith(openLibrary({ dataDir: dir, corpusDir: CORPUS_DIR }), 'DB_CORRUPT');
    expect(e.message).toMatch(/damaged/);
    expect(e.message).toMatch(/read-only/);
    expect(e.message).toMatch(/backup/);
    expect(hash(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('opens read-only on request: reads what it can, refuses every write with DB_READ_ONLY', async () => {
    const { dir, file } = await damagedLibrary();
    const before = hash(file);
    const lib = await openLibrary({ dataDir: dir, corpusDir: CORPUS_DIR, readonly: true, allowDamaged: true });
    try {
      expect(lib.readOnly).toBe(true);
      expect(lib.damage?.length).toBeGreaterThan(0);
      const api = createDispatcher(lib, () => {});
      const list = await api.call('docs.list', {});
      expect(list.ok).toBe(true);
      const set = await api.call('settings.set', { key: 'theme', value: 'dark' });
      expect(set.ok).toBe(false);
      if (!set.ok) expect(set.error.code).toBe('DB_READ_ONLY');
      const imp = await api.call('docs.import', { files: [{ name: 'x.txt', dataBase64: Buffer.from('A new report about Bucharest.').toString('base64') }] });
      expect(imp.ok).toBe(false);
      if (!imp.ok) {
        expect(imp.error.code).toBe('DB_READ_ONLY');
        expect(imp.error.message).toMatch(/damaged.*nothing was imported/);
      }
    } finally {
      await lib.close();
    }
    expect(hash(file)).toBe(before);
  });

  it('integrity_check (parallax check) reports the problems', async () => {
    const { file } = await damagedLibrary();
    const db = new Database(file, { readonly: true });
    const report = checkIntegrity(db, 'full');
    db.close();
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
  });
});

describe('backups', () => {
  it('are made once a day on open (not for a library created just now) and kept to the last few', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, DB_FILE_NAME);
    await (await openLibrary({ dataDir: dir, corpusDir: CORPUS_DIR })).close();
    expect(listBackups(dbPath)).toHaveLength(0);
    await (await openLibrary({ dataDir: dir, corpusDir: CORPUS_DIR })).close();
    await (await openLibrary({ dataDir: dir, corpusDir: CORPUS_DIR })).close();
    const daily = listBackups(dbPath);
    expect(daily.map((b) => b.reason)).toEqual(['daily']);
    expect(verifyLibraryFile(daily[0]!.file).documents).toBe(5);
    const db = new Database(dbPath);
    for (let i = 0; i < 7; i++) await backupDatabase(db, dbPath, 'manual', { now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
    db.close();
    expect(listBackups(dbPath)).toHaveLength(5);
    expect(pruneBackups(dbPath, 2)).toHaveLength(3);
  });

  it('are made before a migration, holding the schema before it', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, DB_FILE_NAME);
    const old = new Database(dbPath);
    old.pragma('journal_mode = WAL');
    migrate(old, dbPath, MIGRATIONS.slice(0, CODE_SCHEMA_VERSION - 1));
    old.close();
    const lib = await openLibrary({ dataDir: dir, corpusDir: null });
    expect(lib.db.pragma('user_version', { simple: true })).toBe(CODE_SCHEMA_VERSION);
    await lib.close();
    const pre = listBackups(dbPath).find((b) => b.reason === `before-schema-${CODE_SCHEMA_VERSION}`);
    expect(pre).toBeDefined();
    expect(verifyLibraryFile(pre!.file).schema).toBe(CODE_SCHEMA_VERSION - 1);
  });

  it('restore refuses a damaged file and one from a newer Parallax, and restores a good one', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, DB_FILE_NAME);
    const lib = await openLibrary({ dataDir: dir, corpusDir: CORPUS_DIR });
    const copy = path.join(tempDir(), 'copy.sqlite');
    await backupDatabase(lib.db, dbPath, 'manual', { dest: copy });
    await lib.deleteDocument('b44e6ea7410dd368');
    await lib.close();

    const { file: damaged } = await damagedLibrary();
    const before = hash(dbPath);
    await rejectsWith(restoreLibrary(damaged, dbPath), 'DB_CORRUPT');
    const newer = path.join(tempDir(), 'newer.sqlite');
    fs.copyFileSync(copy, newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${CODE_SCHEMA_VERSION + 1}`);
    n.close();
    await rejectsWith(restoreLibrary(newer, dbPath), 'DB_TOO_NEW');
    await rejectsWith(restoreLibrary(path.join(dir, 'nope.sqlite'), dbPath), 'DB_CORRUPT');
    expect(hash(dbPath)).toBe(before);

    const { restored, previous } = await restoreLibrary(copy, dbPath);
    expect(restored.documents).toBe(5);
    expect(previous && verifyLibraryFile(previous).documents).toBe(4);
    const again = await openLibrary({ dataDir: dir, corpusDir: CORPUS_DIR });
    try {
      expect((again.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(5);
    } finally {
      await again.close();
    }
  });

  it('restore keeps a damaged current library aside instead of overwriting it', async () => {
    const { dir, file } = await damagedLibrary();
    const good = tempDir();
    const l = await openLibrary({ dataDir: good, corpusDir: CORPUS_DIR });
    await l.close();
    const before = hash(file);
    const { previous } = await restoreLibrary(path.join(good, DB_FILE_NAME), file);
    expect(previous).toMatch(/damaged\.sqlite$/);
    expect(hash(previous!)).toBe(before);
    expect(verifyLibraryFile(file).documents).toBe(5);
    expect(path.dirname(previous!)).toBe(path.join(dir, 'backups'));
  });
});

describe('a daily backup that cannot be written', () => {
  it('does not keep the library from opening', async () => {
    const dir = tempDir();
    await (await openLibrary({ dataDir: dir, corpusDir: null })).close();
    // backups/ is a file: no copy can be written there.
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder');
    const lib = await openLibrary({ dataDir: dir, corpusDir: null });
    expect(lib.readOnly).toBe(false);
    await lib.close();
  });
});
