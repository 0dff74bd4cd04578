import type { Db } from '../db/open.js';
import type { HighlightColor, HighlightRecord } from './types.js';

// Rows of the highlights table and their mapping; no policy here.

export interface HighlightRow {
  id: string;
  doc_id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: string;
  note: string | null;
  orphan: number;
  anchored_hash: string;
  group_id: string | null;
  created_at: string;
  updated_at: string;
}

export function toRecord(r: HighlightRow): HighlightRecord {
  return {
    id: r.id,
    docId: r.doc_id,
    start: r.start,
    end: r.end,
    exact: r.exact,
    color: r.color as HighlightColor,
    note: r.note,
    orphan: r.orphan === 1,
    prefix: r.prefix,
    suffix: r.suffix,
    groupId: r.group_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function selectHighlight(db: Db, id: string): HighlightRow | undefined {
  return db.prepare<[string], HighlightRow>('SELECT * FROM highlights WHERE id = ?').get(id);
}

export function selectHighlights(db: Db, where: { docId?: string; groupId?: string; color?: string }): HighlightRow[] {
  const clauses: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [
    ['h.doc_id', where.docId],
    ['h.group_id', where.groupId],
    ['h.color', where.color],
  ] as const) {
    if (value === undefined) continue;
    clauses.push(`${column} = ?`);
    params.push(value);
  }
  // Documents in library order (as listDocuments), then by place in the text.
  return db
    .prepare<string[], HighlightRow>(
      `SELECT h.* FROM highlights h JOIN documents d ON d.id = h.doc_id
       ${clauses.length ? 'WHERE ' + clauses.join(' AND ') : ''}
       ORDER BY d.published IS NULL, d.published, d.title, d.id, h.orphan, h.start, h.end, h.created_at`,
    )
    .all(...params);
}

export function insertHighlight(db: Db, r: HighlightRow): void {
  db.prepare(
    `INSERT INTO highlights (id, doc_id, start, end, exact, prefix, suffix, color, note, orphan, anchored_hash, group_id, created_at, updated_at)
     VALUES (@id, @doc_id, @start, @end, @exact, @prefix, @suffix, @color, @note, @orphan, @anchored_hash, @group_id, @created_at, @updated_at)`,
  ).run(r);
}

export function deleteHighlightRow(db: Db, id: string): void {
  db.prepare('DELETE FROM highlights WHERE id = ?').run(id);
}

export function documentTextAndHash(db: Db, docId: string): { text: string; hash: string } | undefined {
  const row = db.prepare<[string], { text: string; content_hash: string }>('SELECT text, content_hash FROM documents WHERE id = ?').get(docId);
  return row ? { text: row.text, hash: row.content_hash } : undefined;
}
