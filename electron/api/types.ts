// Shapes that cross the contract. Plain data only (structured-clone and JSON safe).

export interface DocSummary {
  id: string;
  title: string;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD) when the text gives one. */
  published: string | null;
  language: string;
  author: string | null;
  /** The original file name. */
  file: string;
  origin: 'bundled' | 'imported';
  words: number;
  addedAt: string;
  updatedAt: string;
  /** 0..1, how far the reader has got. */
  progress: number;
}

export interface PassageView {
  index: number;
  start: number;
  end: number;
  /** 'meta' is page furniture (banners, share counts): kept for provenance, not read. */
  kind: 'heading' | 'paragraph' | 'list-item' | 'quote' | 'meta';
  /** Heading level 1-6 (1 = a book's chapter) when the source gave one. */
  level?: number;
  /** Page label the passage starts on (PDF), for citing "p. 12". */
  page?: string;
  /** Bold ('strong') and italic ('em') in document offsets. */
  marks?: Array<{ start: number; end: number; kind: 'strong' | 'em' }>;
}

export interface SentenceView {
  index: number;
  passageIndex: number;
  start: number;
  end: number;
}

export interface DocDetail extends DocSummary {
  text: string;
  passages: PassageView[];
  sentences: SentenceView[];
  /** Start offset of the sentence (or passage) the reader last had at the top of the page. */
  position: number;
  /** How far down that sentence the top of the page was (0..1), so the view reopens exactly there. */
  positionWithin: number;
}

export interface ImportFileInput {
  /** File name as the person picked it (used for type detection and the `file` column). */
  name: string;
  /** Raw file content, base64 encoded (so it crosses IPC, HTTP and JSON alike). */
  dataBase64: string;
}

export type ImportOutcome =
  | { file: string; id: string; replaced?: boolean }
  | { file: string; error: { code: string; message: string } };

export interface SearchHit {
  docId: string;
  title: string;
  score: number;
  /** Offsets of the best match in the document's text. */
  start: number;
  end: number;
  passageIndex: number;
  /** The passage excerpt; matched words are wrapped in «» markers by `marks`. */
  snippet: string;
  /** [start, end) ranges inside `snippet` of the matched words. */
  marks: Array<[number, number]>;
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
  /** A hint for the person when the query was adjusted or too short (e.g. a lone `*`). */
  hint: string | null;
  total: number;
  /** True when `total` is an estimate (phrase queries verify only the passages shown). */
  totalIsEstimate: boolean;
  tookMs: number;
}

export interface SearchStatus {
  state: 'building' | 'ready' | 'error';
  /** 0..1 while building. */
  progress: number;
  documents: number;
  message: string | null;
}
