import type { HighlightColor } from './types';

export const HIGHLIGHT_COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

/** Label and keyboard digit of each colour, in palette order. */
export const COLOR_INFO: Record<HighlightColor, { label: string; key: string }> = {
  yellow: { label: 'Yellow', key: '1' },
  green: { label: 'Green', key: '2' },
  blue: { label: 'Blue', key: '3' },
  pink: { label: 'Pink', key: '4' },
  purple: { label: 'Purple', key: '5' },
};

export const isHighlightColor = (c: unknown): c is HighlightColor => typeof c === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(c);
