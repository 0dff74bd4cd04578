import type { DocSummary, Result } from '@contract';
import { api } from '../../api';

// The library's list is asked for at start-up, while the Library view's code is still loading,
// so the list does not wait for the code and then for the answer, one after the other.

let pending: Promise<Result<DocSummary[]>> | null = null;

/** Start asking for the list (start-up on the library route). */
export function prefetchLibrary(): void {
  pending ??= api['docs.list']({});
}

/** The prefetched answer, handed out once; after that (reloads) the view asks itself. */
export function takePrefetchedLibrary(): Promise<Result<DocSummary[]>> | null {
  const p = pending;
  pending = null;
  return p;
}
