import type { SyncSummary } from '../cards.js';

// Messages between the study background coordinator (the owning process's main thread) and its
// worker thread. Plain data (structured clone).

export interface WorkerInit {
  dbPath: string;
  /** Int32Array over it: [0] = 1 asks the current run to stop at the next step. */
  cancel: SharedArrayBuffer;
}

/** docIds: the changed documents (null: whatever is stale); all: every document, stale or not (a rebuild). */
export type ToWorker = { type: 'run'; runId: number; docIds: string[] | null; all?: boolean };

export type FromWorker =
  | { type: 'progress'; runId: number; done: number; total: number }
  | { type: 'done'; runId: number; summary: SyncSummary; stopped: boolean }
  | { type: 'error'; runId: number; message: string };
