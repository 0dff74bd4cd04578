import type { Db } from '../db/open.js';
import { buildSegment } from './build.js';
import { SEGMENT_FORMAT, decodeSegment, encodeSegment, mergeSegments, passageCount, type MergePart, type SegmentData } from './segment.js';
import {
  commitSegment,
  fingerprintMatches,
  indexedEntries,
  listSegments,
  liveFingerprints,
  readSegmentBlob,
  readSourceDocs,
  staleFormatSegments,
  type SegmentRow,
} from './store.js';

// The only writer of the search tables. New documents become a small fresh segment (lunr
// builds it); a log-structured policy merges segments of similar size, purging deleted and
// replaced documents, so the count stays bounded without ever rebuilding the whole index.

export interface Tuning {
  /** Documents per segment when many are indexed at once (first open, bulk import). */
  batchDocs: number;
  /** Segments this large are not merged further (bounds merge cost and memory). */
  maxSegmentDocs: number;
  /** Merge when this many segments share a size tier. */
  mergeFactor: number;
  /** A segment with this share of dead documents is rewritten. */
  maxDeadShare: number;
}

export const DEFAULT_TUNING: Tuning = { batchDocs: 500, maxSegmentDocs: 4000, mergeFactor: 4, maxDeadShare: 0.3 };

export interface SegmentChange {
  add: number[];
  drop: number[];
}

export interface IndexerHooks {
  /** Runs inside the merge transaction just before it commits (tests simulate a crash here). */
  beforeMergeCommit?: () => void;
}

interface LiveView {
  fps: Map<string, string | null>;
  /** doc -> the newest segment holding a current version of it. */
  newest: Map<string, number>;
  /** segment -> documents in it that are current. */
  liveIn: Map<number, number>;
}

export class Indexer {
  constructor(
    private readonly db: Db,
    private readonly tuning: Tuning = DEFAULT_TUNING,
    private readonly hooks: IndexerHooks = {},
  ) {}

  private liveView(): LiveView {
    const fps = liveFingerprints(this.db);
    const newest = new Map<string, number>();
    for (const e of indexedEntries(this.db)) {
      if (!fingerprintMatches(e.fingerprint, fps.get(e.doc_id))) continue;
      if ((newest.get(e.doc_id) ?? -1) < e.segment_id) newest.set(e.doc_id, e.segment_id);
    }
    const liveIn = new Map<number, number>();
    for (const seg of newest.values()) liveIn.set(seg, (liveIn.get(seg) ?? 0) + 1);
    return { fps, newest, liveIn };
  }

  /** Documents (of ids, or of the whole library) with no index entry for their current version. */
  missing(ids?: readonly string[]): string[] {
    const fps = liveFingerprints(this.db, ids);
    const byDoc = new Map<string, string[]>();
    const entries = ids
      ? ids.flatMap((id) => this.db.prepare('SELECT s.fingerprint FROM search_segment_docs s JOIN search_segments g ON g.id = s.segment_id WHERE s.doc_id = ? AND g.format = ?').all(id, SEGMENT_FORMAT).map((r) => ({ doc_id: id, fingerprint: (r as { fingerprint: string }).fingerprint })))
      : indexedEntries(this.db);
    for (const e of entries) {
      const list = byDoc.get(e.doc_id);
      if (list) list.push(e.fingerprint);
      else byDoc.set(e.doc_id, [e.fingerprint]);
    }
    const out: string[] = [];
    for (const [id, fp] of fps) {
      if (fp === null) continue;
      if (!(byDoc.get(id) ?? []).some((e) => fingerprintMatches(e, fp))) out.push(id);
    }
    return out;
  }

  /** Index documents in batches, one committed segment per batch. */
  index(ids: readonly string[], onBatch: (change: SegmentChange, done: number) => void): void {
    for (let i = 0; i < ids.length; i += this.tuning.batchDocs) {
      const docs = readSourceDocs(this.db, ids.slice(i, i + this.tuning.batchDocs));
      const done = Math.min(ids.length, i + this.tuning.batchDocs);
      if (docs.length === 0) {
        onBatch({ add: [], drop: [] }, done);
        continue;
      }
      const seg = buildSegment(docs);
      const id = commitSegment(this.db, { data: encodeSegment(seg), docIds: seg.docIds, fingerprints: seg.fingerprints, passages: passageCount(seg) }, []);
      onBatch({ add: id === null ? [] : [id], drop: [] }, done);
    }
  }

  /** Segments from an older format, once their documents are indexed again. */
  dropStaleFormats(): SegmentChange {
    const stale = staleFormatSegments(this.db);
    if (stale.length) commitSegment(this.db, null, stale);
    return { add: [], drop: stale };
  }

  /** The segments the merge policy would merge next, or null. */
  plan(view: LiveView = this.liveView(), segments: SegmentRow[] = listSegments(this.db)): number[] | null {
    const { mergeFactor: F, maxSegmentDocs, maxDeadShare } = this.tuning;
    const live = (s: SegmentRow): number => view.liveIn.get(s.id) ?? 0;
    // Emptied segments go first; then any segment that is mostly tombstones is rewritten.
    const emptied = segments.filter((s) => live(s) === 0);
    if (emptied.length) return emptied.map((s) => s.id);
    const decayed = segments.find((s) => s.docs > 0 && 1 - live(s) / s.docs >= maxDeadShare);
    if (decayed) return [decayed.id];
    const tiers = new Map<number, SegmentRow[]>();
    for (const s of segments) {
      if (live(s) * 2 > maxSegmentDocs) continue;
      const tier = Math.floor(Math.log(Math.max(1, live(s))) / Math.log(F));
      const list = tiers.get(tier) ?? [];
      list.push(s);
      tiers.set(tier, list);
    }
    for (const tier of [...tiers.keys()].sort((a, b) => a - b)) {
      const list = tiers.get(tier) as SegmentRow[];
      if (list.length < F) continue;
      const pick: number[] = [];
      let size = 0;
      for (const s of list) {
        if (pick.length >= 2 * F - 1) break;
        if (pick.length >= 2 && size + live(s) > maxSegmentDocs) break;
        pick.push(s.id);
        size += live(s);
      }
      if (pick.length >= 2) return pick;
    }
    return null;
  }

  /** Run one merge step if the policy asks for one. */
  mergeStep(): SegmentChange | null {
    const view = this.liveView();
    const ids = this.plan(view);
    if (!ids) return null;
    return this.merge(ids, view);
  }

  merge(ids: readonly number[], view: LiveView = this.liveView()): SegmentChange {
    const parts: MergePart[] = [];
    for (const id of ids) {
      const blob = readSegmentBlob(this.db, id);
      if (!blob) continue;
      const segment: SegmentData = decodeSegment(blob);
      parts.push({
        segment,
        keep: (d) => {
          const doc = segment.docIds[d];
          const fp = segment.fingerprints[d];
          return fingerprintMatches(fp, view.fps.get(doc)) && view.newest.get(doc) === id;
        },
      });
    }
    const merged = mergeSegments(parts);
    const seg = merged.docIds.length
      ? { data: encodeSegment(merged), docIds: merged.docIds, fingerprints: merged.fingerprints, passages: passageCount(merged) }
      : null;
    const id = commitSegment(this.db, seg, ids, this.hooks.beforeMergeCommit);
    return { add: id === null ? [] : [id], drop: [...ids] };
  }
}
