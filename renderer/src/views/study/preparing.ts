import { useSyncExternalStore } from 'react';
import { api, notifyChanged, onChanged } from '../../api';
import { CARDS_TOPIC, type StudyStatus } from './types';

// Whether cards are being prepared in the background (study.status), for the Study view's
// "Preparing cards: n of m documents". One poller for the whole app: quick while preparing,
// slow when idle, and soon after the library changed. When a run finishes (or a document's
// cards are ready) the cards topic is notified, so the lists, the session and the badge reload.

const IDLE: StudyStatus = { state: 'idle', done: 0, total: 0, pending: 0, error: null };
const FAST_MS = 700;
const SLOW_MS = 2000;
/** Reload card lists at most this often while a long run reports progress. */
const PROGRESS_RELOAD_MS = 4000;

let status: StudyStatus = IDLE;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastReload = 0;
let started = false;
const listeners = new Set<() => void>();

function set(next: StudyStatus): void {
  const prev = status;
  status = next;
  if (prev.state !== next.state || prev.done !== next.done || prev.total !== next.total || prev.error !== next.error) {
    for (const l of [...listeners]) l();
  }
  const finished = prev.state === 'preparing' && next.state === 'idle';
  const progressed = next.state === 'preparing' && next.done > prev.done && Date.now() - lastReload > PROGRESS_RELOAD_MS;
  if (finished || progressed) {
    lastReload = Date.now();
    notifyChanged(CARDS_TOPIC);
  }
}

async function poll(): Promise<void> {
  timer = null;
  try {
    const res = await api['study.status']({});
    if (res.ok) set(res.value);
  } finally {
    // A failed request (the host restarting, say) must not end the watching.
    schedule(status.state === 'preparing' ? FAST_MS : SLOW_MS);
  }
}

function schedule(ms: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void poll(), ms);
}

/** Start watching (once, from the feature's start-up hook). */
export function watchPreparation(): void {
  if (started) return;
  started = true;
  void poll();
  // An import or a deletion starts a run: look soon.
  onChanged((topic) => {
    if (topic === 'docs') schedule(300);
  });
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function usePreparation(): StudyStatus {
  return useSyncExternalStore(subscribe, () => status);
}
