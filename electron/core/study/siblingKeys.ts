import type { Db } from '../db/open.js';

// Sibling keys of cards, read-only: cards that share a sentence (`s:<doc>:<index>`), a statement
// group (`g:<id>`) or a highlight (`h:<id>`) are siblings, never shown on the same day.
// Generated cards carry their keys in card_sources' companion table card_siblings (written by
// the generator, migration 0006); sentence and highlight keys are also derived here from the
// card's sources, so cards made before that table existed (and the reader's own cards) have them.

const CHUNK = 400;

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The sibling keys of each card (sorted; cards without any are absent from the map). */
export function siblingKeysOf(db: Db, ids: readonly string[]): Map<string, string[]> {
  const keys = new Map<string, Set<string>>();
  const add = (id: string, key: string) => {
    let set = keys.get(id);
    if (!set) keys.set(id, (set = new Set()));
    set.add(key);
  };
  const stored = hasTable(db, 'card_siblings');
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const marks = chunk.map(() => '?').join(',');
    const sentences = db
      .prepare(
        `SELECT s.card_id AS id, s.doc_id AS doc, t.idx AS idx FROM card_sources s
         JOIN sentences t ON t.doc_id = s.doc_id AND t.start < s.end AND s.start < t.end
         WHERE s.card_id IN (${marks})`,
      )
      .all(...chunk) as Array<{ id: string; doc: string; idx: number }>;
    for (const r of sentences) add(r.id, `s:${r.doc}:${r.idx}`);
    const highlights = db.prepare(`SELECT id, highlight_id AS h FROM cards WHERE highlight_id IS NOT NULL AND id IN (${marks})`).all(...chunk) as Array<{
      id: string;
      h: string;
    }>;
    for (const r of highlights) add(r.id, `h:${r.h}`);
    if (stored) {
      const rows = db.prepare(`SELECT card_id AS id, key FROM card_siblings WHERE card_id IN (${marks})`).all(...chunk) as Array<{ id: string; key: string }>;
      for (const r of rows) add(r.id, r.key);
    }
  }
  return new Map([...keys].map(([id, set]) => [id, [...set].sort()]));
}

/**
 * Sibling groups: cards joined (transitively) by a shared key, for showing siblings together.
 * Returns card id -> group id (the group's first card in the given order); cards with no
 * sibling among `ids` are left out.
 */
export function siblingGroups(ids: readonly string[], keys: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    let y = x;
    while (y !== r) {
      const next = parent.get(y) as string;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const order = new Map(ids.map((id, i) => [id, i]));
  const owner = new Map<string, string>();
  for (const id of ids) {
    parent.set(id, id);
    for (const k of keys.get(id) ?? []) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, id);
      else {
        const a = find(o);
        const b = find(id);
        // The earlier card (by position in ids) stays the root, so group ids follow list order.
        if (a !== b) {
          if ((order.get(a) ?? 0) <= (order.get(b) ?? 0)) parent.set(b, a);
          else parent.set(a, b);
        }
      }
    }
  }
  const size = new Map<string, number>();
  for (const id of ids) size.set(find(id), (size.get(find(id)) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const id of ids) {
    const root = find(id);
    if ((size.get(root) ?? 0) > 1) out.set(id, root);
  }
  return out;
}
