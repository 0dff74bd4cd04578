// Reading progress is what was read, not where the scrollbar last was. The reader keeps a
// frontier: the furthest offset reached by reading. Every half second the view is sampled; a
// sample counts when the view moved less than about one screen since the last sample (so the
// text was on screen for a moment, not flown past) and its top is at or before the frontier
// (it carries on from what was read). Then the frontier moves to the bottom of the view. One
// jump to the end moves nothing; paging, scrolling and reading down the text move it on.

export interface ViewSample {
  /** Offset of the first character on screen. */
  top: number;
  /** Offset of the last line on screen (the end of the text when the end shows). */
  bottom: number;
}

export const SAMPLE_MS = 500;

/** Change topic notified once a reader's position and progress are saved (the library listens). */
export const READING_TOPIC = 'reading';

/** The frontier after one sample, given the previous sample (null at the first). */
export function advanceFrontier(frontier: number, previous: ViewSample | null, now: ViewSample): number {
  if (!previous) return frontier;
  const screen = Math.max(1, now.bottom - now.top, previous.bottom - previous.top);
  const steady = Math.abs(now.top - previous.top) <= screen;
  if (!steady || now.top > frontier) return frontier;
  return Math.max(frontier, now.bottom);
}

/** Progress (0..1) for a frontier in a text of `length` characters. */
export function progressOf(frontier: number, length: number): number {
  if (length <= 0) return 0;
  return Math.min(1, Math.max(0, frontier / length));
}

/** The frontier stored progress stands for (the inverse of progressOf). */
export function frontierOf(progress: number, length: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * length);
}
