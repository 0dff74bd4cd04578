import type { DocSummary } from '../api/types.js';

// Shared shapes of the library. Every position is a [start, end) pair of JavaScript string
// indices into a document's stored (normalised) text.

export interface Span {
  start: number;
  end: number;
}

// 'quote' comes from block quotes of structured imports (HTML, Markdown, EPUB, DOCX); 'meta' is
// page furniture (site banners, share counts, hashtags): kept in the text for provenance, out of
// reading, search, alignment and cards.
export type PassageKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'meta';

/** Inline emphasis kept from the source: bold ('strong') and italic ('em'). */
export type MarkKind = 'strong' | 'em';

export interface InlineMark extends Span {
  kind: MarkKind;
}

export interface Passage extends Span {
  index: number;
  kind: PassageKind;
  /** Heading level 1-6 (1 = chapter in a book); absent when the source gave none. */
  level?: number;
  /** Page label of the page the passage starts on (PDF), so a quote can cite "p. 12". */
  page?: string;
  /** Emphasis inside the passage, in document offsets. */
  marks?: InlineMark[];
}

export interface Sentence extends Span {
  index: number;
  passageIndex: number;
}

export interface Segmentation {
  passages: Passage[];
  sentences: Sentence[];
}

export type DocumentOrigin = DocSummary['origin'];

/**
 * A document's metadata: the contract's DocSummary (the one definition of these fields) less the
 * reader's progress, plus the fingerprint derived data is keyed by.
 */
export type DocumentMeta = Omit<DocSummary, 'progress'> & {
  /** sha256 of the stored text: the fingerprint derived data is keyed by. */
  contentHash: string;
};

export interface StoredDocument extends DocumentMeta {
  text: string;
}
