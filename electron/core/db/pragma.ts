import type { Db } from './open.js';

/**
 * A numeric PRAGMA read as a number. better-sqlite3 types every pragma result as unknown;
 * these two are integers by SQLite's definition.
 */
export function pragmaNumber(db: Db, name: 'user_version' | 'data_version'): number {
  return Number(db.pragma(name, { simple: true }));
}
