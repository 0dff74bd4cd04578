import type { DocSummary } from '@contract';
import type { DocNoteView, HighlightColor, HighlightView } from '../../features/highlights/types';

export interface NotesFilter {
  docId: string;
  color: HighlightColor | '';
  text: string;
}

export interface NotesGroup {
  doc: DocSummary;
  highlights: HighlightView[];
  note: DocNoteView | undefined;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Documents (in library order) with their highlights and note, narrowed by the filters.
 * Every word of the text filter must appear in the quote, the note or the document note.
 * A colour filter shows highlights only (document notes have no colour).
 */
export function filterNotes(docs: readonly DocSummary[], highlights: readonly HighlightView[], notes: readonly DocNoteView[], f: NotesFilter): NotesGroup[] {
  const words = fold(f.text).split(/\s+/u).filter(Boolean);
  const has = (s: string) => {
    const folded = fold(s);
    return words.every((w) => folded.includes(w));
  };
  const out: NotesGroup[] = [];
  for (const doc of docs) {
    if (f.docId && doc.id !== f.docId) continue;
    const hs = highlights.filter((h) => h.docId === doc.id && (!f.color || h.color === f.color) && (!words.length || has(`${h.exact}\n${h.note ?? ''}`)));
    const raw = notes.find((n) => n.docId === doc.id);
    const note = raw && !f.color && (!words.length || has(raw.body)) ? raw : undefined;
    if (hs.length || note) out.push({ doc, highlights: hs, note });
  }
  return out;
}
