import type { Db } from '../db/open.js';
import { isParallaxError } from '../errors.js';
import { DEFAULT_TUNING, Indexer, type IndexerHooks, type SegmentChange, type Tuning } from './indexer.js';
import { Searcher } from './searcher.js';
import { decodeSegment } from './segment.js';
import { PassageReader, listSegments, liveFingerprints, readSegmentBlob } from './store.js';

// The two jobs of the search engine, each on its own thread (worker.ts) or, for an
// in-memory database, inline. The index role answers queries from loaded segments; the
// builder role writes segments and merges them. Only messages pass between them.

export type Request =
  | { t: 'start' }
  | { t: 'query'; q: string; limit: number }
  | { t: 'invalidate'; ids: string[] }
  | { t: 'apply'; add: number[]; drop: number[] }
  | { t: 'index'; ids: string[] }
  | { t: 'merge' }
  | { t: 'stats' }
  | { t: 'close' };

export type ToRole = { id: number; req: Request };

export type FromRole =
  | { t: 'reply'; id: number; value: unknown }
  | { t: 'fail'; id: number; code: string; message: string }
  | { t: 'segments'; add: number[]; drop: number[] }
  | { t: 'progress'; done: number; total: number };

export interface Port {
  post(msg: FromRole): void;
  listen(fn: (msg: ToRole) => void): void;
}

export interface IndexStats {
  documents: number;
  segments: number[];
  passages: number;
}

/** Slots of the shared cancel table: a query id is cancelled when its slot holds it. */
export const CANCEL_SLOTS = 1024;

type Handler = (req: Request, id: number) => unknown;

function serve(port: Port, handle: Handler): void {
  port.listen(({ id, req }) => {
    try {
      port.post({ t: 'reply', id, value: handle(req, id) ?? null });
    } catch (e) {
      const code = isParallaxError(e) ? e.code : 'INTERNAL';
      port.post({ t: 'fail', id, code, message: e instanceof Error ? e.message : String(e) });
    }
  });
}

export interface IndexRoleOptions {
  cancel: Int32Array;
  ownsDb: boolean;
}

export function runIndexRole(db: Db, port: Port, opts: IndexRoleOptions): void {
  const reader = new PassageReader(db);
  const searcher = new Searcher(reader);
  const stats = (): IndexStats => ({ documents: searcher.documents, segments: searcher.segmentIds, passages: searcher.passages });
  const load = (ids: number[]): void => {
    for (const id of ids) {
      if (searcher.has(id)) continue;
      const blob = readSegmentBlob(db, id);
      if (!blob) continue; // already merged away; the merge's own change follows
      const data = decodeSegment(blob);
      searcher.addSegment(id, data, liveFingerprints(db, data.docIds));
    }
  };
  serve(port, (req, id) => {
    switch (req.t) {
      case 'start': {
        const fps = liveFingerprints(db);
        const list: Array<{ id: number; data: ReturnType<typeof decodeSegment> }> = [];
        for (const row of listSegments(db)) {
          const blob = readSegmentBlob(db, row.id);
          if (blob) list.push({ id: row.id, data: decodeSegment(blob) });
        }
        searcher.addSegments(list, fps);
        return stats();
      }
      case 'apply':
        load(req.add);
        for (const d of req.drop) searcher.dropSegment(d);
        return stats();
      case 'invalidate':
        for (const d of req.ids) reader.forget(d);
        searcher.invalidate(liveFingerprints(db, req.ids));
        return stats();
      case 'query': {
        const slot = id % CANCEL_SLOTS;
        return searcher.query(req.q, req.limit, () => Atomics.load(opts.cancel, slot) === id);
      }
      case 'stats':
        return stats();
      case 'close':
        if (opts.ownsDb) db.close();
        return null;
      default:
        throw new Error(`The index role does not handle ${req.t}.`);
    }
  });
}

export interface BuilderRoleOptions {
  tuning?: Partial<Tuning>;
  hooks?: IndexerHooks;
  ownsDb: boolean;
  /** Idle time before a background merge step runs, so imports and queries go first. */
  mergeDelayMs?: number;
  log?: (msg: string) => void;
}

export function runBuilderRole(db: Db, port: Port, opts: BuilderRoleOptions): void {
  const indexer = new Indexer(db, { ...DEFAULT_TUNING, ...opts.tuning }, opts.hooks);
  const delay = opts.mergeDelayMs ?? 50;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const emit = (c: SegmentChange): void => {
    if (c.add.length || c.drop.length) port.post({ t: 'segments', add: c.add, drop: c.drop });
  };
  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
    // Background merging never keeps a process alive on its own.
    timer.unref?.();
  };
  const tick = (): void => {
    timer = null;
    try {
      const c = indexer.mergeStep();
      if (c) {
        emit(c);
        schedule();
      }
    } catch (e) {
      opts.log?.(`[parallax] search merge failed (the index is unchanged): ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const indexAll = (ids: string[]): number => {
    port.post({ t: 'progress', done: 0, total: ids.length });
    indexer.index(ids, (c, done) => {
      emit(c);
      port.post({ t: 'progress', done, total: ids.length });
    });
    return ids.length;
  };
  serve(port, (req) => {
    switch (req.t) {
      case 'start': {
        const indexed = indexAll(indexer.missing());
        emit(indexer.dropStaleFormats());
        schedule();
        return { indexed };
      }
      case 'index': {
        const indexed = indexAll(indexer.missing(req.ids));
        if (indexed) schedule();
        return { indexed };
      }
      case 'merge': {
        if (timer) clearTimeout(timer);
        timer = null;
        let steps = 0;
        for (let c = indexer.mergeStep(); c; c = indexer.mergeStep()) {
          emit(c);
          steps++;
        }
        return { steps };
      }
      case 'close':
        closed = true;
        if (timer) clearTimeout(timer);
        if (opts.ownsDb) db.close();
        return null;
      default:
        throw new Error(`The builder role does not handle ${req.t}.`);
    }
  });
}
