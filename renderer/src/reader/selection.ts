// Mapping between DOM positions and document offsets. PassageText guarantees: every element
// with data-start holds, as its text content, exactly text.slice(data-start, data-end).
import { snapToWords } from './words.js';

/** A range of the document's text. */
export interface TextRange {
  start: number;
  end: number;
  text: string;
}

const documentTexts = new WeakMap<Element, string>();

/** Called by PassageText so selections can return the document's own text. */
export function registerDocumentText(root: Element, text: string): void {
  documentTexts.set(root, text);
}

function offsetHolder(node: Node, container: Element): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  const holder = el?.closest<HTMLElement>('[data-start]') ?? null;
  return holder && container.contains(holder) ? holder : null;
}

function textNodesOf(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Document offset of character `offset` inside text node `node`, or null if outside any passage. */
function textPointToOffset(container: Element, node: Text, offset: number): number | null {
  const holder = offsetHolder(node, container);
  if (!holder) return null;
  let base = Number(holder.dataset.start);
  if (!Number.isFinite(base)) return null;
  if (node.parentElement !== holder) {
    for (const t of textNodesOf(holder)) {
      if (t === node) break;
      base += t.length;
    }
  }
  return base + Math.min(offset, node.length);
}

/** Text nodes of the container that lie inside passages, in document order. */
function passageTextNodes(container: Element): Text[] {
  return textNodesOf(container).filter((t) => offsetHolder(t, container) !== null);
}

/**
 * A DOM point -> document offset. For element points (or points between passages), `bias`
 * says which way to look for the nearest text: 'forward' for a range's start, 'backward'
 * for its end.
 */
export function pointToOffset(container: Element, node: Node, offset: number, bias: 'forward' | 'backward' = 'forward'): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const direct = textPointToOffset(container, node as Text, offset);
    if (direct !== null) return direct;
  }
  const nodes = passageTextNodes(container);
  if (!nodes.length) return null;
  // Compare the point with each text node's start to find its neighbours.
  const probe = document.createRange();
  probe.setStart(node, Math.min(offset, node.nodeType === Node.TEXT_NODE ? (node as Text).length : node.childNodes.length));
  let before: Text | null = null;
  let after: Text | null = null;
  for (const t of nodes) {
    const cmp = probe.comparePoint(t, 0);
    if (cmp >= 0) {
      after = t;
      break;
    }
    before = t;
  }
  if (bias === 'forward') {
    if (after) return textPointToOffset(container, after, 0);
    return before ? textPointToOffset(container, before, before.length) : null;
  }
  if (before) return textPointToOffset(container, before, before.length);
  return after ? textPointToOffset(container, after, 0) : null;
}

function documentTextFor(container: Element): string | null {
  if (documentTexts.has(container)) return documentTexts.get(container) ?? null;
  const root = container.querySelector('[data-passage-root]');
  return root ? (documentTexts.get(root) ?? null) : null;
}

/** The current selection inside `container` as document offsets (null if none there). */
export function selectionToRange(container: Element, selection: Selection | null = window.getSelection()): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const startInside = container.contains(range.startContainer);
  const endInside = container.contains(range.endContainer);
  const start = startInside ? pointToOffset(container, range.startContainer, range.startOffset, 'forward') : pointToOffset(container, container, 0, 'forward');
  const end = endInside
    ? pointToOffset(container, range.endContainer, range.endOffset, 'backward')
    : pointToOffset(container, container, container.childNodes.length, 'backward');
  if (start === null || end === null || end <= start) return null;
  const text = documentTextFor(container);
  return { start, end, text: text !== null ? text.slice(start, end) : range.toString() };
}

/** The DOM range covering document offsets [start, end), clipped to what is rendered. */
export function domRangeForOffsets(container: Element, start: number, end: number): Range | null {
  let startPoint: [Text, number] | null = null;
  let endPoint: [Text, number] | null = null;
  for (const t of passageTextNodes(container)) {
    const s = textPointToOffset(container, t, 0);
    if (s === null) continue;
    const e = s + t.length;
    if (!startPoint && start < e && end > s) startPoint = [t, Math.max(0, start - s)];
    if (startPoint && s < end) endPoint = [t, Math.min(t.length, end - s)];
    if (s >= end) break;
  }
  if (!startPoint || !endPoint) return null;
  const range = document.createRange();
  range.setStart(startPoint[0], startPoint[1]);
  range.setEnd(endPoint[0], endPoint[1]);
  return range;
}

export function scrollParentOf(el: Element): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const style = getComputedStyle(p);
    if (/(auto|scroll)/.test(style.overflowY) && p.scrollHeight > p.clientHeight) return p;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/**
 * Scroll so that `offset` sits near the top third of the scrolling area. Returns false when
 * the offset is not rendered.
 */
export function scrollToOffset(container: Element, offset: number, options: { smooth?: boolean; end?: number } = {}): boolean {
  const range = domRangeForOffsets(container, offset, Math.max(offset + 1, options.end ?? offset + 1));
  if (!range) return false;
  const rect = range.getBoundingClientRect();
  const scroller = scrollParentOf(container);
  const box = scroller === document.scrollingElement ? { top: 0, height: window.innerHeight } : scroller.getBoundingClientRect();
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const target = scroller.scrollTop + (rect.top - box.top) - box.height * 0.25;
  scroller.scrollTo({ top: Math.max(0, target), behavior: options.smooth && !reduced ? 'smooth' : 'auto' });
  return true;
}

/** The visible band of `container`'s scroller, in viewport coordinates. */
export function visibleBand(container: Element): { top: number; bottom: number; scroller: HTMLElement } {
  const scroller = scrollParentOf(container);
  if (scroller === document.scrollingElement) return { top: 0, bottom: window.innerHeight, scroller };
  const r = scroller.getBoundingClientRect();
  return { top: r.top, bottom: r.top + scroller.clientHeight, scroller };
}

/**
 * The document offset of the first character of the line at viewport height `y` (or of the
 * passage that starts below `y`, when `y` falls between passages). Null if nothing is rendered.
 */
export function offsetAtLine(container: Element, y: number): number | null {
  const passages = Array.from(container.querySelectorAll<HTMLElement>('[data-passage]'));
  if (!passages.length) return null;
  let lo = 0;
  let hi = passages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (passages[mid].getBoundingClientRect().bottom > y) hi = mid;
    else lo = mid + 1;
  }
  const p = passages[lo];
  const rect = p.getBoundingClientRect();
  const start = Number(p.dataset.start);
  if (rect.top >= y || rect.bottom <= y) return rect.bottom <= y ? Number(p.dataset.end) : start;
  // Inside the passage: the character at the start of that line.
  const caret = document.caretRangeFromPoint?.(rect.left + 2, y);
  if (caret && p.contains(caret.startContainer)) {
    const o = pointToOffset(container, caret.startContainer, caret.startOffset, 'forward');
    if (o !== null) return o;
  }
  return start;
}

/** The document offset at the top of the visible area (a line counts once most of it shows). */
export function offsetAtTop(container: Element): number | null {
  return offsetAtLine(container, visibleBand(container).top + 12);
}

/**
 * The offset where the last line on screen starts (the text before it was all on screen), or
 * the end of the text when the last passage's end is visible.
 */
export function offsetAtBottom(container: Element, textLength: number): number | null {
  const { bottom } = visibleBand(container);
  const passages = container.querySelectorAll<HTMLElement>('[data-passage]');
  const last = passages[passages.length - 1];
  if (!last) return null;
  if (last.getBoundingClientRect().bottom <= bottom + 1) return textLength;
  return offsetAtLine(container, bottom - 4);
}

/**
 * After a mouse drag, widen the selection to whole words (see words.ts). Returns true when the
 * selection was changed. The caller skips this when the person holds Alt (exact range).
 */
export function snapSelectionToWords(container: Element, locale?: string, selection: Selection | null = window.getSelection()): boolean {
  const current = selectionToRange(container, selection);
  const text = documentTextFor(container);
  if (!current || !selection || text === null) return false;
  const snapped = snapToWords(text, current.start, current.end, locale);
  if (snapped.start === current.start && snapped.end === current.end) return false;
  const range = domRangeForOffsets(container, snapped.start, snapped.end);
  if (!range) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * Where a floating toolbar for a selection goes (fixed position, centred on `left`): above
 * the selection, or below it when there is no room above; always inside the window.
 */
export function toolbarPosition(rect: { top: number; bottom: number; left: number; width: number }, height = 46, halfWidth = 190): { top: number; left: number } {
  const above = rect.top - height;
  const top = above >= 60 ? above : Math.min(rect.bottom + 8, window.innerHeight - height - 4);
  const left = Math.min(Math.max(rect.left + rect.width / 2, halfWidth + 8), window.innerWidth - halfWidth - 8);
  return { top: Math.max(8, Math.min(top, window.innerHeight - height - 4)), left };
}
