import type { Db } from '../../db/open.js';
import { followHighlights } from '../cards.js';
import { pendingGeneration, refreshGeneratedCards, type RefreshOptions, type SyncSummary } from '../sync.js';

// The one entry to card generation for the background worker and the CLI: the generator's
// incremental refresh (core/study/sync.ts: per changed document, cross-document cards only
// for what changed), after cards made from highlights have followed their highlight into a
// new version of its document. pendingGeneration (reads only) says how much is out of date.

export type { RefreshOptions };
export { pendingGeneration };

/** Bring the generated cards up to date for the changed documents (all stale ones when omitted). Idempotent. */
export function refreshCards(db: Db, options: RefreshOptions = {}): SyncSummary {
  if (options.shouldStop?.()) return { added: 0, updated: 0, removed: 0, kept: 0, total: 0 };
  followHighlights(db);
  return refreshGeneratedCards(db, options);
}

export function listDocumentIds(db: Db): string[] {
  return (db.prepare('SELECT id FROM documents ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
}
