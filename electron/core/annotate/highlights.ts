import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { ParallaxError } from '../errors.js';
import { assertWholeCharacters } from '../text-offsets.js';
import { anchor, quoteAt } from './anchor.js';
import { documentTextAndHash, insertHighlight, selectHighlight, selectHighlights, toRecord, type HighlightRow } from './store.js';
import type { HighlightColor, HighlightFilter, HighlightRecord } from './types.js';
import { foldForSearch } from './text.js';

export const MAX_NOTE_CHARS = 50_000;

const notFound = (id: string): ParallaxError => new ParallaxError('NOT_FOUND', `No highlight with id ${id} exists; it may have been deleted.`);
const docNotFound = (id: string): ParallaxError => new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);

export const newId = (): string => randomUUID();

export interface ReanchorSummary {
  checked: number;
  kept: number;
  moved: number;
  orphaned: number;
}

/**
 * Re-place every highlight whose document text changed since it was last placed, and store
 * the outcome with the new content hash (so each change is paid for once). Runs on every read
 * path, so a re-imported document's highlights are right the first time anyone looks.
 */
export function reanchorStale(db: Db, docId?: string): ReanchorSummary {
  const summary: ReanchorSummary = { checked: 0, kept: 0, moved: 0, orphaned: 0 };
  const staleSql = `SELECT h.* FROM highlights h JOIN documents d ON d.id = h.doc_id
                    WHERE h.anchored_hash <> d.content_hash ${docId !== undefined ? 'AND h.doc_id = ?' : ''}`;
  const params = docId !== undefined ? [docId] : [];
  if (!db.prepare(`${staleSql} LIMIT 1`).get(...params)) return summary;
  inTransaction(db, () => {
    // Read again inside the write lock: another process may have done the work meanwhile.
    const stale = db.prepare<string[], HighlightRow>(staleSql).all(...params);
    const texts = new Map<string, { text: string; hash: string }>();
    const update = db.prepare(
      'UPDATE highlights SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, orphan = ?, anchored_hash = ? WHERE id = ?',
    );
    for (const h of stale) {
      let doc = texts.get(h.doc_id);
      if (!doc) {
        doc = documentTextAndHash(db, h.doc_id);
        if (!doc) continue;
        texts.set(h.doc_id, doc);
      }
      summary.checked++;
      const placed = anchor(doc.text, { exact: h.exact, prefix: h.prefix, suffix: h.suffix, start: h.start, end: h.end });
      if (!placed) {
        // Keep what the reader highlighted exactly as it was: the words are the record.
        update.run(h.start, h.end, h.exact, h.prefix, h.suffix, 1, doc.hash, h.id);
        summary.orphaned++;
        continue;
      }
      const q = quoteAt(doc.text, placed.start, placed.end);
      update.run(placed.start, placed.end, q.exact, q.prefix, q.suffix, 0, doc.hash, h.id);
      if (placed.start === h.start && placed.end === h.end && q.exact === h.exact) summary.kept++;
      else summary.moved++;
    }
  });
  return summary;
}

function matchesText(h: HighlightRow, words: string[]): boolean {
  const hay = foldForSearch(`${h.exact}\n${h.note ?? ''}`);
  return words.every((w) => hay.includes(w));
}

/** Highlights (placed and orphaned), re-anchored if their documents changed, in reading order. */
export function listHighlights(db: Db, filter: HighlightFilter = {}): HighlightRecord[] {
  reanchorStale(db, filter.docId);
  const rows = selectHighlights(db, { docId: filter.docId, groupId: filter.groupId, color: filter.color });
  const words = filter.text ? foldForSearch(filter.text).split(/\s+/u).filter(Boolean) : [];
  return (words.length ? rows.filter((r) => matchesText(r, words)) : rows).map(toRecord);
}

export function getHighlight(db: Db, id: string): HighlightRecord {
  const row = selectHighlight(db, id);
  if (!row) throw notFound(id);
  reanchorStale(db, row.doc_id);
  return toRecord(selectHighlight(db, id) as HighlightRow);
}

export interface CreateHighlightInput {
  docId: string;
  start: number;
  end: number;
  color: HighlightColor;
  note?: string | null;
  groupId?: string | null;
}

const cleanNote = (note: string | null | undefined): string | null => {
  if (note === undefined || note === null) return null;
  if (note.length > MAX_NOTE_CHARS) throw new ParallaxError('TOO_LARGE', `A note can hold up to ${MAX_NOTE_CHARS.toLocaleString('en')} characters.`);
  return note.trim() === '' ? null : note.replace(/\r\n?/g, '\n');
};

/**
 * Highlight [start, end) of a document. Whitespace at either end of the selection is left out.
 * Highlighting exactly the words of an existing highlight recolours that one (and sets its note
 * when one is given) instead of stacking a duplicate.
 */
export function createHighlight(db: Db, input: CreateHighlightInput, now = new Date()): HighlightRecord {
  const note = cleanNote(input.note);
  return inTransaction(db, () => {
    const doc = documentTextAndHash(db, input.docId);
    if (!doc) throw docNotFound(input.docId);
    if (!Number.isInteger(input.start) || !Number.isInteger(input.end) || input.start < 0 || input.end > doc.text.length || input.start >= input.end) {
      throw new ParallaxError(
        'INVALID_INPUT',
        `The selection ${input.start}–${input.end} is not inside the document, which has ${doc.text.length} characters. Select the words again.`,
      );
    }
    assertWholeCharacters(doc.text, input.start, input.end);
    let { start, end } = input;
    while (start < end && /\s/u.test(doc.text[start])) start++;
    while (end > start && /\s/u.test(doc.text[end - 1])) end--;
    if (start === end) throw new ParallaxError('INVALID_INPUT', 'The selection holds only spaces; select some words to highlight.');
    reanchorStale(db, input.docId);
    const stamp = now.toISOString();
    const same = db.prepare('SELECT * FROM highlights WHERE doc_id = ? AND start = ? AND end = ? AND orphan = 0 ORDER BY created_at LIMIT 1').get(input.docId, start, end) as
      | HighlightRow
      | undefined;
    if (same) {
      db.prepare('UPDATE highlights SET color = ?, note = coalesce(?, note), updated_at = ? WHERE id = ?').run(input.color, note, stamp, same.id);
      return toRecord(selectHighlight(db, same.id) as HighlightRow);
    }
    const q = quoteAt(doc.text, start, end);
    const row: HighlightRow = {
      id: newId(),
      doc_id: input.docId,
      start,
      end,
      exact: q.exact,
      prefix: q.prefix,
      suffix: q.suffix,
      color: input.color,
      note,
      orphan: 0,
      anchored_hash: doc.hash,
      group_id: input.groupId ?? null,
      created_at: stamp,
      updated_at: stamp,
    };
    insertHighlight(db, row);
    return toRecord(row);
  });
}

export function updateHighlight(db: Db, id: string, patch: { color?: HighlightColor; note?: string | null }, now = new Date()): HighlightRecord {
  const note = patch.note === undefined ? undefined : cleanNote(patch.note);
  return inTransaction(db, () => {
    const row = selectHighlight(db, id);
    if (!row) throw notFound(id);
    const color = patch.color ?? row.color;
    const nextNote = note === undefined ? row.note : note;
    if (color !== row.color || nextNote !== row.note) {
      db.prepare('UPDATE highlights SET color = ?, note = ?, updated_at = ? WHERE id = ?').run(color, nextNote, now.toISOString(), id);
    }
    return toRecord(selectHighlight(db, id) as HighlightRow);
  });
}

/** Delete a highlight; the whole record comes back so the caller can offer undo (restoreHighlight). */
export function deleteHighlight(db: Db, id: string): HighlightRecord {
  return inTransaction(db, () => {
    const row = selectHighlight(db, id);
    if (!row) throw notFound(id);
    db.prepare('DELETE FROM highlights WHERE id = ?').run(id);
    return toRecord(row);
  });
}

/**
 * Put a deleted highlight back, with its id, dates and note. It is re-anchored on the next read
 * if the document changed meanwhile. Restoring one that exists already returns it unchanged.
 */
export function restoreHighlight(db: Db, record: HighlightRecord): HighlightRecord {
  return inTransaction(db, () => {
    const existing = selectHighlight(db, record.id);
    if (existing) return toRecord(existing);
    const doc = documentTextAndHash(db, record.docId);
    if (!doc) throw new ParallaxError('NOT_FOUND', `The document of this highlight (${record.docId}) is no longer in the library, so it cannot be restored.`);
    if (!record.orphan && record.end <= doc.text.length) assertWholeCharacters(doc.text, record.start, record.end);
    const stillThere = !record.orphan && record.end <= doc.text.length && doc.text.slice(record.start, record.end) === record.exact;
    insertHighlight(db, {
      id: record.id,
      doc_id: record.docId,
      start: record.start,
      end: Math.max(record.start, record.end),
      exact: record.exact,
      prefix: record.prefix,
      suffix: record.suffix,
      color: record.color,
      note: cleanNote(record.note),
      orphan: record.orphan ? 1 : 0,
      // Unplaced or moved words get a fresh look at the next read.
      anchored_hash: stillThere ? doc.hash : '',
      group_id: record.groupId,
      created_at: record.createdAt,
      updated_at: record.updatedAt,
    });
    reanchorStale(db, record.docId);
    return toRecord(selectHighlight(db, record.id) as HighlightRow);
  });
}
