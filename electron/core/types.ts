// Shared shapes of the library. Every position is a [start, end) pair of JavaScript string
// indices into a document's stored (normalised) text.

export interface Span {
  start: number;
  end: number;
}

// 'quote' is reserved: the segmenter does not produce it at present (see docs/data-model.md).
export type PassageKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'meta';

export interface Passage extends Span {
  index: number;
  kind: PassageKind;
}

export interface Sentence extends Span {
  index: number;
  passageIndex: number;
}

export interface Segmentation {
  passages: Passage[];
  sentences: Sentence[];
}

export type DocumentOrigin = 'bundled' | 'imported';

export interface DocumentMeta {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null; // ISO date (YYYY-MM-DD) when the text gives one
  language: string;
  author: string | null;
  file: string; // original file name
  origin: DocumentOrigin;
  words: number;
  contentHash: string; // sha256 of the stored text: the fingerprint derived data is keyed by
  addedAt: string;
  updatedAt: string;
}

export interface StoredDocument extends DocumentMeta {
  text: string;
}
