// The search engine as the rest of the library sees it. The implementation (index build,
// segments, worker thread) lives beside this file and may change freely behind it.

export interface SearchHitCore {
  docId: string;
  score: number;
  passageIndex: number;
  start: number;
  end: number;
  snippet: string;
  marks: Array<[number, number]>;
}

export interface SearchResultCore {
  hits: SearchHitCore[];
  total: number;
  hint: string | null;
  /** Set when `total` is an estimate (a phrase with very many candidate passages). */
  totalIsEstimate?: boolean;
}

export interface SearchStats {
  /** Documents searchable now. */
  documents: number;
  passages: number;
  segments: number;
}

export interface SearchStatusCore {
  state: 'building' | 'ready' | 'error';
  progress: number;
  documents: number;
  message: string | null;
}

export interface SearchEngine {
  /** Resolves once the index can answer (it may still be merging in the background). */
  ready(): Promise<void>;
  status(): SearchStatusCore;
  query(query: string, options?: { limit?: number; signal?: AbortSignal }): Promise<SearchResultCore>;
  /** Tell the engine documents were added, replaced or removed (by id). */
  documentsChanged(change: { upserted: string[]; removed: string[] }): Promise<void>;
  /** Another process changed these documents (its index segments may already be on disk). */
  externalChange?(change: { upserted: string[]; removed: string[] }): Promise<void>;
  /** Index figures (for tests, the benchmark and diagnostics). */
  stats?(): Promise<SearchStats>;
  /** Wait until pending background merges are done. */
  flush?(): Promise<void>;
  close(): Promise<void>;
}
