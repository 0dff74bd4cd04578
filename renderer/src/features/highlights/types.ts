import type { OpInput, OpOutput } from '@contract';

// Shapes of the annotate contract, derived from the operation table (the contract's own
// interfaces live in electron/api/contract/annotate.ts, which @contract does not re-export).

export type HighlightView = OpOutput<'highlights.get'>;
export type HighlightColor = HighlightView['color'];
export type HighlightCounterpart = OpOutput<'highlights.counterparts'>[number];
export type DocNoteView = OpOutput<'notes.get'>;
export type NoteSearchHit = OpOutput<'notes.search'>[number];
export type AnnotationExport = OpOutput<'annotations.export'>;
export type ExportFormat = OpInput<'annotations.export'>['format'];

/** What a highlight surface needs to know about its document. */
export interface DocRef {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  text: string;
}

/** A range of a document's text ([start, end) offsets and the words). */
export interface TextRangeRef {
  start: number;
  end: number;
  text: string;
}
