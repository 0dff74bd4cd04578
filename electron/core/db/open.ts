import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { errorCode, errorMessage, ParallaxError } from '../errors.js';
import { DamagedLibraryError, assertSqliteFile, checkIntegrity, type IntegrityReport } from './integrity.js';
import { assertNotNewer, migrate } from './migrate.js';

export type Db = Database.Database;

export const DB_FILE_NAME = 'library.sqlite';
const SLOW_QUERY_MS = 200;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own build). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Log statements slower than this; set by tests to silence. */
  logSlow?: boolean;
  /** PRAGMA quick_check on open (default for files; worker threads skip it, main already ran it). */
  integrity?: 'quick' | 'none';
  /** Run pending migrations (default). openLibrary migrates itself, after a backup. */
  migrate?: boolean;
  /** With readonly: open a library that fails the check anyway (to read and export what is left). */
  allowDamaged?: boolean;
}

export interface OpenedDatabase {
  db: Db;
  /** Set when the file failed quick_check and was opened read-only on request. */
  damage: IntegrityReport | null;
}

/** Where the native addon for this runtime lives: Electron sets PARALLAX_SQLITE_BINDING. */
function defaultNativeBinding(): string | undefined {
  const fromEnv = process.env.PARALLAX_SQLITE_BINDING;
  return fromEnv && fs.existsSync(fromEnv) ? fromEnv : undefined;
}

/**
 * The one place a library database is opened: pragmas, integrity, migrations.
 * A file that is not a SQLite database (0 bytes included) is refused with DB_CORRUPT and never
 * overwritten; one that fails quick_check is refused too (DamagedLibraryError), unless asked to
 * open it read-only.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  return openDatabaseChecked(file, options).db;
}

export function openDatabaseChecked(file: string, options: OpenOptions = {}): OpenedDatabase {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    assertSqliteFile(file);
  }
  let db: Db;
  try {
    const nativeBinding = options.nativeBinding ?? defaultNativeBinding();
    db = new Database(file, {
      readonly: options.readonly ?? false,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (e) {
    if (isAddonLoadFailure(e)) {
      throw new ParallaxError(
        'INTERNAL',
        `Parallax could not load its SQLite engine (${errorMessage(e).split('\n')[0]}). ` +
          'Reinstall Parallax (for a source checkout: npm install, then npm start rebuilds it). Your library has not been touched.',
        { cause: e },
      );
    }
    throw corrupt(file, e);
  }
  try {
    // Reading the schema is the first thing that fails on a file that is not a database.
    db.pragma('schema_version', { simple: true });
  } catch (e) {
    db.close();
    throw corrupt(file, e);
  }
  let damage: IntegrityReport | null = null;
  if (file !== ':memory:' && (options.integrity ?? 'quick') === 'quick') {
    try {
      const report = checkIntegrity(db, 'quick');
      if (!report.ok) damage = report;
    } catch (e) {
      damage = { ok: false, problems: [errorMessage(e)] };
    }
    if (damage && !(options.readonly && options.allowDamaged)) {
      db.close();
      throw new DamagedLibraryError(file, damage.problems);
    }
  }
  try {
    assertNotNewer(db, file);
  } catch (e) {
    db.close();
    throw e;
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a highlight or review the UI has confirmed must survive a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
  } catch (e) {
    db.close();
    throw corrupt(file, e);
  }
  try {
    if (!options.readonly && (options.migrate ?? true)) migrate(db, file);
  } catch (e) {
    db.close();
    if (e instanceof ParallaxError) throw e;
    throw corrupt(file, e);
  }
  if (options.logSlow ?? process.env.PARALLAX_LOG_SLOW === '1') installSlowQueryLog(db);
  return { db, damage };
}

/** A native addon that fails to load is a broken installation, not a broken library. */
function isAddonLoadFailure(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  return errorCode(e) === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|bindings file|\.node\b|invalid ELF|dlopen/i.test(String('message' in e ? e.message : undefined));
}

function corrupt(file: string, cause: unknown): ParallaxError {
  const detail = cause instanceof Error ? ` (${cause.message})` : '';
  return new ParallaxError(
    'DB_CORRUPT',
    `The library database at ${file} is not a readable Parallax library${detail}. ` +
      'It has been left untouched; move it aside or choose another data folder to start a new library.',
    { cause },
  );
}

function installSlowQueryLog(db: Db): void {
  const prepare = db.prepare.bind(db);
  // Wrap statements so that anything slower than SLOW_QUERY_MS is reported once per call.
  (db as { prepare: Db['prepare'] }).prepare = ((sql: string) => {
    const stmt = prepare(sql);
    for (const method of ['run', 'get', 'all'] as const) {
      const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const t0 = performance.now();
        const result = original(...args);
        const ms = performance.now() - t0;
        if (ms > SLOW_QUERY_MS) process.stderr.write(`[parallax] slow query (${ms.toFixed(0)} ms): ${sql.slice(0, 120)}\n`);
        return result;
      };
    }
    return stmt;
  }) as Db['prepare'];
}

/** Run fn in one transaction (immediate, so writers queue instead of failing mid-way). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
