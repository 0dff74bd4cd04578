import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';
import { refreshCards } from './refresh.js';

// Entry of the study thread: card generation off the owning process's event loop. It opens
// its own connection to the library (WAL: the main thread keeps reading while this writes);
// openDatabase reads PARALLAX_SQLITE_BINDING from the inherited environment, so under
// Electron the Electron build of better-sqlite3 is loaded here too. One run at a time.

const init = workerData as WorkerInit;
if (!parentPort) throw new Error('worker.ts runs as a worker thread.');
const parent = parentPort;
const cancel = new Int32Array(init.cancel);
const db = openDatabase(init.dbPath, { logSlow: false, integrity: 'none' });
const post = (m: FromWorker) => parent.postMessage(m);

parent.on('message', (m: ToWorker) => {
  if (m.type !== 'run') return;
  try {
    const summary = refreshCards(db, {
      ...(m.docIds ? { docIds: m.docIds } : {}),
      ...(m.all ? { all: true } : {}),
      onProgress: (p) => post({ type: 'progress', runId: m.runId, ...p }),
      shouldStop: () => Atomics.load(cancel, 0) === 1,
    });
    post({ type: 'done', runId: m.runId, summary, stopped: Atomics.load(cancel, 0) === 1 });
  } catch (e) {
    post({ type: 'error', runId: m.runId, message: (e as Error)?.message ?? String(e) });
  }
});
