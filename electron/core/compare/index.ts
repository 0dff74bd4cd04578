import type { Db } from '../db/open.js';
import type { Span } from '../types.js';

// Cross-feature API of electron/core/compare (STUB: the compare feature replaces the bodies;
// the signatures are relied on by annotate and study).

export type LinkKind = 'same' | 'variant';

export interface StatementSource {
  docId: string;
  start: number;
  end: number;
  text: string;
  kind: LinkKind;
}

export interface Statement {
  id: string;
  sources: StatementSource[];
}

export interface Counterpart {
  docId: string;
  start: number;
  end: number;
  text: string;
  score: number;
  kind: LinkKind;
}

/** Statements (clusters of linked sentences) across the whole library, most widely carried first. */
export function getStatements(_db: Db): Statement[] {
  return [];
}

/** Sentences in other documents that say what [span] of docId says. */
export function findCounterparts(_db: Db, _docId: string, _span: Span): Counterpart[] {
  return [];
}
