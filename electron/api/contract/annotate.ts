import { z } from 'zod';
import { op } from './op.js';
import { DocId } from './library.js';
import type { LinkKind } from './compare.js';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/highlight-colors.js';

// Operations of electron/core/annotate: highlights, notes, export and import.
// These are the one definition of annotate's shapes: core/annotate/types.ts imports them as types.

export { HIGHLIGHT_COLORS, isHighlightColor, type HighlightColor } from '../../common/highlight-colors.js';

export interface HighlightView {
  id: string;
  docId: string;
  /** [start, end) in the document's text; meaningless when orphan is true. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: HighlightColor;
  note: string | null;
  /** The words could not be placed in the current text ("could not be placed"). */
  orphan: boolean;
  groupId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HighlightCounterpartView {
  docId: string;
  title: string;
  outlet: string | null;
  start: number;
  end: number;
  text: string;
  score: number;
  kind: LinkKind;
  /** An existing highlight on exactly these words, if any. */
  highlightId: string | null;
}

export interface DocNoteView {
  docId: string;
  body: string;
  updatedAt: string | null;
}

export interface NoteSearchHit {
  kind: 'highlight' | 'note';
  docId: string;
  title: string;
  /** The highlight, for kind 'highlight'. */
  highlightId: string | null;
  color: HighlightColor | null;
  /** Where the highlight sits in the document (null for a document note or an orphan). */
  start: number | null;
  end: number | null;
  /** Where the match was: the reader's note, or the highlighted words. */
  field: 'note' | 'quote';
  snippet: string;
  marks: Array<[number, number]>;
  score: number;
}

export interface AnnotationExport {
  content: string;
  /** A suggested file name (.md or .jsonld). */
  filename: string;
  mimeType: string;
  count: number;
}

export interface AnnotationImportResult {
  imported: number;
  orphans: number;
  skipped: number;
  messages: string[];
}

export const HighlightId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be a highlight id');
const Color = z.enum(HIGHLIGHT_COLORS);
const Offset = z.number().int().min(0).max(100_000_000);
const NoteText = z.string().max(50_000);
const Stamp = z.iso.datetime({ offset: true });

/** A highlight as delete returned it, handed back to restore (undo). */
export const HighlightRecordInput = z
  .object({
    id: HighlightId,
    docId: DocId,
    start: Offset,
    end: Offset,
    exact: z.string().min(1).max(1_000_000),
    prefix: z.string().max(1000),
    suffix: z.string().max(1000),
    color: Color,
    note: NoteText.nullable(),
    orphan: z.boolean(),
    groupId: HighlightId.nullable(),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict();

export const annotateContract = {
  'highlights.list': op<HighlightView[]>()(
    z.object({ docId: DocId.optional(), color: Color.optional(), text: z.string().max(1000).optional() }).strict(),
  ),
  'highlights.get': op<HighlightView>()(z.object({ id: HighlightId }).strict()),
  /** Whitespace at the ends of the selection is left out; the same words again recolour the existing highlight. */
  'highlights.create': op<HighlightView>()(
    z.object({ docId: DocId, start: Offset, end: Offset, color: Color, note: NoteText.nullable().optional() }).strict(),
  ),
  /** note: null (or blank) removes the note. */
  'highlights.update': op<HighlightView>()(z.object({ id: HighlightId, color: Color.optional(), note: NoteText.nullable().optional() }).strict()),
  /** Returns the deleted record: keep it to offer undo through highlights.restore. */
  'highlights.delete': op<HighlightView>()(z.object({ id: HighlightId }).strict()),
  'highlights.restore': op<HighlightView>()(z.object({ record: HighlightRecordInput }).strict()),
  /** The same statement in other sources (from the side-by-side alignment). */
  'highlights.counterparts': op<HighlightCounterpartView[]>()(z.object({ id: HighlightId }).strict()),
  /** Highlight the statement in every other source that carries it; returns the highlights created. */
  'highlights.acrossSources': op<HighlightView[]>()(z.object({ id: HighlightId }).strict()),
  'notes.get': op<DocNoteView>()(z.object({ docId: DocId }).strict()),
  /** An empty body removes the note. */
  'notes.set': op<DocNoteView>()(z.object({ docId: DocId, body: z.string().max(200_000) }).strict()),
  'notes.list': op<DocNoteView[]>()(z.object({}).strict()),
  /** The reader's notes and highlighted words, for the search palette. */
  'notes.search': op<NoteSearchHit[]>()(z.object({ query: z.string().max(1000), limit: z.number().int().min(1).max(200).optional() }).strict()),
  /** `only`: exactly these highlights and document notes (what the Notes view shows with its filters). */
  'annotations.export': op<AnnotationExport>()(
    z
      .object({
        format: z.enum(['md', 'w3c']),
        docId: DocId.optional(),
        only: z.object({ highlightIds: z.array(HighlightId).max(100_000), docNotes: z.array(DocId).max(100_000) }).strict().optional(),
      })
      .strict(),
  ),
  /** W3C Web Annotation JSON: one Annotation, a list, or an AnnotationCollection. All or nothing. */
  'annotations.import': op<AnnotationImportResult>()(z.object({ content: z.string().min(1).max(25_000_000) }).strict()),
} as const;
