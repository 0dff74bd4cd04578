import type { HighlightRecord } from '../../annotate/index.js';
import type { UnitInfo } from '../analysis.js';

// Phase 5: siblings. Cards that share a sentence, a statement group or a highlight answer each
// other, so a session never shows two of them on one day. Keys: `s:<docId>:<sentenceIndex>`,
// `g:<statementGroupId>`, `h:<highlightId>`.

export function sentenceKeys(u: UnitInfo): string[] {
  return u.unit.sentenceIndexes.map((i) => `s:${u.unit.docId}:${i}`);
}

export function groupKey(groupId: string): string {
  return `g:${groupId}`;
}

export function highlightKeys(u: UnitInfo, highlights: readonly HighlightRecord[]): string[] {
  return highlights.filter((h) => !h.orphan && h.docId === u.unit.docId && h.start < u.unit.end && u.unit.start < h.end).map((h) => `h:${h.id}`);
}

/** Every sibling key of a card made from these units (and statement groups), sorted, unique. */
export function siblingKeys(units: readonly UnitInfo[], groupIds: readonly string[], highlights: readonly HighlightRecord[]): string[] {
  const keys = new Set<string>();
  for (const u of units) {
    for (const k of sentenceKeys(u)) keys.add(k);
    for (const k of highlightKeys(u, highlights)) keys.add(k);
  }
  for (const g of groupIds) keys.add(groupKey(g));
  return [...keys].sort();
}
