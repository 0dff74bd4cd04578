import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open.js';
import { CODE_SCHEMA_VERSION, migrate } from '../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { ParallaxError } from '../../../electron/core/errors.js';
import { tempDir } from '../../helpers/library.js';

const dbFile = () => path.join(tempDir(), 'library.sqlite');

function expectError(fn: () => unknown, code: string): ParallaxError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ParallaxError);
    expect((e as ParallaxError).code).toBe(code);
    return e as ParallaxError;
  }
  throw new Error(`expected ${code}`);
}

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(CODE_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('create a fresh library at the code version with WAL and foreign keys', () => {
    const file = dbFile();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(CODE_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['documents', 'passages', 'sentences']));
    db.close();
  });

  for (let from = 1; from < MIGRATIONS.length; from++) {
    it(`upgrade a library from version ${from} keeping its documents`, () => {
      const file = dbFile();
      const raw = new Database(file);
      migrate(raw, file, MIGRATIONS.slice(0, from));
      expect(raw.pragma('user_version', { simple: true })).toBe(from);
      raw
        .prepare(
          `INSERT INTO documents (id, title, file, origin, text, content_hash, words, added_at, updated_at)
           VALUES ('d1', 'T', 'f.txt', 'imported', 'Hello.', 'h', 1, 'now', 'now')`,
        )
        .run();
      raw.close();
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(CODE_SCHEMA_VERSION);
      expect(db.prepare('SELECT title FROM documents WHERE id = ?').get('d1')).toEqual({ title: 'T' });
      db.close();
    });
  }

  it('run each migration in a transaction: a failing one leaves the earlier version intact', () => {
    const file = dbFile();
    const raw = new Database(file);
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'broken', up: (db: Database.Database) => {
      db.exec('CREATE TABLE half_done (x)');
      throw new Error('boom');
    } }];
    expect(() => migrate(raw, file, broken)).toThrow('boom');
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    raw.close();
  });

  it('refuse a database newer than the code, leaving it untouched', () => {
    const file = dbFile();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const before = fs.readFileSync(file);
    const err = expectError(() => openDatabase(file), 'DB_TOO_NEW');
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/newer version of Parallax/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuse a file that is not a database with DB_CORRUPT naming the file, never overwriting it', () => {
    const file = dbFile();
    const junk = Buffer.from('This is a shopping list, not a database.\n'.repeat(200));
    fs.writeFileSync(file, junk);
    const err = expectError(() => openDatabase(file), 'DB_CORRUPT');
    expect(err.message).toContain(file);
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
  });

  it('refuse a truncated database with DB_CORRUPT', () => {
    const file = dbFile();
    const db = openDatabase(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const whole = fs.readFileSync(file);
    const broken = Buffer.concat([whole.subarray(0, 100), Buffer.alloc(whole.length - 100, 0xff)]);
    fs.writeFileSync(file, broken);
    expectError(() => openDatabase(file), 'DB_CORRUPT');
    expect(fs.readFileSync(file).equals(broken)).toBe(true);
  });
});
