import type { Db } from './db/open.js';

// Where the reader is in each document, and how much of it they have read.
//
// The position is an anchor in the text, not a scroll offset, so it survives a different
// window width or text size: `position` is the start offset of the sentence (or passage) at
// the top of the view, `positionWithin` how far down that sentence the top of the view was
// (0 = its first line, 0.99 = its last). Both live in reading_state.position: the column has
// INTEGER affinity, which keeps a non-integral number as REAL, so `1234.25` is sentence 1234
// a quarter of the way down. That keeps old libraries (whole numbers) readable as they are and
// needs no schema change.
//
// `progress` (0..1) is what was read (the renderer's furthest point reached by reading), and
// never goes down here: a second window or an old tab cannot lower it.

export interface ReadingState {
  position: number;
  positionWithin: number;
  progress: number;
}

const EMPTY: ReadingState = { position: 0, positionWithin: 0, progress: 0 };

function split(stored: number): { position: number; positionWithin: number } {
  const position = Math.max(0, Math.floor(stored));
  // Stored to 1/1000 (see saveReadingState); rounding undoes the float error of the subtraction.
  const within = Math.round((stored - position) * 1000) / 1000;
  return { position, positionWithin: within > 0 && within < 1 ? within : 0 };
}

export function getReadingState(db: Db, docId: string): ReadingState {
  const row = db.prepare<[string], { position: number; progress: number }>('SELECT position, progress FROM reading_state WHERE doc_id = ?').get(docId);
  return row ? { ...split(row.position), progress: row.progress } : { ...EMPTY };
}

/** Reading progress of every document that has any (documents never opened are absent). */
export function readingProgressByDoc(db: Db): Map<string, number> {
  const rows = db.prepare<[], { doc_id: string; progress: number }>('SELECT doc_id, progress FROM reading_state').all();
  return new Map(rows.map((r) => [r.doc_id, r.progress]));
}

/** Save the position; progress is kept at the highest value seen. Returns what is stored. */
export function saveReadingState(db: Db, docId: string, state: ReadingState, now: Date = new Date()): ReadingState {
  const within = Number.isFinite(state.positionWithin) ? Math.min(Math.max(state.positionWithin, 0), 0.999) : 0;
  // Rounded to 1/1000 of the sentence, so the stored number stays short and exact in JSON.
  const stored = Math.floor(state.position) + Math.round(within * 1000) / 1000;
  const progress = Math.min(Math.max(state.progress, 0), 1);
  db.prepare(
    `INSERT INTO reading_state (doc_id, position, progress, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET position = excluded.position, progress = max(reading_state.progress, excluded.progress), updated_at = excluded.updated_at`,
  ).run(docId, stored, progress, now.toISOString());
  return getReadingState(db, docId);
}
