import type { Db } from '../db/open.js';

// Cross-feature API of electron/core/annotate (STUB: the annotate feature replaces the body;
// the signature is relied on by study).

export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';

export interface HighlightRecord {
  id: string;
  docId: string;
  start: number;
  end: number;
  exact: string;
  color: HighlightColor;
  note: string | null;
  orphan: boolean;
}

export function listHighlights(_db: Db, _filter: { docId?: string } = {}): HighlightRecord[] {
  return [];
}
