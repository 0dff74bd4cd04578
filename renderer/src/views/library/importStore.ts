import { useSyncExternalStore } from 'react';
import type { ImportOutcome } from '@contract';

// The last import's per-file outcomes, kept outside the Library view so an import finished
// elsewhere (the desktop app's File > Import… menu) shows up there too.

let results: ImportOutcome[] | null = null;
const listeners = new Set<() => void>();

export function setImportResults(next: ImportOutcome[] | null): void {
  results = next;
  for (const l of [...listeners]) l();
}

export function useImportResults(): ImportOutcome[] | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => results,
  );
}

// Progress of the import under way (files sent so far of all), for the Library's progress bar.
export interface ImportProgress {
  done: number;
  total: number;
}

let progress: ImportProgress | null = null;
const progressListeners = new Set<() => void>();

export function setImportProgress(next: ImportProgress | null): void {
  progress = next;
  for (const l of [...progressListeners]) l();
}

export function useImportProgress(): ImportProgress | null {
  return useSyncExternalStore(
    (l) => {
      progressListeners.add(l);
      return () => progressListeners.delete(l);
    },
    () => progress,
  );
}
