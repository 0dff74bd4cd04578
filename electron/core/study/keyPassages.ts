import type { Db } from '../db/open.js';
import { ParallaxError } from '../errors.js';
import { getDocumentMeta } from '../corpus/store.js';
import { analyseLibrary } from './analysis.js';
import type { KeyPassage } from './types.js';

// The key passages of a document, ranked, with why each was picked. Boilerplate is never key.

/** A sentence needs at least this score to count as key. */
export const KEY_THRESHOLD = 2;

export function keyPassages(db: Db, docId: string, options: { limit?: number; all?: boolean } = {}): KeyPassage[] {
  if (!getDocumentMeta(db, docId)) throw new ParallaxError('NOT_FOUND', `No document with id ${docId} is in the library.`);
  const doc = analyseLibrary(db).docById.get(docId);
  if (!doc) return [];
  const ranked = doc.units
    .filter((u) => !u.unit.boilerplate && (options.all || u.score >= KEY_THRESHOLD))
    .sort((a, b) => b.score - a.score || a.unit.start - b.unit.start)
    .slice(0, options.limit ?? 15);
  return ranked.map((u) => ({
    docId,
    start: u.unit.start,
    end: u.unit.end,
    text: u.unit.text,
    score: u.score,
    reasons: u.reasons,
    sourceDocs: u.sourceDocs,
    sentenceIndexes: u.unit.sentenceIndexes,
  }));
}
