// Shapes of electron/core/annotate. Positions are [start, end) indices into documents.text.

import type { DocNoteView, HighlightView } from '../../api/contract/annotate.js';
import type { HighlightColor } from '../../common/highlight-colors.js';

export { HIGHLIGHT_COLORS, isHighlightColor, type HighlightColor } from '../../common/highlight-colors.js';

/** A stored highlight: the contract's HighlightView is the one definition of the shape. */
export type HighlightRecord = HighlightView;

export interface HighlightFilter {
  docId?: string;
  color?: HighlightColor;
  /** Words to find in the highlighted text or its note (case and accents ignored). */
  text?: string;
  groupId?: string;
}

export type DocNote = DocNoteView;
