import type { Worker } from 'node:worker_threads';
import { errorMessage, ParallaxError } from '../errors.js';
import { spawnModuleWorker } from '../workers.js';
import type { DecodedFile } from './decode.js';
import type { DecodeReply, DecodeRequest } from './import-worker.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.js';

// The main thread's side of the import thread: one file at a time, each under a time limit and
// the thread's memory limit. A file over either is answered with IMPORT_TOO_COMPLEX naming it;
// the thread is terminated and a fresh one serves the next file, so a batch goes on and the
// main thread never waits on a parser.

export interface ImportRunnerOptions {
  /** Per-file time limit (default 20 s; PARALLAX_IMPORT_TIMEOUT_MS overrides). */
  timeoutMs?: number;
  /** Heap limit of the import thread (default 1024 MB). */
  memoryMb?: number;
  limits?: Partial<ImportLimits>;
}

export const DEFAULT_IMPORT_TIMEOUT_MS = 20_000;
const DEFAULT_MEMORY_MB = 1024;

interface Job {
  id: number;
  name: string;
  resolve: (d: DecodedFile) => void;
  reject: (e: unknown) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

export class ImportRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private job: Job | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private next = 1;
  private closed = false;
  readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly limits: ImportLimits;

  constructor(options: ImportRunnerOptions = {}) {
    const fromEnv = Number(process.env.PARALLAX_IMPORT_TIMEOUT_MS);
    this.timeoutMs = options.timeoutMs ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_IMPORT_TIMEOUT_MS);
    this.memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  }

  /** Decode one file off the main thread. Calls run one after another, in order. */
  decode(name: string, bytes: Uint8Array): Promise<DecodedFile> {
    const run = this.queue.then(() => this.run(name, bytes));
    this.queue = run.catch(() => {});
    return run;
  }

  private start(): { worker: Worker; ready: Promise<void> } {
    if (this.worker && this.ready) return { worker: this.worker, ready: this.ready };
    const worker = spawnModuleWorker({
      from: import.meta.url,
      entry: 'import-worker',
      workerData: null,
      name: 'parallax-import',
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: DecodeReply) => {
        if ('ready' in m) resolve();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`exit ${code}`)));
    });
    this.ready.catch(() => {});
    worker.on('message', (m: DecodeReply) => {
      const job = this.job;
      if ('ready' in m || !job || m.id !== job.id) return;
      this.finish(job);
      if (m.ok) job.resolve(m.value as DecodedFile);
      else job.reject(new ParallaxError(m.code as ParallaxError['code'], m.message));
    });
    worker.on('error', (e: Error & { code?: string }) => this.lost(worker, e));
    worker.on('exit', (code) => this.lost(worker, new Error(`the import thread stopped (exit ${code})`)));
    return { worker, ready: this.ready };
  }

  private finish(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    if (this.job === job) this.job = null;
    this.worker?.unref();
  }

  /** The thread died (out of memory, crash): fail its file, start afresh for the next. */
  private lost(worker: Worker, e: Error & { code?: string }): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.ready = null;
    const job = this.job;
    if (!job) return;
    this.finish(job);
    if (this.closed) job.reject(new ParallaxError('CANCELLED', `Parallax is closing; ${job.name} was not imported.`));
    else if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      job.reject(
        new ParallaxError(
          'IMPORT_TOO_COMPLEX',
          `${job.name} needs more memory to read than Parallax allows a single file (${this.memoryMb} MB), so it was not imported. Split it or save it as plain text and import it again.`,
        ),
      );
    } else job.reject(new ParallaxError('INTERNAL', `${job.name} could not be read: ${e.message}. Nothing was imported from it.`));
  }

  private async run(name: string, bytes: Uint8Array): Promise<DecodedFile> {
    if (this.closed) throw new ParallaxError('CANCELLED', `Parallax is closing; ${name} was not imported.`);
    const { worker, ready } = this.start();
    worker.ref();
    const cancelled = (): ParallaxError => new ParallaxError('CANCELLED', `Parallax is closing; ${name} was not imported.`);
    try {
      await ready;
    } catch (e) {
      if (this.closed) throw cancelled();
      this.worker = null;
      this.ready = null;
      throw new ParallaxError('INTERNAL', `The import thread could not start (${errorMessage(e)}); ${name} was not imported.`);
    }
    if (this.closed) throw cancelled();
    return new Promise<DecodedFile>((resolve, reject) => {
      const job: Job = { id: this.next++, name, resolve, reject, timer: null };
      this.job = job;
      job.timer = setTimeout(() => {
        if (this.job !== job) return;
        this.finish(job);
        this.worker = null;
        this.ready = null;
        void worker.terminate();
        const s = this.timeoutMs / 1000;
        reject(
          new ParallaxError(
            'IMPORT_TOO_COMPLEX',
            `${name} took longer than ${s % 1 === 0 ? s : s.toFixed(1)} seconds to read, so Parallax stopped and did not import it. The file may be malformed or far more complex than an article; save it as plain text and import that.`,
          ),
        );
      }, this.timeoutMs);
      const req: DecodeRequest = { id: job.id, name, bytes, limits: this.limits };
      worker.postMessage(req);
    });
  }

  /** Stop at once: the file being read (if any) is abandoned, nothing of it is written. */
  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    const job = this.job;
    this.worker = null;
    this.ready = null;
    if (job) {
      this.finish(job);
      job.reject(new ParallaxError('CANCELLED', `Parallax is closing; ${job.name} was not imported.`));
    }
    if (w) await w.terminate();
  }
}
