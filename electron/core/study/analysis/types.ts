import type { Statement } from '../../compare/index.js';
import type { getPassages, getSentences } from '../../corpus/store.js';
import type { Unit } from '../units.js';
import type { Quotation } from '../quotes.js';
import type { findQuantities, NameMention, SpanType } from '../entities.js';
import type { TaggedTerm } from '../nlp.js';
import type { Token } from '../text.js';

// The shapes of the study analysis (analysis.ts puts the phases of this folder together).

export type NameClass = 'person' | 'place' | 'org' | 'name' | 'designator' | 'reject';

export interface Speaker {
  kind: 'person' | 'group';
  /** Canonical name ("Jens Stoltenberg") or the group as written ("the joint statement"). */
  name: string;
}

export interface ResolvedQuote extends Quotation {
  docId: string;
  speaker: Speaker | null;
}

export interface AnswerSpan {
  /** Offsets inside the unit's text. */
  start: number;
  end: number;
  type: SpanType;
  text: string;
  /** What two answers are compared by: a canonical name or a folded phrase. */
  key: string;
  /** Index of the list this item belongs to ("Bosnia and Herzegovina, Georgia and Moldova"). */
  listId: number | null;
}

export interface NameRef {
  key: string;
  cls: NameClass;
  start: number;
  end: number;
}

export interface UnitInfo {
  idx: number;
  unit: Unit;
  /** Units with exactly the same text share a group (and their analysis). */
  group: number;
  /** Units that say the same thing (same text, near-duplicates, compare's statements). */
  cluster: number;
  spans: AnswerSpan[];
  mentions: NameRef[];
  /** Share of the unit's characters inside quotation marks. */
  quoteCover: number;
  speakers: Speaker[];
  keyPhrases: string[];
  highlights: number;
  /** The unit's words (shared by units with the same text), and each folded as foldPhrase would. */
  tokens: readonly Token[];
  keys: string[];
  /** Says what a document's title says. */
  headline: boolean;
  sourceDocs: string[];
  score: number;
  reasons: string[];
}

export interface NameInfo {
  key: string;
  display: string;
  cls: NameClass;
  unitCount: number;
  docCount: number;
}

export interface DocInfo {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  /** Short name for the source in answers and exports. */
  label: string;
  text: string;
  units: UnitInfo[];
  quotes: ResolvedQuote[];
}

export interface CorpusAnalysis {
  fingerprint: string;
  docs: DocInfo[];
  docById: Map<string, DocInfo>;
  units: UnitInfo[];
  contentUnits: number;
  names: Map<string, NameInfo>;
  keyPhrases: Map<string, { text: string; docs: number }>;
  statements: Statement[];
  /** A name or term so common in this library that blanking it tests nothing. */
  isUbiquitous(key: string): boolean;
  termCounts: Map<string, number>;
}

/** Bump when the analysis or the generator changes in a way that should regenerate cards. */
export const ANALYSIS_VERSION = 3;

export interface Group {
  text: string;
  units: number[];
  tokens: readonly Token[];
  /** Each token folded for phrase comparison (as foldPhrase would). */
  keys: string[];
  /** Content words, lightly stemmed, for overlap measures. */
  bag: Set<string>;
  /** compromise's tags, computed when first needed. */
  tagged: TaggedTerm[] | null;
  quantities: ReturnType<typeof findQuantities>;
  names: NameMention[];
}

/** Key terms are looked for only in sentences scoring at least this (others make no cards). */
export const TERM_MIN_UNIT_SCORE = 3.5;

export interface LoadedDoc {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  text: string;
  passages: ReturnType<typeof getPassages>;
  sentences: ReturnType<typeof getSentences>;
}

/** Canonical names of the library: a surname alone resolves to the person named in full. */
export interface NameTable {
  names: Map<string, NameInfo>;
  canonical(key: string): string;
  displayOf(key: string): string;
}

/** Candidate key terms of each group, with the documents and units that use each term. */
export interface TermTable {
  termDocs: Map<string, Set<string>>;
  termUnits: Map<string, number>;
  groupTerms: Array<Array<{ start: number; end: number; key: string; text: string }>>;
}
