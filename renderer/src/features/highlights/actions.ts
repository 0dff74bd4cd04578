import { api, notifyChanged } from '../../api';
import { toast, toastError } from '../../components';
import { copyText, quoteWithCitation } from './citation';
import { COLOR_INFO } from './colors';
import { announce, setLastColor } from './store';
import type { DocRef, HighlightColor, HighlightView } from './types';

// Every change to highlights goes through here: one api call, then `notifyChanged('highlights')`
// so every list and surface reloads, and a word for screen readers.

export const HIGHLIGHTS_TOPIC = 'highlights';
export const NOTES_TOPIC = 'notes';

export async function createHighlight(
  doc: Pick<DocRef, 'id'>,
  range: { start: number; end: number },
  color: HighlightColor,
  note?: string,
): Promise<HighlightView | null> {
  const res = await api['highlights.create']({ docId: doc.id, start: range.start, end: range.end, color, ...(note ? { note } : {}) });
  if (!res.ok) {
    toastError(res.error);
    return null;
  }
  setLastColor(color);
  notifyChanged(HIGHLIGHTS_TOPIC);
  announce(`Highlighted in ${COLOR_INFO[color].label.toLowerCase()}.`);
  return res.value;
}

export async function recolor(h: HighlightView, color: HighlightColor): Promise<HighlightView | null> {
  if (h.color === color) return h;
  const res = await api['highlights.update']({ id: h.id, color });
  if (!res.ok) {
    toastError(res.error);
    return null;
  }
  setLastColor(color);
  notifyChanged(HIGHLIGHTS_TOPIC);
  announce(`Colour changed to ${COLOR_INFO[color].label.toLowerCase()}.`);
  return res.value;
}

export async function saveNote(h: HighlightView, note: string): Promise<HighlightView | null> {
  const res = await api['highlights.update']({ id: h.id, note: note.trim() ? note : null });
  if (!res.ok) {
    toastError(res.error);
    return null;
  }
  notifyChanged(HIGHLIGHTS_TOPIC);
  announce(note.trim() ? 'Note saved.' : 'Note removed.');
  return res.value;
}

/** Delete, with an Undo in the notification that puts the very same highlight back. */
export async function deleteWithUndo(h: HighlightView): Promise<boolean> {
  const res = await api['highlights.delete']({ id: h.id });
  if (!res.ok) {
    toastError(res.error);
    return false;
  }
  notifyChanged(HIGHLIGHTS_TOPIC);
  const record = res.value;
  toast({
    kind: 'info',
    message: record.note ? 'Highlight and its note deleted.' : 'Highlight deleted.',
    action: { label: 'Undo', run: () => void restore(record) },
  });
  return true;
}

export async function restore(record: HighlightView): Promise<HighlightView | null> {
  const res = await api['highlights.restore']({ record });
  if (!res.ok) {
    toastError(res.error);
    return null;
  }
  notifyChanged(HIGHLIGHTS_TOPIC);
  toast({ kind: 'success', message: 'Highlight restored.' });
  return res.value;
}

export async function copyWithCitation(words: string, doc: Pick<DocRef, 'title' | 'outlet' | 'published'>): Promise<void> {
  try {
    await copyText(quoteWithCitation(words, doc));
    toast({ kind: 'success', message: 'Copied the quote with its citation.' });
  } catch (e) {
    toastError(e);
  }
}

export async function highlightInAllSources(h: HighlightView): Promise<number> {
  const res = await api['highlights.acrossSources']({ id: h.id });
  if (!res.ok) {
    toastError(res.error);
    return 0;
  }
  notifyChanged(HIGHLIGHTS_TOPIC);
  const n = res.value.length;
  toast({ kind: 'success', message: n ? `Highlighted in ${n} other source${n === 1 ? '' : 's'}.` : 'Every other source already has it highlighted.' });
  return n;
}

export async function saveDocNote(docId: string, body: string): Promise<boolean> {
  const res = await api['notes.set']({ docId, body });
  if (!res.ok) {
    toastError(res.error);
    return false;
  }
  notifyChanged(NOTES_TOPIC);
  announce(body.trim() ? 'Document note saved.' : 'Document note removed.');
  return true;
}
