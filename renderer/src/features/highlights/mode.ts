import { useEffect, useRef } from 'react';
import { createHighlight } from './actions';
import { isHighlightMode, lastColor } from './store';
import type { DocRef, TextRangeRef } from './types';

/**
 * Highlight mode: when a selection is finished (the mouse button goes up, or Shift is released
 * after Shift+arrows), it becomes a highlight in the last colour at once.
 * `current` returns the finished selection of this surface, or null.
 */
export function useHighlightModeCommit(current: () => { doc: DocRef; range: TextRangeRef } | null, clear: () => void): void {
  const currentRef = useRef(current);
  currentRef.current = current;
  const clearRef = useRef(clear);
  clearRef.current = clear;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const commit = () => {
      if (!isHighlightMode()) return;
      clearTimeout(timer);
      // Let the selection settle (and the surface see it) first.
      timer = setTimeout(() => {
        const sel = currentRef.current();
        if (!sel || !sel.range.text.trim()) return;
        clearRef.current();
        void createHighlight(sel.doc, sel.range, lastColor());
      }, 60);
    };
    const onPointerUp = () => commit();
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === 'Shift') commit();
    };
    document.addEventListener('pointerup', onPointerUp);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerup', onPointerUp);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}
