import type { MouseEvent } from 'react';

/** Something drawn over a range of a document's text, without touching the text itself. */
export interface Decoration {
  /** Stable and unique among the decorations passed together. */
  key: string;
  start: number;
  end: number;
  className?: string;
  /** Only data-*, aria-* and title are applied. */
  attrs?: Record<string, string>;
  onClick?: (event: MouseEvent<HTMLElement>, decoration: Decoration) => void;
}

export interface Segment {
  start: number;
  end: number;
  /** Covering decorations, outermost first. */
  decorations: Decoration[];
}

/**
 * Split [from, to) at every decoration boundary. Each segment lists the decorations covering
 * it, ordered so that earlier-starting (then longer) decorations wrap later ones; this keeps
 * the nesting the same across segments of one decoration.
 */
export function segmentRange(from: number, to: number, decorations: readonly Decoration[]): Segment[] {
  const inside = decorations
    .filter((d) => d.end > from && d.start < to && d.end > d.start)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.start - b.d.start || b.d.end - a.d.end || a.i - b.i)
    .map((x) => x.d);
  if (!inside.length) return [{ start: from, end: to, decorations: [] }];
  const cuts = new Set<number>([from, to]);
  for (const d of inside) {
    cuts.add(Math.max(from, d.start));
    cuts.add(Math.min(to, d.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    out.push({ start, end, decorations: inside.filter((d) => d.start <= start && d.end >= end) });
  }
  return out;
}

const ALLOWED_ATTR = /^(data-[a-z0-9-]+|aria-[a-z]+|title)$/;

export function safeAttrs(attrs: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!attrs) return out;
  for (const [k, v] of Object.entries(attrs)) {
    if (ALLOWED_ATTR.test(k) && k !== 'data-start' && k !== 'data-end' && k !== 'data-deco') out[k] = v;
  }
  return out;
}
