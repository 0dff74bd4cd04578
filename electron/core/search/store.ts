import type { Db } from '../db/open.js';
import type { SourceDoc } from './build.js';
import { SEGMENT_FORMAT } from './segment.js';

// SQL of the search feature (tables in db/migrations/0002-search.ts). Each function takes
// the db first. Only the index builder writes these tables.

export interface SegmentRow {
  id: number;
  docs: number;
  passages: number;
  bytes: number;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * What an indexed document is keyed by: its text (content hash) and the fields indexed
 * beside it (title, outlet). Any change means its index entry is stale.
 */
export function fingerprint(contentHash: string, title: string, outlet: string | null): string {
  return `${contentHash.slice(0, 24)}:${fnv1a(`${title}\u0001${outlet ?? ''}`)}`;
}

/**
 * A fingerprint known only by its content part (read from the index on documents'
 * content hash, without touching the rows). Title and outlet changes always arrive as a
 * documentsChanged notification, which compares whole fingerprints.
 */
const ANY_META = ':*';

/** Does an index entry's fingerprint match what is known of the document now? */
export function fingerprintMatches(entry: string, current: string | null | undefined): boolean {
  if (!current) return false;
  if (current.endsWith(ANY_META)) return entry.startsWith(current.slice(0, -1));
  return entry === current;
}

/**
 * What is known now of each document's fingerprint. For given ids: the whole fingerprint
 * (missing ids map to null). For the whole library: the content part only, read from two
 * covering indexes (reading the rows themselves costs a page per document: 80 ms at 10,000).
 */
export function liveFingerprints(db: Db, ids?: readonly string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (!ids) {
    const hashes = new Map<number, string>();
    for (const r of db.prepare<[], { r: number; h: string }>('SELECT rowid AS r, content_hash AS h FROM documents').all()) hashes.set(r.r, r.h);
    for (const r of db.prepare<[], { r: number; id: string }>('SELECT rowid AS r, id FROM documents').all()) {
      const h = hashes.get(r.r);
      if (h) out.set(r.id, `${h.slice(0, 24)}${ANY_META}`);
    }
    return out;
  }
  const one = db.prepare<[string], { content_hash: string; title: string; outlet: string | null }>('SELECT content_hash, title, outlet FROM documents WHERE id = ?');
  for (const id of ids) {
    const r = one.get(id);
    out.set(id, r ? fingerprint(r.content_hash, r.title, r.outlet) : null);
  }
  return out;
}

export function listSegments(db: Db): SegmentRow[] {
  return db
    .prepare<[number], SegmentRow>('SELECT id, docs, passages, bytes FROM search_segments WHERE format = ? ORDER BY id')
    .all(SEGMENT_FORMAT);
}

export function readSegmentBlob(db: Db, id: number): Buffer | undefined {
  const row = db.prepare<[number, number], { data: Buffer }>('SELECT data FROM search_segments WHERE id = ? AND format = ?').get(id, SEGMENT_FORMAT);
  return row?.data;
}

/** Segments written by another version of the format: rebuilt, then dropped. */
export function staleFormatSegments(db: Db): number[] {
  return db.prepare<[number], { id: number }>('SELECT id FROM search_segments WHERE format <> ?').all(SEGMENT_FORMAT).map((r) => r.id);
}

/** (doc, fingerprint) pairs the index holds, with the newest segment holding each. */
export function indexedEntries(db: Db): Array<{ segment_id: number; doc_id: string; fingerprint: string }> {
  return db
    .prepare<[number], { segment_id: number; doc_id: string; fingerprint: string }>(
      `SELECT s.segment_id, s.doc_id, s.fingerprint FROM search_segment_docs s
       JOIN search_segments g ON g.id = s.segment_id WHERE g.format = ?`,
    )
    .all(SEGMENT_FORMAT);
}

/**
 * Write a segment (and drop the ones it replaces) in ONE transaction: until it commits the
 * old segments stay the index, so a crash mid-merge loses nothing.
 */
export function commitSegment(
  db: Db,
  seg: { data: Buffer; docIds: string[]; fingerprints: string[]; passages: number } | null,
  replaces: readonly number[],
  beforeCommit?: () => void,
): number | null {
  let id: number | null = null;
  db.transaction(() => {
    if (seg) {
      const r = db
        .prepare('INSERT INTO search_segments (format, docs, passages, bytes, created_at, data) VALUES (?, ?, ?, ?, ?, ?)')
        .run(SEGMENT_FORMAT, seg.docIds.length, seg.passages, seg.data.length, new Date().toISOString(), seg.data);
      id = Number(r.lastInsertRowid);
      const ins = db.prepare('INSERT OR REPLACE INTO search_segment_docs (segment_id, doc_id, fingerprint) VALUES (?, ?, ?)');
      seg.docIds.forEach((d, i) => ins.run(id, d, seg.fingerprints[i]));
    }
    const del = db.prepare('DELETE FROM search_segments WHERE id = ?');
    for (const r of replaces) del.run(r);
    beforeCommit?.();
  }).immediate();
  return id;
}

interface PassageBounds {
  idx: number;
  start: number;
  end: number;
}

interface DocRow {
  id: string;
  title: string;
  outlet: string | null;
  text: string;
  content_hash: string;
}

/** Documents with their passages, as the index builder reads them. */
export function readSourceDocs(db: Db, ids: readonly string[]): SourceDoc[] {
  const docStmt = db.prepare<[string], DocRow>('SELECT id, title, outlet, text, content_hash FROM documents WHERE id = ?');
  // Page furniture ('meta' passages) is kept out of the index: it is not the document's words.
  const psgStmt = db.prepare<[string], PassageBounds>("SELECT idx, start, end FROM passages WHERE doc_id = ? AND kind != 'meta' ORDER BY idx");
  const out: SourceDoc[] = [];
  for (const id of ids) {
    const d = docStmt.get(id);
    if (!d) continue;
    const passages = psgStmt.all(id).map((p) => ({ index: p.idx, start: p.start, end: p.end }));
    out.push({ id: d.id, title: d.title, outlet: d.outlet, text: d.text, passages, fingerprint: fingerprint(d.content_hash, d.title, d.outlet) });
  }
  return out;
}

export interface PassageText {
  text: string;
  start: number;
  end: number;
}

/** Reads passage text for snippets and phrase checks, keeping recently used documents. */
export class PassageReader {
  private readonly docs = new Map<string, { text: string; bounds: Int32Array }>();
  private bytes = 0;
  private readonly docStmt;
  private readonly psgStmt;
  constructor(
    db: Db,
    private readonly maxBytes = 8 * 1024 * 1024,
  ) {
    this.docStmt = db.prepare<[string], { text: string }>('SELECT text FROM documents WHERE id = ?');
    this.psgStmt = db.prepare<[string], PassageBounds>('SELECT idx, start, end FROM passages WHERE doc_id = ?');
  }

  passage(docId: string, idx: number): PassageText | null {
    let doc = this.docs.get(docId);
    if (doc === undefined) {
      const row = this.docStmt.get(docId);
      if (!row) return null;
      const rows = this.psgStmt.all(docId);
      const bounds = new Int32Array(rows.reduce((m, r) => Math.max(m, r.idx + 1), 0) * 2).fill(-1);
      for (const r of rows) {
        bounds[r.idx * 2] = r.start;
        bounds[r.idx * 2 + 1] = r.end;
      }
      doc = { text: row.text, bounds };
      this.docs.set(docId, doc);
      this.bytes += row.text.length * 2 + bounds.byteLength;
      while (this.bytes > this.maxBytes && this.docs.size > 1) {
        const first = this.docs.entries().next();
        if (first.done) break;
        const [oldest, d] = first.value;
        this.docs.delete(oldest);
        this.bytes -= d.text.length * 2 + d.bounds.byteLength;
      }
    } else {
      this.docs.delete(docId);
      this.docs.set(docId, doc);
    }
    const start = doc.bounds[idx * 2];
    const end = doc.bounds[idx * 2 + 1];
    return start === undefined || end === undefined || start < 0 ? null : { text: doc.text, start, end };
  }

  /** A document changed: its cached text may be stale. */
  forget(docId: string): void {
    const d = this.docs.get(docId);
    if (d !== undefined) {
      this.docs.delete(docId);
      this.bytes -= d.text.length * 2 + d.bounds.byteLength;
    }
  }
}
