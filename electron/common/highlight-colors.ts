// The five highlight colours, in palette order: the one list. Host-neutral and pure, so the
// contract (z.enum), core (validation, W3C export) and the renderer (palette) share it; the
// contract re-exports it as part of the api's vocabulary.

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

const COLOR_SET: ReadonlySet<string> = new Set(HIGHLIGHT_COLORS);

export const isHighlightColor = (c: unknown): c is HighlightColor => typeof c === 'string' && COLOR_SET.has(c);
