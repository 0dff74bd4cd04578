import fs from 'node:fs';
import { errorMessage, ParallaxError } from '../errors.js';
import type { Db } from './open.js';

// SQLite's own consistency checks. quick_check (O(size of the file), no index cross-checks)
// runs on every open; integrity_check (also verifies every index) on demand: `parallax check`.

export interface IntegrityReport {
  ok: boolean;
  /** SQLite's own messages ("*** in database main *** Page 12: ..."), at most `max`. */
  problems: string[];
}

export function checkIntegrity(db: Db, kind: 'quick' | 'full' = 'quick', max = 20): IntegrityReport {
  const pragma = kind === 'quick' ? 'quick_check' : 'integrity_check';
  let rows: unknown;
  try {
    rows = db.pragma(`${pragma}(${max})`);
  } catch (e) {
    // Damage bad enough that the check itself cannot walk the file.
    return { ok: false, problems: [errorMessage(e)] };
  }
  // One row per message, one column ("ok" when all is well).
  const messages = Array.isArray(rows) ? rows.map((r: unknown) => (typeof r === 'object' && r !== null ? String(Object.values(r)[0] ?? '') : '')) : [];
  const problems = messages.filter((m) => m !== 'ok');
  return { ok: problems.length === 0, problems };
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Refuse, before SQLite touches it, a file at the library's path that is not a database:
 * SQLite would take a 0-byte file as a new, empty database and write over it.
 * A missing file is fine (a new library is created).
 */
export function assertSqliteFile(file: string): void {
  if (file === ':memory:' || !fs.existsSync(file)) return;
  const st = fs.statSync(file);
  if (!st.isFile()) {
    throw new ParallaxError('DB_CORRUPT', `${file} is a folder, not a library file. Move it aside or choose another data folder.`);
  }
  const fix = 'It has been left untouched; move it aside (or restore a backup with `parallax restore`) to start again.';
  if (st.size === 0) {
    throw new ParallaxError('DB_CORRUPT', `The library file ${file} is empty (0 bytes), so it is not a Parallax library. ${fix}`);
  }
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (st.size < 100 || head.toString('latin1') !== SQLITE_HEADER) {
    throw new ParallaxError('DB_CORRUPT', `The file ${file} is not a SQLite database, so it is not a Parallax library. ${fix}`);
  }
}

/** A library whose pages fail SQLite's check: it can still be opened read-only to rescue what reads. */
export class DamagedLibraryError extends ParallaxError {
  constructor(
    readonly dbPath: string,
    readonly problems: string[],
  ) {
    super(
      'DB_CORRUPT',
      `The library at ${dbPath} is damaged (SQLite's check found: ${problems.slice(0, 2).join('; ')}). ` +
        'Parallax has not written to it. You can open it read-only to read and export what is still there, or restore a backup.',
    );
    this.name = 'DamagedLibraryError';
  }
}
