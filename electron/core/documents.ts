import type { Db } from './db/open.js';
import { getDocumentMeta } from './corpus/store.js';
import { ParallaxError } from './errors.js';
import type { DocumentMeta } from './types.js';

// Document-level questions every feature's handlers ask: does it exist, and what would
// deleting it take with it.

/** The document's metadata, or NOT_FOUND with a sentence a reader can act on. */
export function requireDocument(db: Db, id: string): DocumentMeta {
  const meta = getDocumentMeta(db, id);
  if (!meta) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
  return meta;
}

// Feature tables are created by their migrations; a library opened read-only at an older
// version may lack some, which then own nothing.
function countOwned(db: Db, table: 'highlights' | 'doc_notes' | 'card_sources', docId: string, where = 'doc_id = ?'): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return 0;
  return db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(docId)?.n ?? 0;
}

export interface DeleteImpact {
  highlights: number;
  notes: number;
  cards: number;
}

/** What deleting a document takes with it: the reader's highlights, notes and cards. */
export function deleteImpact(db: Db, id: string): DeleteImpact {
  return {
    highlights: countOwned(db, 'highlights', id),
    notes: countOwned(db, 'highlights', id, "doc_id = ? AND note IS NOT NULL AND note <> ''") + countOwned(db, 'doc_notes', id),
    cards: countOwned(db, 'card_sources', id),
  };
}

/** A title lookup for labelling hits from many documents (each document read once; its id when gone). */
export function documentTitles(db: Db): (id: string) => string {
  const titles = new Map<string, string>();
  return (id) => {
    let t = titles.get(id);
    if (t === undefined) {
      t = getDocumentMeta(db, id)?.title ?? id;
      titles.set(id, t);
    }
    return t;
  };
}
