import { openDatabase, type Db } from '../db/open.js';
import type { Library } from '../library.js';

// A read-only connection to the library for study reads that derive data on the way (key
// passages analyse the library, and the analysis asks compare for its statements, which caches
// what it computes when it can write). On this connection nothing can be written: a read stays
// a read, whatever it calls. One per library, closed with it; its in-memory caches persist.

const connections = new WeakMap<Library, Db>();

export function readConnection(lib: Library): Db {
  let db = connections.get(lib);
  if (!db) {
    const opened = openDatabase(lib.dbPath, { readonly: true, integrity: 'none', logSlow: false });
    connections.set(lib, opened);
    lib.onClose(() => {
      connections.delete(lib);
      opened.close();
    });
    db = opened;
  }
  return db;
}
