import { z } from 'zod';
import { op } from './op.js';
import { DocId } from './library.js';

// Operations of electron/core/compare: side-by-side alignment, word differences, statements
// across the library and the coverage matrix, counterparts of a passage in other sources.
// These are the one definition of compare's link and statement shapes: core/compare and the
// Compare view import them as types.

export type LinkKind = 'same' | 'variant';
export type Coverage = 'present' | 'variant' | 'absent';

export interface LinkSideView {
  /** [start, end) in the document's text; `text` is exactly that slice. */
  start: number;
  end: number;
  text: string;
  /** Sentence.index of each sentence the side covers (one to three adjacent sentences). */
  sentenceIndexes: number[];
}

/** 'equivalent': other words with the same meaning (synonyms), not a change. */
export type DiffOp = 'equal' | 'removed' | 'added' | 'changed' | 'equivalent';
export type DiffMark = 'number' | 'name' | 'quoted';

export interface DiffPartView {
  op: DiffOp;
  /** Offsets in document A's text (null for words only B has). */
  a: { start: number; end: number } | null;
  /** Offsets in document B's text (null for words only A has). */
  b: { start: number; end: number } | null;
  aText: string;
  bText: string;
  /** Only punctuation, quote marks or spacing differ. */
  minor: boolean;
  /** Differences worth calling out: numbers, names, quoted words. */
  marks: DiffMark[];
}

export interface NotableView {
  kind: DiffMark;
  /** What A says there, and what B says instead ('' when one side has nothing). */
  a: string;
  b: string;
}

export interface WordDiffView {
  parts: DiffPartView[];
  notable: NotableView[];
}

export interface AlignmentLinkView {
  a: LinkSideView;
  b: LinkSideView;
  /** 0..1: how surely the two sides say the same thing. */
  score: number;
  kind: LinkKind;
  diff: WordDiffView;
}

export interface PairView {
  a: string;
  b: string;
  links: AlignmentLinkView[];
  tookMs: number;
}

export interface CompareDocumentView {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
}

export interface StatementSourceView {
  docId: string;
  start: number;
  end: number;
  text: string;
  kind: LinkKind;
}

export interface StatementView {
  id: string;
  /** The statement in the words of its most connected source. */
  text: string;
  /** How many of the matrix's documents carry it. */
  documents: number;
  cells: Record<string, Coverage>;
  sources: StatementSourceView[];
}

export interface MatrixView {
  documents: CompareDocumentView[];
  statements: StatementView[];
}

export interface CounterpartView {
  docId: string;
  title: string;
  start: number;
  end: number;
  text: string;
  score: number;
  kind: LinkKind;
}

const Offset = z.number().int().min(0).max(1_000_000_000);

export const compareContract = {
  /** Sentence links between two documents, with the word differences of each. */
  'compare.pair': op<PairView>()(z.object({ a: DocId, b: DocId }).strict()),
  /** Statements x documents: which document carries which statement, and in whose words. */
  'compare.matrix': op<MatrixView>()(z.object({ docIds: z.array(DocId).min(1).max(500).optional() }).strict()),
  /** Passages in other documents that say what [start, end) of docId says. */
  'compare.counterparts': op<CounterpartView[]>()(
    z
      .object({ docId: DocId, start: Offset, end: Offset })
      .strict()
      .refine((v) => v.end >= v.start, { message: 'end must not be before start', path: ['end'] }),
  ),
} as const;
