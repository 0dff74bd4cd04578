import { getSetting, setSetting } from '../../app/settings';

// The last comparison (documents, mode, where each column was scrolled to, which "only here"
// lists are open), so that the Compare tab, Back from a passage, and a reload all return to it.
// Kept in memory for the session and in the library's settings (written once scrolling settles)
// across restarts.

const KEY = 'compare.last';
const WRITE_AFTER_MS = 600;

/** Where a column is: the passage at its top (by document offset) and how far into it, in px. */
export interface ColumnPosition {
  offset: number;
  delta: number;
}

export interface SavedComparison {
  docIds: string[];
  mode: 'columns' | 'matrix';
  diff: boolean;
  /** One per column (columns mode). */
  positions: ColumnPosition[];
  /** The pane shown when only one fits (narrow windows). */
  active: number;
  /** Scroll position of the coverage matrix. */
  matrixTop: number;
  /** The columns whose "only here" list is open. */
  onlyHere: number[];
}

let memory: SavedComparison | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** Settings come from a file on disk: keep only a well-formed record. */
function parse(raw: string | undefined): SavedComparison | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof SavedComparison, unknown>>;
    if (!Array.isArray(v.docIds) || !v.docIds.every((d) => typeof d === 'string')) return null;
    const positions = Array.isArray(v.positions)
      ? v.positions.flatMap((p: unknown) => {
          const q = p as Partial<ColumnPosition> | null;
          return q && isCount(q.offset) && typeof q.delta === 'number' && Number.isFinite(q.delta) ? [{ offset: q.offset, delta: q.delta }] : [];
        })
      : [];
    return {
      docIds: v.docIds,
      mode: v.mode === 'matrix' ? 'matrix' : 'columns',
      diff: v.diff === true,
      positions,
      active: isCount(v.active) ? Math.floor(v.active) : 0,
      matrixTop: isCount(v.matrixTop) ? v.matrixTop : 0,
      onlyHere: Array.isArray(v.onlyHere) ? v.onlyHere.filter((c: unknown): c is number => isCount(c) && Number.isInteger(c)) : [],
    };
  } catch {
    return null;
  }
}

export function lastComparison(): SavedComparison | null {
  return memory ?? parse(getSetting(KEY));
}

const sameDocs = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Note a change to the comparison. Positions, pane and matrix scroll carry over while the
 * documents stay the same; a new set of documents starts at the top.
 */
export function rememberComparison(patch: Partial<SavedComparison> & { docIds: string[] }): void {
  const prev = lastComparison();
  const keep = prev && sameDocs(prev.docIds, patch.docIds) ? prev : null;
  memory = {
    mode: keep?.mode ?? 'columns',
    diff: keep?.diff ?? false,
    positions: keep?.positions ?? [],
    active: keep?.active ?? 0,
    matrixTop: keep?.matrixTop ?? 0,
    onlyHere: keep?.onlyHere ?? [],
    ...patch,
  };
  clearTimeout(timer);
  const value = JSON.stringify(memory);
  timer = setTimeout(() => {
    timer = undefined;
    void setSetting(KEY, value);
  }, WRITE_AFTER_MS);
}

// Leaving or reloading the page: write what is pending now (the local copy is synchronous).
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    if (timer === undefined || !memory) return;
    clearTimeout(timer);
    timer = undefined;
    void setSetting(KEY, JSON.stringify(memory));
  });
}

/** The saved positions, if they belong to exactly these documents in this order. */
export function savedFor(docIds: readonly string[]): SavedComparison | null {
  const last = lastComparison();
  return last && sameDocs(last.docIds, docIds) ? last : null;
}
