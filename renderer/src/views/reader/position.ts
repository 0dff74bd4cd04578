// The reading position as an anchor in the text (a sentence and how far down it the top of the
// view is), not a scroll offset: it means the same thing at any window width or text size, and
// measuring it right after restoring it gives it back unchanged, so reopening never drifts.
import { domRangeForOffsets, offsetAtLine, visibleBand } from '../../reader/selection';

export interface Anchor {
  /** Start offset of the sentence (or passage) at the top of the view. */
  position: number;
  /** How far down that sentence the top of the view is: 0 its first line, 0.999 its end. */
  within: number;
}

export interface Unit {
  start: number;
  end: number;
}

/** The unit (sentence, else passage) holding `offset`: the last one starting at or before it. */
export function unitAt(units: readonly Unit[], offset: number): Unit | null {
  let lo = 0;
  let hi = units.length - 1;
  let found: Unit | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid].start <= offset) {
      found = units[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? units[0] ?? null;
}

function unitBox(container: Element, unit: Unit): { top: number; height: number } | null {
  const range = domRangeForOffsets(container, unit.start, Math.max(unit.start + 1, unit.end));
  if (!range) return null;
  const rects = Array.from(range.getClientRects()).filter((r) => r.height > 0);
  if (!rects.length) return null;
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  return { top, height: bottom - top };
}

/** The anchor at the top of the view now, or null when nothing is rendered. */
export function measureAnchor(container: Element, units: readonly Unit[]): Anchor | null {
  const { top, scroller } = visibleBand(container);
  if (scroller.scrollTop <= 0) return { position: 0, within: 0 };
  const offset = offsetAtLine(container, top + 1);
  if (offset === null) return null;
  const unit = unitAt(units, offset);
  if (!unit) return null;
  const box = unitBox(container, unit);
  if (!box || box.height <= 0) return { position: unit.start, within: 0 };
  const within = Math.min(0.999, Math.max(0, (top - box.top) / box.height));
  return { position: unit.start, within: Math.round(within * 1000) / 1000 };
}

/**
 * Scroll so the anchor is at the top of the view. Returns the scrollTop set (so the caller can
 * tell its own scroll events from the person's), or null when the anchor is not rendered.
 */
export function scrollToAnchor(container: Element, units: readonly Unit[], anchor: Anchor): number | null {
  const { top, scroller } = visibleBand(container);
  if (anchor.position <= 0 && anchor.within <= 0) {
    scroller.scrollTop = 0;
    return scroller.scrollTop;
  }
  const unit = unitAt(units, anchor.position);
  if (!unit) return null;
  const box = unitBox(container, unit);
  if (!box) return null;
  scroller.scrollTop = scroller.scrollTop + (box.top - top) + anchor.within * box.height;
  return scroller.scrollTop;
}

/**
 * `offset`, or the start of the first rendered passage after it when it falls in text that is
 * not rendered (page furniture kept for provenance), so the reading frontier meets the next
 * text a person can actually see.
 */
export function shownFrom(container: Element, offset: number): number {
  const passages = container.querySelectorAll<HTMLElement>('[data-passage]');
  let lo = 0;
  let hi = passages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Number(passages[mid].dataset.end) > offset) hi = mid;
    else lo = mid + 1;
  }
  const p = passages[lo];
  return p ? Math.max(offset, Number(p.dataset.start)) : offset;
}
