import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { registerShortcut } from '../../app/shortcuts';
import type { Decoration } from '../../reader/decorations';
import { registerReaderExtension, type ReaderContext, type SelectionAction } from '../../reader/extensions';
import type { TextRange } from '../../reader/selection';
import { copyWithCitation, createHighlight } from './actions';
import { COLOR_INFO, HIGHLIGHT_COLORS } from './colors';
import { highlightDecorations } from './decorations';
import { docRefOf, HighlightsPanel } from './HighlightsPanel';
import { useHighlightModeCommit } from './mode';
import { closePopover, lastColor, openPopover, usePopover } from './store';
import { useDocHighlights } from './useDocHighlights';
import type { HighlightColor } from './types';

function selectionRect(): { top: number; left: number; bottom: number; right: number } {
  const sel = window.getSelection();
  const r = sel && sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : null;
  return r ? { top: r.top, left: r.left, bottom: r.bottom, right: r.right } : { top: 120, left: 120, bottom: 140, right: 300 };
}

async function highlightSelection(ctx: ReaderContext, range: TextRange, color: HighlightColor, withNote = false): Promise<void> {
  const anchor = selectionRect();
  ctx.clearSelection();
  const made = await createHighlight(ctx.doc, range, color);
  if (made && withNote) {
    openPopover({ highlightId: made.id, doc: docRefOf(ctx.doc), anchor, mode: 'note', returnFocus: document.querySelector<HTMLElement>('.reader-scroll') });
  }
}

/** The reader's highlights: decorations, plus highlight mode and the H key while text is selected. */
function useReaderHighlights(ctx: ReaderContext): readonly Decoration[] {
  const doc = useMemo(() => docRefOf(ctx.doc), [ctx.doc]);
  const { placed } = useDocHighlights(ctx.doc.id);
  const openId = usePopover()?.highlightId ?? null;
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;

  useHighlightModeCommit(
    () => {
      const c = ctxRef.current;
      return c.selection ? { doc: docRefOf(c.doc), range: c.selection } : null;
    },
    () => ctxRef.current.clearSelection(),
  );

  const hasSelection = ctx.selection !== null;
  // A layout effect, so the key works as soon as the selection toolbar is on screen.
  useLayoutEffect(() => {
    if (!hasSelection) return;
    return registerShortcut({
      keys: 'h',
      description: 'Highlight the selection (last colour)',
      run: () => {
        const c = ctxRef.current;
        if (c.selection) void highlightSelection(c, c.selection, lastColor());
      },
    });
  }, [hasSelection]);

  // Leaving the document closes its popover.
  useEffect(() => () => closePopover(), [ctx.doc.id]);

  return useMemo(() => highlightDecorations(placed, doc, openId), [placed, doc, openId]);
}

const colorActions: SelectionAction[] = HIGHLIGHT_COLORS.map((c) => ({
  id: `highlight-${c}`,
  // The label starts with "Highlight <colour>": highlights.css draws these buttons as swatches.
  label: `Highlight ${COLOR_INFO[c].label.toLowerCase()}`,
  shortcut: COLOR_INFO[c].key,
  run: (ctx, range) => highlightSelection(ctx, range, c),
}));

export function registerHighlightsInReader(): void {
  registerReaderExtension({
    id: 'highlights',
    useDecorations: useReaderHighlights,
    panel: { title: 'Highlights', order: 10, Component: HighlightsPanel },
    selectionActions: [
      ...colorActions,
      { id: 'highlight-note', label: 'Note', shortcut: 'n', run: (ctx, range) => highlightSelection(ctx, range, lastColor(), true) },
      { id: 'highlight-copy', label: 'Copy with citation', shortcut: 'c', run: (ctx, range) => copyWithCitation(range.text, ctx.doc) },
    ],
  });
}
