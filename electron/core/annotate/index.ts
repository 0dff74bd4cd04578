// Cross-feature API of electron/core/annotate: highlights (anchored by position and quote),
// document notes, highlights across sources, and export/import (Markdown, W3C Web Annotation).
// `listHighlights(db, filter)` and the HighlightRecord/HighlightColor types are relied on by study.

export { HIGHLIGHT_COLORS, isHighlightColor } from './types.js';
export type { DocNote, HighlightColor, HighlightFilter, HighlightRecord } from './types.js';
export {
  createHighlight,
  deleteHighlight,
  getHighlight,
  listHighlights,
  reanchorStale,
  restoreHighlight,
  updateHighlight,
  MAX_NOTE_CHARS,
  type CreateHighlightInput,
  type ReanchorSummary,
} from './highlights.js';
export { anchor, quoteAt, CONTEXT_CHARS, type Anchored, type AnchorTarget, type QuoteSelector } from './anchor.js';
export { getDocNote, listDocNotes, searchNotes, setDocNote, MAX_DOC_NOTE_CHARS, type NoteHit } from './notes.js';
export { highlightAcrossSources, highlightCounterparts, highlightGroup, type HighlightCounterpart } from './across.js';
export { exportMarkdown } from './export-md.js';
export { exportAnnotations, exportW3c, highlightToAnnotation, importAnnotations, parseAnnotationFile, type ImportSummary } from './w3c.js';
export { citation, longDate } from './citation.js';
