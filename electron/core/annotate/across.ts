import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { ParallaxError } from '../errors.js';
import type { HighlightCounterpartView } from '../../api/contract/annotate.js';
import { findCounterparts } from '../compare/index.js';
import { createHighlight, getHighlight, newId } from './highlights.js';
import { selectHighlights, toRecord, type HighlightRow } from './store.js';
import type { HighlightRecord } from './types.js';

// A highlighted statement, carried by other sources: find those places (from the side-by-side
// alignment) and highlight them all, as ordinary highlights linked by a group id.

/** The contract's HighlightCounterpartView is the one definition. */
export type HighlightCounterpart = HighlightCounterpartView;

function placedHighlight(db: Db, id: string): HighlightRecord {
  const h = getHighlight(db, id);
  if (h.orphan) {
    throw new ParallaxError('INVALID_INPUT', 'This highlight could not be placed in the current text, so its counterparts in other sources cannot be found.');
  }
  return h;
}

function sameRange(db: Db, docId: string, start: number, end: number): HighlightRow | undefined {
  return db
    .prepare<[string, number, number], HighlightRow>('SELECT * FROM highlights WHERE doc_id = ? AND start = ? AND end = ? AND orphan = 0 ORDER BY created_at LIMIT 1')
    .get(docId, start, end);
}

export function highlightCounterparts(db: Db, id: string): HighlightCounterpart[] {
  const h = placedHighlight(db, id);
  const meta = new Map<string, { title: string; outlet: string | null }>();
  const out: HighlightCounterpart[] = [];
  for (const c of findCounterparts(db, h.docId, { start: h.start, end: h.end })) {
    if (c.docId === h.docId) continue;
    let m = meta.get(c.docId);
    if (!m) {
      m = db.prepare<[string], { title: string; outlet: string | null }>('SELECT title, outlet FROM documents WHERE id = ?').get(c.docId);
      if (!m) continue;
      meta.set(c.docId, m);
    }
    out.push({ ...c, title: m.title, outlet: m.outlet, highlightId: sameRange(db, c.docId, c.start, c.end)?.id ?? null });
  }
  return out;
}

/**
 * Highlight the statement in every other source that carries it, in the same colour, linked
 * to this highlight by a group id. Places already highlighted join the group instead of being
 * highlighted twice. Returns the highlights created.
 */
export function highlightAcrossSources(db: Db, id: string, now = new Date()): HighlightRecord[] {
  return inTransaction(db, () => {
    const h = placedHighlight(db, id);
    const counterparts = highlightCounterparts(db, id);
    const groupId = h.groupId ?? newId();
    const stamp = now.toISOString();
    const join = db.prepare('UPDATE highlights SET group_id = ?, updated_at = ? WHERE id = ? AND (group_id IS NULL OR group_id <> ?)');
    join.run(groupId, stamp, h.id, groupId);
    const created: HighlightRecord[] = [];
    for (const c of counterparts) {
      if (c.highlightId) {
        join.run(groupId, stamp, c.highlightId, groupId);
        continue;
      }
      try {
        const made = createHighlight(db, { docId: c.docId, start: c.start, end: c.end, color: h.color, groupId }, now);
        // Trimmed to words an earlier highlight already covers: that one joins the group.
        if (made.groupId !== groupId) join.run(groupId, stamp, made.id, groupId);
        else created.push(made);
      } catch (e) {
        // A counterpart span that is blank or out of range is the alignment's problem, not the reader's.
        if (!(e instanceof ParallaxError && e.code === 'INVALID_INPUT')) throw e;
      }
    }
    return created;
  });
}

/** Every highlight linked with this one (itself included). */
export function highlightGroup(db: Db, id: string): HighlightRecord[] {
  const h = getHighlight(db, id);
  if (!h.groupId) return [h];
  return selectHighlights(db, { groupId: h.groupId }).map(toRecord);
}
