import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore, type RefObject } from 'react';
import type { Decoration } from '../../reader/decorations';
import { selectionToRange, toolbarPosition } from '../../reader/selection';
import { registerShortcut } from '../../app/shortcuts';
import { copyWithCitation, createHighlight } from './actions';
import { COLOR_INFO, HIGHLIGHT_COLORS } from './colors';
import { highlightDecorations } from './decorations';
import { useHighlightModeCommit } from './mode';
import { lastColor, openPopover, usePopover } from './store';
import { useDocHighlights } from './useDocHighlights';
import type { DocRef, HighlightColor, TextRangeRef } from './types';

// Highlight surfaces other than the reader (the compare columns): a view registers each text
// container with its document; the overlay shows the selection bar for selections inside one.

const surfaces = new Map<HTMLElement, DocRef>();
let version = 0;
const listeners = new Set<() => void>();
const emit = () => {
  version++;
  listeners.forEach((l) => l());
};

/**
 * Make a container showing a document's text (rendered by PassageText) a highlight surface:
 * returns the decorations to pass to PassageText, and gives selections inside it the
 * highlight bar (five colours, note, copy with citation) and highlight mode.
 */
export function useHighlightSurface(ref: RefObject<HTMLElement | null>, doc: DocRef | null): Decoration[] {
  const { placed } = useDocHighlights(doc?.id ?? null);
  const popover = usePopover();
  useEffect(() => {
    const el = ref.current;
    if (!el || !doc) return;
    surfaces.set(el, doc);
    emit();
    return () => {
      surfaces.delete(el);
      emit();
    };
  }, [ref, doc]);
  const openId = popover?.highlightId ?? null;
  return useMemo(() => (doc ? highlightDecorations(placed, doc, openId) : []), [placed, doc, openId]);
}

function surfaceSelection(): { doc: DocRef; range: TextRangeRef; rect: DOMRect } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  for (const [el, doc] of surfaces) {
    if (!el.isConnected) continue;
    const range = selectionToRange(el, sel);
    if (range) return { doc, range, rect: sel.getRangeAt(0).getBoundingClientRect() };
  }
  return null;
}

function useSurfacesVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
}

/** Rendered once by the overlay: the bar over a selection in any registered surface. */
export function SurfaceSelectionBar() {
  const v = useSurfacesVersion();
  const [current, setCurrent] = useState<ReturnType<typeof surfaceSelection>>(null);

  useEffect(() => {
    if (surfaces.size === 0) {
      setCurrent(null);
      return;
    }
    const update = () => setCurrent(surfaceSelection());
    update();
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [v]);

  useHighlightModeCommit(
    () => {
      const s = surfaceSelection();
      return s ? { doc: s.doc, range: s.range } : null;
    },
    () => window.getSelection()?.removeAllRanges(),
  );

  const act = async (color: HighlightColor | 'note' | 'copy') => {
    const s = current ?? surfaceSelection();
    if (!s) return;
    if (color === 'copy') {
      await copyWithCitation(s.range.text, s.doc);
      return;
    }
    window.getSelection()?.removeAllRanges();
    const made = await createHighlight(s.doc, s.range, color === 'note' ? lastColor() : color);
    if (made && color === 'note') {
      openPopover({
        highlightId: made.id,
        doc: s.doc,
        anchor: { top: s.rect.top, left: s.rect.left, bottom: s.rect.bottom, right: s.rect.right },
        mode: 'note',
        returnFocus: null,
      });
    }
  };

  useEffect(() => {
    if (!current) return;
    const offs = [
      ...HIGHLIGHT_COLORS.map((c) => registerShortcut({ keys: COLOR_INFO[c].key, description: `Highlight the selection in ${COLOR_INFO[c].label.toLowerCase()}`, run: () => void act(c) })),
      registerShortcut({ keys: 'h', description: 'Highlight the selection (last colour)', run: () => void act(lastColor()) }),
      registerShortcut({ keys: 'n', description: 'Highlight the selection and add a note', run: () => void act('note') }),
      registerShortcut({ keys: 'c', description: 'Copy the selection with its citation', run: () => void act('copy') }),
    ];
    return () => offs.forEach((off) => off());
  });

  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    if (!current) return setPos(null);
    setPos(toolbarPosition(current.rect));
  }, [current]);

  if (!current || !pos) return null;
  return (
    <div className="selection-toolbar hl-selection-bar" role="toolbar" aria-label="Highlight the selection" style={{ top: pos.top, left: pos.left }}>
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className={`hl-swatch hl-swatch-${c}`}
          aria-label={`Highlight ${COLOR_INFO[c].label.toLowerCase()}`}
          title={`Highlight ${COLOR_INFO[c].label.toLowerCase()} (${COLOR_INFO[c].key})`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void act(c)}
        />
      ))}
      <button type="button" className="btn btn-sm btn-secondary" onMouseDown={(e) => e.preventDefault()} onClick={() => void act('note')} title="Highlight and add a note (N)">
        Note
      </button>
      <button type="button" className="btn btn-sm btn-secondary" onMouseDown={(e) => e.preventDefault()} onClick={() => void act('copy')} title="Copy with citation (C)">
        Copy
      </button>
    </div>
  );
}
