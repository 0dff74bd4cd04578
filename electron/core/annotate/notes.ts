import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { ParallaxError } from '../errors.js';
import { listHighlights } from './highlights.js';
import { foldForSearch, queryWords, snippetWithMarks } from './text.js';
import type { NoteSearchHit } from '../../api/contract/annotate.js';
import type { DocNote } from './types.js';

export const MAX_DOC_NOTE_CHARS = 200_000;

function requireDocument(db: Db, docId: string): { title: string } {
  const row = db.prepare<[string], { title: string }>('SELECT title FROM documents WHERE id = ?').get(docId);
  if (!row) throw new ParallaxError('NOT_FOUND', `No document with id ${docId} is in the library.`);
  return row;
}

export function getDocNote(db: Db, docId: string): DocNote {
  requireDocument(db, docId);
  const row = db.prepare<[string], { body: string; updated_at: string }>('SELECT body, updated_at FROM doc_notes WHERE doc_id = ?').get(docId);
  return { docId, body: row?.body ?? '', updatedAt: row?.updated_at ?? null };
}

/** Set the free note of a document; an empty (or blank) note removes it. */
export function setDocNote(db: Db, docId: string, body: string, now = new Date()): DocNote {
  if (body.length > MAX_DOC_NOTE_CHARS) {
    throw new ParallaxError('TOO_LARGE', `A document note can hold up to ${MAX_DOC_NOTE_CHARS.toLocaleString('en')} characters.`);
  }
  const clean = body.replace(/\r\n?/g, '\n');
  return inTransaction(db, () => {
    requireDocument(db, docId);
    if (clean.trim() === '') {
      db.prepare('DELETE FROM doc_notes WHERE doc_id = ?').run(docId);
      return { docId, body: '', updatedAt: null };
    }
    const stamp = now.toISOString();
    db.prepare(
      `INSERT INTO doc_notes (doc_id, body, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (doc_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
    ).run(docId, clean, stamp);
    return { docId, body: clean, updatedAt: stamp };
  });
}

export function listDocNotes(db: Db): DocNote[] {
  const rows = db
    .prepare<[], { doc_id: string; body: string; updated_at: string }>(
      `SELECT n.doc_id, n.body, n.updated_at FROM doc_notes n JOIN documents d ON d.id = n.doc_id
       ORDER BY d.published IS NULL, d.published, d.title, d.id`,
    )
    .all();
  return rows.map((r) => ({ docId: r.doc_id, body: r.body, updatedAt: r.updated_at }));
}

/** A note search hit: the contract's NoteSearchHit is the one definition. */
export type NoteHit = NoteSearchHit;

/**
 * The reader's own writing that contains every word of the query: document notes, notes on
 * highlights, then highlighted words. Case and accents are ignored.
 */
export function searchNotes(db: Db, query: string, limit = 20): NoteHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const titles = new Map(
    db.prepare<[], { id: string; title: string }>('SELECT id, title FROM documents').all().map((r) => [r.id, r.title] as const),
  );
  const hits: NoteHit[] = [];
  const count = (folded: string): number => words.reduce((n, w) => n + folded.split(w).length - 1, 0);
  for (const n of listDocNotes(db)) {
    const folded = foldForSearch(n.body);
    if (!words.every((w) => folded.includes(w))) continue;
    hits.push({
      kind: 'note',
      docId: n.docId,
      title: titles.get(n.docId) ?? n.docId,
      highlightId: null,
      color: null,
      start: null,
      end: null,
      field: 'note',
      ...snippetWithMarks(n.body, words),
      score: 3 + count(folded),
    });
  }
  for (const h of listHighlights(db)) {
    const note = h.note;
    const inNote = note !== null && words.every((w) => foldForSearch(note).includes(w));
    const inQuote = !inNote && words.every((w) => foldForSearch(h.exact).includes(w));
    if (!inNote && !inQuote) continue;
    const field = inNote ? 'note' : 'quote';
    const source = inNote && note !== null ? note : h.exact;
    hits.push({
      kind: 'highlight',
      docId: h.docId,
      title: titles.get(h.docId) ?? h.docId,
      highlightId: h.id,
      color: h.color,
      start: h.orphan ? null : h.start,
      end: h.orphan ? null : h.end,
      field,
      ...snippetWithMarks(source, words),
      score: (inNote ? 2 : 1) + count(foldForSearch(source)),
    });
  }
  hits.sort((a, b) => b.score - a.score);
  return hits.slice(0, limit);
}
