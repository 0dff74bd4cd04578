// Start-up order: the view on screen asks for its own data first and paints it; work for other
// places (top-bar badges, which ask the study feature) waits until that view says it has painted
// its data, or at most MAX_WAIT_MS (for views that never say so). So a slow study request can
// never sit in front of the library's list, in the browser's queue or the library process's.

const MAX_WAIT_MS = 8000;

let ready = false;
const waiting = new Set<() => void>();

/** Called by a view once its main content (the library list, a document, the notes) is on screen. */
export function markViewReady(): void {
  if (ready) return;
  ready = true;
  for (const w of waiting) w();
  waiting.clear();
}

/** Resolves once the first view has painted its data (or after MAX_WAIT_MS, whichever is first). */
export function afterViewReady(maxWaitMs = MAX_WAIT_MS): Promise<void> {
  if (ready) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve();
    };
    const timer = setTimeout(done, maxWaitMs);
    waiting.add(done);
  });
}
