import type { HighlightColor } from './types';

// The one colour list lives in electron/common/highlight-colors.ts; @contract re-exports it.
export { HIGHLIGHT_COLORS, isHighlightColor } from '@contract';

/** Label and keyboard digit of each colour, in palette order. */
export const COLOR_INFO: Record<HighlightColor, { label: string; key: string }> = {
  yellow: { label: 'Yellow', key: '1' },
  green: { label: 'Green', key: '2' },
  blue: { label: 'Blue', key: '3' },
  pink: { label: 'Pink', key: '4' },
  purple: { label: 'Purple', key: '5' },
};
