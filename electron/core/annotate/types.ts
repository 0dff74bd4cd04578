// Shapes of electron/core/annotate. Positions are [start, end) indices into documents.text.

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const isHighlightColor = (c: unknown): c is HighlightColor => typeof c === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(c);

export interface HighlightRecord {
  id: string;
  docId: string;
  start: number;
  end: number;
  /** The highlighted words (TextQuoteSelector.exact). */
  exact: string;
  color: HighlightColor;
  note: string | null;
  /** True when the words could not be placed in the document's current text. */
  orphan: boolean;
  /** ~32 characters before and after the words, for re-anchoring. */
  prefix: string;
  suffix: string;
  /** Shared by highlights made together across sources; null for a lone highlight. */
  groupId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HighlightFilter {
  docId?: string;
  color?: HighlightColor;
  /** Words to find in the highlighted text or its note (case and accents ignored). */
  text?: string;
  groupId?: string;
}

export interface DocNote {
  docId: string;
  body: string;
  updatedAt: string | null;
}
