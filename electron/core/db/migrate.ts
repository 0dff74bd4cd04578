import type { Db } from './open.js';
import { ParallaxError } from '../errors.js';
import { MIGRATIONS } from './migrations/index.js';
import { pragmaNumber } from './pragma.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const CODE_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Bring the database up to the code's schema, one migration per transaction, tracked in
 * PRAGMA user_version. A database from newer code is refused, never downgraded.
 */
export function migrate(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const current = assertNotNewer(db, file, migrations);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

/** Refuse (before anything writes to the file) a database from newer code. Returns its version. */
export function assertNotNewer(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = pragmaNumber(db, 'user_version');
  if (current > migrations.length) {
    throw new ParallaxError(
      'DB_TOO_NEW',
      `The library at ${file} was written by a newer version of Parallax (schema ${current}; this version knows up to ${migrations.length}). ` +
        'Update Parallax to open it; the file has not been changed.',
    );
  }
  return current;
}
