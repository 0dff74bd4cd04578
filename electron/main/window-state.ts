// The window's size and place, remembered in userData/window-state.json. No Electron import:
// main passes in the displays' work areas, so parsing and fitting are tested in Node.

import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  width: number;
  height: number;
  /** Absent when the saved place is not on any current display (the OS centres the window). */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_SIZE = { width: 760, height: 520 } as const;
export const DEFAULT_SIZE = { width: 1200, height: 820 } as const;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A saved state from untrusted JSON (hand-edited, truncated, from another machine), or null. */
export function parseWindowState(json: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!finite(r.width) || !finite(r.height)) return null;
  const state: WindowState = { width: Math.round(r.width), height: Math.round(r.height), maximized: r.maximized === true };
  if (finite(r.x) && finite(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Make a saved state fit today's displays: never smaller than the minimum, never larger than
 * the biggest work area, and placed only where a good part of the title area is visible.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const largest = workAreas.reduce<Rect | null>((best, a) => (!best || a.width * a.height > best.width * best.height ? a : best), null);
  const maxW = Math.max(MIN_SIZE.width, largest?.width ?? DEFAULT_SIZE.width);
  const maxH = Math.max(MIN_SIZE.height, largest?.height ?? DEFAULT_SIZE.height);
  const base = state ?? { ...DEFAULT_SIZE, maximized: false };
  const out: WindowState = {
    width: Math.min(Math.max(base.width, MIN_SIZE.width), maxW),
    height: Math.min(Math.max(base.height, MIN_SIZE.height), maxH),
    maximized: base.maximized,
  };
  if (base.x !== undefined && base.y !== undefined) {
    // The top strip (where the title bar is) must be mostly on a display, or the window
    // could open somewhere the person cannot grab it (a monitor since unplugged).
    const titleStrip: Rect = { x: base.x, y: base.y, width: out.width, height: 48 };
    const visible = workAreas.some((a) => overlap(titleStrip, a) >= Math.min(titleStrip.width, 200) * 24);
    if (visible) {
      out.x = base.x;
      out.y = base.y;
    }
  }
  return out;
}

export function loadWindowState(dir: string, workAreas: readonly Rect[]): WindowState {
  let saved: WindowState | null;
  try {
    saved = parseWindowState(fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    saved = null;
  }
  return fitToDisplays(saved, workAreas);
}

/** Write through a temporary file and rename, so a crash never leaves half a file. */
export function saveWindowState(dir: string, state: WindowState): void {
  const file = path.join(dir, WINDOW_STATE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(state) + '\n');
    fs.renameSync(tmp, file);
  } catch {
    // Losing the window's place is not worth interrupting the person for.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/** Calls fn at most once per `ms` after the last trigger; flush() runs a pending call now. */
export function debounce(fn: () => void, ms: number): { trigger(): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    trigger() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, ms);
    },
    flush() {
      if (!timer) return;
      clearTimeout(timer);
      timer = null;
      fn();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
