import { useSyncExternalStore } from 'react';
import { api } from '../api/client';

// Settings live in the library (settings.get / settings.set) so they follow the data folder;
// a copy in localStorage lets the first paint use the right theme before the library answers.

const LOCAL_PREFIX = 'parallax.setting.';
let values: Record<string, string> = {};
/** Keys changed in this session: the library's copy, when it arrives late, must not undo them. */
const changedHere = new Set<string>();
const listeners = new Set<() => void>();

function readLocal(): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(LOCAL_PREFIX)) out[k.slice(LOCAL_PREFIX.length)] = localStorage.getItem(k) ?? '';
    }
  } catch {
    // Storage may be unavailable (privacy mode); the library copy still works.
  }
  return out;
}

function writeLocal(key: string, value: string): void {
  try {
    localStorage.setItem(LOCAL_PREFIX + key, value);
  } catch {
    // See readLocal.
  }
}

function emit(): void {
  for (const l of [...listeners]) l();
}

if (typeof window !== 'undefined') values = readLocal();

/** Fetch the library's settings once at start-up (the library copy wins over the local one). */
export async function loadSettings(): Promise<void> {
  const res = await api['settings.get']({});
  if (!res.ok) return;
  const fromLibrary = Object.entries(res.value).filter(([k]) => !changedHere.has(k));
  values = { ...values, ...Object.fromEntries(fromLibrary) };
  for (const [k, v] of fromLibrary) writeLocal(k, v);
  emit();
}

export function getSetting(key: string): string | undefined {
  return values[key];
}

/** Change a setting now (optimistically) and store it in the library. */
export async function setSetting(key: string, value: string): Promise<void> {
  changedHere.add(key);
  values = { ...values, [key]: value };
  writeLocal(key, value);
  emit();
  await api['settings.set']({ key, value });
}

export function subscribeSettings(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useSetting(key: string, fallback: string): string {
  return useSyncExternalStore(subscribeSettings, () => values[key] ?? fallback);
}
