import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from '../../electron/core/library.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');

export function tempDir(prefix = 'parallax-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh library in a temp folder, with the bundled corpus unless told otherwise. */
export async function freshLibrary(options: { corpus?: boolean; dataDir?: string } = {}): Promise<Library> {
  return openLibrary({ dataDir: options.dataDir ?? tempDir(), corpusDir: options.corpus === false ? null : CORPUS_DIR });
}

/** Every row of every user table, for "nothing changed" assertions. */
export function snapshot(lib: Library): string {
  const tables = lib.db
    // search_* are the index's segments, merged by a background thread whenever it likes: a
    // derived cache, not something a request changed.
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = lib.db.prepare(`SELECT * FROM "${name}"`).all();
  return JSON.stringify(out);
}
