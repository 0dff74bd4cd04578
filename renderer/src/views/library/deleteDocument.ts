// Deleting a document, and taking it back. The library has no "restore" operation, so undo
// puts the pieces back through the ordinary ones: the stored text is imported again (same
// content, so the same id), then the reader's highlights and document note are restored from
// the copies taken just before the delete. Flashcards nobody has studied, edited or suspended
// are generated again from the text; studied ones carry a review history that would be lost,
// so then (and for the bundled reports, whose metadata a re-import cannot give back) the
// confirmation says plainly that it cannot be undone.
import type { DocDetail, DocSummary } from '@contract';
import type { HighlightView } from '../../features/highlights/types';
import { ApiFailure, api, notifyChanged, unwrap } from '../../api';
import { textToBase64 } from '../../lib/format';

export interface DeletePlan {
  doc: DocSummary;
  highlights: number;
  notes: number;
  cards: number;
  /** Why undo is not offered, or null when it is. */
  noUndo: string | null;
}

export async function planDelete(doc: DocSummary): Promise<DeletePlan> {
  const impact = unwrap(await api['docs.deleteImpact']({ id: doc.id }));
  let noUndo: string | null = null;
  if (doc.origin !== 'imported') noUndo = 'bundled';
  else if (impact.cards) {
    const cards = await api['cards.list']({ docId: doc.id });
    const studied = !cards.ok || cards.value.some((c) => c.reps > 0 || c.edited || c.suspended);
    if (studied) noUndo = 'studied';
  }
  return { doc, ...impact, noUndo };
}

interface Snapshot {
  detail: DocDetail;
  highlights: HighlightView[];
  note: string;
}

/** Delete; returns what undo needs (null when undo is not offered). */
export async function deleteDocument(plan: DeletePlan): Promise<Snapshot | null> {
  let snapshot: Snapshot | null = null;
  if (!plan.noUndo) {
    const detail = unwrap(await api['docs.get']({ id: plan.doc.id }));
    const highlights = plan.highlights ? unwrap(await api['highlights.list']({ docId: plan.doc.id })) : [];
    const noteRes = plan.notes ? await api['notes.get']({ docId: plan.doc.id }) : null;
    const note = noteRes?.ok ? noteRes.value.body : '';
    snapshot = { detail, highlights, note };
  }
  unwrap(await api['docs.delete']({ id: plan.doc.id }));
  notifyChanged('docs');
  notifyChanged('highlights');
  notifyChanged('cards');
  return snapshot;
}

/** Put a deleted document back with its highlights and note. Throws ApiFailure on failure. */
export async function undoDelete(s: Snapshot): Promise<void> {
  const back = unwrap(await api['docs.import']({ files: [{ name: s.detail.file, dataBase64: textToBase64(s.detail.text) }] }));
  const outcome = back[0];
  if (!outcome || !('id' in outcome)) {
    throw new ApiFailure({ code: 'IO_ERROR', message: outcome && 'error' in outcome ? outcome.error.message : 'The document could not be put back.' });
  }
  const id = outcome.id;
  for (const h of s.highlights) {
    const { id: hid, docId: _d, start, end, exact, prefix, suffix, color, note, orphan, groupId, createdAt, updatedAt } = h;
    await api['highlights.restore']({ record: { id: hid, docId: id, start, end, exact, prefix, suffix, color, note, orphan, groupId, createdAt, updatedAt } });
  }
  if (s.note.trim()) await api['notes.set']({ docId: id, body: s.note });
  notifyChanged('docs');
  notifyChanged('highlights');
  notifyChanged('notes');
  notifyChanged('cards');
}
