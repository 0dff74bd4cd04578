import type { MouseEvent } from 'react';
import type { Decoration } from '../../reader/decorations';
import { COLOR_INFO } from './colors';
import { openPopover } from './store';
import type { DocRef, HighlightView } from './types';

const excerpt = (s: string, n = 80): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/** Open the popover of the highlight under a click (unless the click ended a text selection). */
function onHighlightClick(doc: DocRef, event: MouseEvent<HTMLElement>, decoration: Decoration): void {
  const sel = window.getSelection();
  if (sel && !sel.isCollapsed && sel.toString().trim()) return;
  const id = decoration.attrs?.['data-highlight-id'];
  if (!id) return;
  const el = event.target instanceof Element ? event.target.closest(`[data-highlight-id="${CSS.escape(id)}"]`) : null;
  const r = (el ?? event.currentTarget).getBoundingClientRect();
  openPopover({
    highlightId: id,
    doc,
    anchor: { top: r.top, left: r.left, bottom: r.bottom, right: r.right },
    mode: 'view',
    returnFocus: document.activeElement instanceof HTMLElement ? document.activeElement : null,
  });
}

/**
 * Decorations for PassageText: one per placed highlight, coloured by class `hl hl-<colour>`,
 * carrying data-highlight-id; overlapping highlights nest (the later-starting one inside),
 * and their translucent colours add up where they overlap.
 */
export function highlightDecorations(highlights: readonly HighlightView[], doc: DocRef, openId: string | null = null): Decoration[] {
  return highlights
    .filter((h) => !h.orphan && h.end > h.start)
    .map((h) => ({
      key: `hl-${h.id}`,
      start: h.start,
      end: h.end,
      className: `hl hl-${h.color}${h.note ? ' hl-noted' : ''}${h.id === openId ? ' hl-open' : ''}`,
      attrs: {
        'data-highlight-id': h.id,
        'data-color': h.color,
        title: h.note ? `${COLOR_INFO[h.color].label} highlight. Note: ${excerpt(h.note)}` : `${COLOR_INFO[h.color].label} highlight (click to edit)`,
      },
      onClick: (e, d) => onHighlightClick(doc, e, d),
    }));
}
