import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { errorCode, errorMessage, ParallaxError } from '../errors.js';
import { assertSqliteFile, checkIntegrity } from './integrity.js';
import { CODE_SCHEMA_VERSION } from './migrate.js';
import type { Db } from './open.js';
import { pragmaNumber } from './pragma.js';

// Copies of the library made with SQLite's online backup API (consistent even while other
// connections write), kept in backups/ beside the library, newest last: before every
// migration, once a day on first open, before a restore, and on demand (`parallax backup`).

export const DEFAULT_KEEP = 5;

export function backupsDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups');
}

export interface BackupInfo {
  file: string;
  reason: string;
  at: string;
  bytes: number;
}

const NAME = /^library-(\d{8}T\d{6}(?:\d{3})?Z)-([a-z0-9-]+)\.sqlite$/;

function stamp(now: Date): string {
  // 20261203T071500123Z: sorts in time order, safe in every file system.
  return now.toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** Backups in the library's backups/ folder, oldest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDir(dbPath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => a.m[1].localeCompare(b.m[1]))
    .map(({ name, m }) => {
      const file = path.join(dir, name);
      const t = m[1];
      const at = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}Z`;
      return { file, reason: m[2], at, bytes: fs.statSync(file).size };
    });
}

/** Keep the newest `keep` automatic backups; copies a person asked for by name are never touched. */
export function pruneBackups(dbPath: string, keep = DEFAULT_KEEP): string[] {
  const all = listBackups(dbPath);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const b of old) fs.rmSync(b.file, { force: true });
  return old.map((b) => b.file);
}

/**
 * Copy the open database to `dest` (default: backups/library-<time>-<reason>.sqlite) with the
 * online backup API. The copy is written to a temporary name and renamed, so a crash never
 * leaves a half-written backup that looks whole.
 */
export async function backupDatabase(db: Db, dbPath: string, reason: string, options: { dest?: string; now?: Date; keep?: number } = {}): Promise<string> {
  const auto = options.dest === undefined;
  const dest = options.dest ?? path.join(backupsDir(dbPath), `library-${stamp(options.now ?? new Date())}-${reason}.sqlite`);
  if (!auto && fs.existsSync(dest)) {
    throw new ParallaxError('IO_ERROR', `${dest} already exists; choose a new file name for the backup (it was not overwritten).`);
  }
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.partial`;
  fs.rmSync(tmp, { force: true });
  try {
    await db.backup(tmp);
    fs.renameSync(tmp, dest);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const errno = errorCode(e);
    const why = errno === 'ENOSPC' || /full/i.test(errorMessage(e)) ? 'the disk is full' : errorMessage(e);
    throw new ParallaxError('IO_ERROR', `The backup to ${dest} could not be written (${why}); the library itself is unchanged.`, { cause: e });
  }
  if (auto) pruneBackups(dbPath, options.keep ?? DEFAULT_KEEP);
  return dest;
}

/** The daily copy: made on the first open of a (UTC) day that has no backup yet. */
export async function dailyBackupIfDue(db: Db, dbPath: string, now = new Date(), keep = DEFAULT_KEEP): Promise<string | null> {
  const today = now.toISOString().slice(0, 10);
  if (listBackups(dbPath).some((b) => b.at.slice(0, 10) === today)) return null;
  return backupDatabase(db, dbPath, 'daily', { now, keep });
}

export interface LibraryFileInfo {
  schema: number;
  documents: number;
}

/**
 * A file fit to become the library: a SQLite database that passes integrity_check, written by
 * this version of Parallax or an older one. Otherwise a ParallaxError saying what is wrong.
 */
export function verifyLibraryFile(file: string): LibraryFileInfo {
  assertSqliteFile(file);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new ParallaxError('DB_CORRUPT', `${file} cannot be opened as a library (${errorMessage(e)}).`, { cause: e });
  }
  try {
    const schema = pragmaNumber(db, 'user_version');
    const report = checkIntegrity(db, 'full', 5);
    if (!report.ok) {
      throw new ParallaxError('DB_CORRUPT', `${file} is damaged (${report.problems.slice(0, 2).join('; ')}); it cannot be used as the library.`);
    }
    if (schema > CODE_SCHEMA_VERSION) {
      throw new ParallaxError(
        'DB_TOO_NEW',
        `${file} was written by a newer version of Parallax (schema ${schema}; this version knows up to ${CODE_SCHEMA_VERSION}). Update Parallax to use it.`,
      );
    }
    const hasDocs = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get();
    if (!hasDocs) throw new ParallaxError('DB_CORRUPT', `${file} is a SQLite database but not a Parallax library (it has no documents table).`);
    const documents = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents').get()?.n ?? 0;
    return { schema, documents };
  } catch (e) {
    if (e instanceof ParallaxError) throw e;
    throw new ParallaxError('DB_CORRUPT', `${file} cannot be read as a library (${errorMessage(e)}).`, { cause: e });
  } finally {
    db.close();
  }
}

/**
 * Make `src` the library at dbPath. The current library is kept first: copied with the backup
 * API when it is readable, else (damaged, empty, not a database) moved aside as it is, so
 * nothing a person had is ever lost. Close every Parallax using the library before this.
 */
export async function restoreLibrary(src: string, dbPath: string, now = new Date()): Promise<{ restored: LibraryFileInfo; previous: string | null }> {
  const restored = verifyLibraryFile(src);
  let previous: string | null = null;
  if (fs.existsSync(dbPath)) {
    let current: Db | null = null;
    try {
      assertSqliteFile(dbPath);
      current = new Database(dbPath, { fileMustExist: true });
      if (!checkIntegrity(current, 'quick').ok) throw new Error('damaged');
      previous = await backupDatabase(current, dbPath, 'before-restore', { now, keep: Number.MAX_SAFE_INTEGER });
      current.close();
      current = null;
    } catch {
      current?.close();
      const dir = backupsDir(dbPath);
      fs.mkdirSync(dir, { recursive: true });
      previous = path.join(dir, `library-${stamp(now)}-damaged.sqlite`);
      fs.renameSync(dbPath, previous);
      for (const ext of ['-wal', '-shm']) if (fs.existsSync(dbPath + ext)) fs.renameSync(dbPath + ext, previous + ext);
    }
  }
  const source = new Database(src, { readonly: true, fileMustExist: true });
  try {
    // Writes through SQLite into the library file (its WAL and locks included), so a process
    // that still had it open sees a consistent database, never a torn copy.
    await source.backup(dbPath);
  } catch (e) {
    throw new ParallaxError('IO_ERROR', `The backup could not be restored (${errorMessage(e)}). The previous library is kept at ${previous ?? dbPath}.`, { cause: e });
  } finally {
    source.close();
  }
  return { restored, previous };
}
