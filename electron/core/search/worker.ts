import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open.js';
import type { Tuning } from './indexer.js';
import { runBuilderRole, runIndexRole, type FromRole, type Port, type ToRole } from './roles.js';

// Entry of a search thread. It opens its own connection to the library (WAL lets readers
// and one writer share it); openDatabase reads PARALLAX_SQLITE_BINDING from the inherited
// environment, so under Electron the Electron build of better-sqlite3 is loaded here too.

export interface WorkerInit {
  role: 'index' | 'build';
  dbPath: string;
  cancel: SharedArrayBuffer;
  tuning?: Partial<Tuning>;
  mergeDelayMs?: number;
  /** Test hook: end this thread abruptly inside the merge transaction, before it commits. */
  crashBeforeMergeCommit?: boolean;
  /** The library was opened read-only (damaged): this thread only reads. */
  readonly?: boolean;
}

const init = workerData as WorkerInit;
if (!parentPort) throw new Error('worker.ts runs as a worker thread.');
const parent = parentPort;
const port: Port = {
  post: (msg: FromRole) => parent.postMessage(msg),
  listen: (fn) => parent.on('message', (m: ToRole) => fn(m)),
};
// The main thread has checked and migrated the file already; a thread only connects.
const db = openDatabase(init.dbPath, { integrity: 'none', migrate: false, readonly: init.readonly ?? false });

if (init.role === 'index') {
  // The index thread only reads; mapping the file makes loading segments one copy cheaper.
  db.pragma('mmap_size = 268435456');
  runIndexRole(db, port, { cancel: new Int32Array(init.cancel), ownsDb: true });
} else {
  runBuilderRole(db, port, {
    ownsDb: true,
    tuning: init.tuning,
    mergeDelayMs: init.mergeDelayMs,
    log: (m) => process.stderr.write(m + '\n'),
    hooks: init.crashBeforeMergeCommit ? { beforeMergeCommit: () => process.exit(70) } : {},
  });
}
