import { api } from '../../api';
import { navigate } from '../../app/navigation';
import type { NoteSearchHit } from './types';

/** One of the reader's notes (or highlighted passages) as a search palette result. */
export interface PaletteNoteItem {
  key: string;
  /** Where it is: the document's title, and whether it is a note or a highlight. */
  label: string;
  snippet: string;
  marks: Array<[number, number]>;
  /** Go there: the highlight in the reader (flashed), or the document's notes. */
  open: () => void;
}

function toItem(h: NoteSearchHit): PaletteNoteItem {
  const where = h.kind === 'note' ? 'Note on' : h.field === 'note' ? 'Note on a highlight in' : 'Highlight in';
  return {
    key: `${h.kind}:${h.highlightId ?? h.docId}`,
    label: `${where} “${h.title}”`,
    snippet: h.snippet,
    marks: h.marks,
    open: () =>
      h.start !== null && h.end !== null
        ? navigate({ view: 'reader', docId: h.docId, offset: h.start, end: h.end, flash: true })
        : navigate({ view: 'notes', params: { docId: h.docId } }),
  };
}

/** The reader's notes and highlights matching a query, for the search palette ([] on error). */
export async function searchNotesForPalette(query: string, limit = 8): Promise<PaletteNoteItem[]> {
  const q = query.trim();
  if (!q) return [];
  const res = await api['notes.search']({ query: q.slice(0, 1000), limit });
  return res.ok ? res.value.map(toItem) : [];
}
