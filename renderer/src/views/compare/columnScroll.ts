import type { DocDetail } from '@contract';
import type { Alignment } from './alignment';
import type { ColumnPosition } from './lastComparison';

// Measuring and moving the compare columns: where a sentence is in its column, how to bring
// another column level with the one being read (by alignment, not by pixels), and a column's
// position as text (a passage and a distance into it) so it survives leaving the view.

/** Where on the screen the statement being read sits (a share of the column's height). */
export const READING_LINE = 0.3;

export function topWithin(scroller: HTMLElement, el: Element): number {
  return el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

export function sentenceElement(scroller: HTMLElement | null | undefined, index: number): HTMLElement | null {
  return scroller?.querySelector<HTMLElement>(`[data-cmp-s="${index}"], [data-cmp-only="${index}"]`) ?? null;
}

/** Sentence.index of the sentence starting at (or containing) `start`. */
export function sentenceIndexAt(doc: DocDetail, start: number): number | null {
  const s = doc.sentences.find((x) => x.start <= start && start < x.end) ?? doc.sentences.find((x) => x.start >= start);
  return s ? s.index : null;
}

/** The column whose linked sentence has the keyboard focus, or -1. */
export function focusedColumn(scrollers: ReadonlyArray<HTMLElement | null>): number {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.matches('[data-cmp-s]')) return -1;
  return scrollers.findIndex((s) => s?.contains(active) ?? false);
}

export const smooth = (): ScrollBehavior => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

/**
 * Scroll every other column so that the partners of what sits on column `from`'s reading line
 * sit level with it: between two linked pairs told in the same order, proportionally.
 */
export function followColumn(alignment: Alignment, scrollers: ReadonlyArray<HTMLElement | null>, from: number, behavior: ScrollBehavior = 'auto'): void {
  const lead = scrollers[from];
  if (!lead) return;
  const line = lead.scrollTop + lead.clientHeight * READING_LINE;
  scrollers.forEach((other, to) => {
    if (to === from || !other) return;
    const anchors: Array<{ lead: number; other: number }> = [];
    for (const l of alignment.links) {
      if (!(l.cols.includes(from) && l.cols.includes(to))) continue;
      const mine = l.cols[0] === from ? l.sides[0] : l.sides[1];
      const theirs = l.cols[0] === from ? l.sides[1] : l.sides[0];
      const a = sentenceElement(lead, mine.sentenceIndexes[0]);
      const b = sentenceElement(other, theirs.sentenceIndexes[0]);
      if (a && b) anchors.push({ lead: topWithin(lead, a), other: topWithin(other, b) });
    }
    if (!anchors.length) return;
    anchors.sort((x, y) => x.lead - y.lead);
    let before = anchors[0];
    let after: typeof before | null = null;
    for (const a of anchors) {
      if (a.lead <= line) before = a;
      else {
        after = a;
        break;
      }
    }
    let target = before.other + (line - before.lead);
    if (after && before.lead <= line && after.other > before.other) {
      const t = (line - before.lead) / Math.max(1, after.lead - before.lead);
      target = before.other + t * (after.other - before.other);
    }
    other.scrollTo({ top: Math.max(0, target - other.clientHeight * READING_LINE), behavior });
  });
}

/** The passage at the top of a column and how far the column is scrolled into it. */
export function readPosition(scroller: HTMLElement): ColumnPosition | null {
  const passages = scroller.querySelectorAll<HTMLElement>('[data-passage]');
  if (!passages.length) return null;
  const top = scroller.getBoundingClientRect().top;
  let chosen = passages[0];
  for (const p of passages) {
    if (p.getBoundingClientRect().top - top > 1) break;
    chosen = p;
  }
  return { offset: Number(chosen.dataset.start), delta: scroller.scrollTop - topWithin(scroller, chosen) };
}

/** Put a column back where `readPosition` found it (true if the passage is there). */
export function restorePosition(scroller: HTMLElement, pos: ColumnPosition): boolean {
  const el = scroller.querySelector<HTMLElement>(`[data-passage][data-start="${pos.offset}"]`);
  if (!el) return false;
  scroller.scrollTop = Math.max(0, topWithin(scroller, el) + pos.delta);
  return true;
}
