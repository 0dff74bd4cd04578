import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Library } from '../../library.js';
import type { SyncSummary } from '../cards.js';
import type { StudyStatus } from '../types.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';
import { listDocumentIds, pendingGeneration } from './refresh.js';

// Cards are prepared in the background: after imports and deletions (per changed document,
// coalesced) and at first start for the bundled corpus, a worker thread brings the generated
// cards up to date while the owning process (the app's main process, the browser host) goes on
// answering. Reads never generate. The CLI has no background: it refreshes at the end of
// `parallax import` (see refresh.ts).

export interface StudyBackgroundOptions {
  log?: (message: string) => void;
  /** Changes arriving within this window are prepared in one run. */
  coalesceMs?: number;
}

interface Run {
  id: number;
  done: number;
  total: number;
  waiters: Array<{ resolve: (s: SyncSummary) => void; reject: (e: Error) => void }>;
}

/** Where the worker script is: beside this file, compiled (.js) or, under vitest/tsx, source (.ts). */
function spawnWorker(init: WorkerInit): Worker {
  const here = import.meta.url;
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  if (here.endsWith('.ts')) {
    // Node 20 ignores `--import` in a worker's execArgv: the worker registers tsx itself.
    const require = createRequire(here);
    const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(require.resolve('tsx/package.json'))).href;
    const entry = new URL('./worker.ts', here).href;
    const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(code, { eval: true, workerData: init, execArgv, name: 'parallax-study' });
  }
  return new Worker(new URL('./worker.js', here), { workerData: init, execArgv, name: 'parallax-study' });
}

export class StudyBackground {
  private worker: Worker | null = null;
  private readonly cancel = new SharedArrayBuffer(4);
  private nextId = 1;
  private running: Run | null = null;
  /** Documents waiting for the next run; 'stale' = let the generator find what is out of date. */
  private queued: Set<string> | 'stale' | null = null;
  private queuedWaiters: Run['waiters'] = [];
  /** The next run remakes every document's cards, stale or not (the "Rebuild deck" action). */
  private rebuildQueued = false;
  private timer: NodeJS.Timeout | null = null;
  private lastError: string | null = null;
  private closed = false;
  private readonly log: (m: string) => void;
  private readonly coalesceMs: number;

  constructor(
    private readonly lib: Pick<Library, 'db' | 'dbPath'>,
    options: StudyBackgroundOptions = {},
  ) {
    this.log = options.log ?? ((m) => process.stderr.write(m + '\n'));
    this.coalesceMs = options.coalesceMs ?? 250;
  }

  /** Documents were added, replaced or deleted: prepare their cards soon. */
  documentsChanged(ids: readonly string[]): void {
    if (this.closed || ids.length === 0) return;
    if (this.queued !== 'stale') {
      this.queued ??= new Set();
      for (const id of ids) this.queued.add(id);
    }
    this.schedule();
  }

  /** Prepare whatever is out of date (first start, or after another process changed the library). */
  refreshStale(): void {
    if (this.closed) return;
    this.queued = 'stale';
    this.schedule();
  }

  /** Regenerate every document's cards in the worker and resolve with the summary (the "Rebuild deck" action). */
  rebuild(): Promise<SyncSummary> {
    const ids = listDocumentIds(this.lib.db);
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('The library is closing.'));
      this.rebuildQueued = true;
      if (this.queued !== 'stale') {
        this.queued ??= new Set();
        for (const id of ids) this.queued.add(id);
      }
      this.queuedWaiters.push({ resolve, reject });
      this.schedule(0);
    });
  }

  status(): StudyStatus {
    const r = this.running;
    const waiting = this.queued === null ? 0 : this.queued === 'stale' ? pendingGeneration(this.lib.db).pending : this.queued.size;
    if (r) return { state: 'preparing', done: r.done, total: r.total, pending: waiting, error: this.lastError };
    if (waiting > 0) return { state: 'preparing', done: 0, total: waiting, pending: waiting, error: this.lastError };
    return { state: 'idle', done: 0, total: 0, pending: 0, error: this.lastError };
  }

  /** End any run now (the worker is terminated) and refuse new ones. */
  async stop(): Promise<void> {
    this.closed = true;
    this.queued = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    Atomics.store(new Int32Array(this.cancel), 0, 1);
    const w = this.worker;
    this.worker = null;
    const gone = new Error('The library closed before the cards were prepared.');
    for (const x of [...(this.running?.waiters ?? []), ...this.queuedWaiters]) x.reject(gone);
    this.running = null;
    this.queuedWaiters = [];
    if (w) await Promise.race([w.terminate(), new Promise((r) => setTimeout(r, 2000).unref())]);
  }

  private schedule(delay = this.coalesceMs): void {
    if (this.running || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.startRun();
    }, delay);
  }

  private startRun(): void {
    if (this.running || this.closed || this.queued === null) return;
    const docIds = this.queued === 'stale' ? null : [...this.queued];
    const total = docIds ? docIds.length : pendingGeneration(this.lib.db).pending;
    const run: Run = { id: this.nextId++, done: 0, total, waiters: this.queuedWaiters };
    this.queued = null;
    this.queuedWaiters = [];
    this.running = run;
    const msg: ToWorker = { type: 'run', runId: run.id, docIds, ...(this.rebuildQueued ? { all: true } : {}) };
    this.rebuildQueued = false;
    this.ensureWorker().postMessage(msg);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    Atomics.store(new Int32Array(this.cancel), 0, 0);
    const w = spawnWorker({ dbPath: this.lib.dbPath, cancel: this.cancel });
    w.unref();
    w.on('message', (m: FromWorker) => this.onMessage(m));
    w.on('error', (e) => this.fail(`the study thread failed: ${e.message}`));
    w.on('exit', (code) => {
      if (this.worker === w) {
        this.worker = null;
        if (this.running) this.fail(`the study thread stopped (exit code ${code})`);
      }
    });
    this.worker = w;
    return w;
  }

  private onMessage(m: FromWorker): void {
    const run = this.running;
    if (!run || m.runId !== run.id) return;
    if (m.type === 'progress') {
      run.done = m.done;
      run.total = m.total;
      return;
    }
    this.running = null;
    if (m.type === 'done') {
      this.lastError = null;
      for (const w of run.waiters) w.resolve(m.summary);
    } else {
      this.lastError = `Cards could not be prepared: ${m.message}`;
      this.log(`[parallax] study: ${this.lastError}`);
      for (const w of run.waiters) w.reject(new Error(m.message));
    }
    if (this.queued !== null) this.schedule(0);
  }

  private fail(message: string): void {
    const run = this.running;
    this.running = null;
    this.lastError = `Cards could not be prepared: ${message}.`;
    this.log(`[parallax] study: ${message}`);
    for (const w of run?.waiters ?? []) w.reject(new Error(message));
  }
}

const backgrounds = new WeakMap<object, StudyBackground>();

/** The background of a library, if the owning process started one (the CLI and tests do not). */
export function studyBackgroundOf(lib: Library): StudyBackground | undefined {
  return backgrounds.get(lib);
}

/**
 * Start preparing cards in the background for a library the app or the browser host opened:
 * now for whatever is out of date (the bundled corpus at first start), then after every change
 * of documents. Stopped (worker terminated) when the library closes.
 */
export function startStudyBackground(lib: Library, options: StudyBackgroundOptions = {}): StudyBackground {
  const existing = backgrounds.get(lib);
  if (existing) return existing;
  const bg = new StudyBackground(lib, options);
  backgrounds.set(lib, bg);
  lib.onDocumentsChanged((change) => bg.documentsChanged([...change.upserted, ...change.removed]));
  lib.onClose(() => bg.stop());
  if (pendingGeneration(lib.db).pending > 0) bg.refreshStale();
  return bg;
}
