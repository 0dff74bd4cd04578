import type { Db } from '../db/open.js';
import { listHighlights } from './highlights.js';
import { listDocNotes } from './notes.js';
import type { DocNote, HighlightRecord } from './types.js';

/**
 * Exactly what to export: the highlights (by id) and document notes (by document id) a view
 * shows, so an export with filters applied is what the person sees, item for item.
 */
export interface ExportOnly {
  highlightIds: readonly string[];
  docNotes: readonly string[];
}

export interface ExportOptions {
  docId?: string;
  only?: ExportOnly;
}

/** The highlights and document notes an export covers (read only). */
export function exportSelection(db: Db, options: ExportOptions = {}): { highlights: HighlightRecord[]; notes: DocNote[] } {
  let highlights = listHighlights(db, options.docId ? { docId: options.docId } : {});
  let notes = listDocNotes(db).filter((n) => !options.docId || n.docId === options.docId);
  if (options.only) {
    const ids = new Set(options.only.highlightIds);
    const docs = new Set(options.only.docNotes);
    highlights = highlights.filter((h) => ids.has(h.id));
    notes = notes.filter((n) => docs.has(n.docId));
  }
  return { highlights, notes };
}
