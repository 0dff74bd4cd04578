import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  debounce,
  DEFAULT_SIZE,
  fitToDisplays,
  loadWindowState,
  MIN_SIZE,
  parseWindowState,
  saveWindowState,
  WINDOW_STATE_FILE,
} from '../../../electron/main/window-state.js';
import { tempDir } from '../../helpers/library.js';

// (Main-process module; kept with the shell's other tests.)

const LAPTOP = { x: 0, y: 0, width: 1440, height: 900 };
const RIGHT_MONITOR = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('parseWindowState', () => {
  it('reads a saved state and rounds it', () => {
    expect(parseWindowState('{"x":10.4,"y":20,"width":1000.6,"height":700,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1001,
      height: 700,
      maximized: true,
    });
  });

  it('refuses broken or hostile files', () => {
    for (const json of ['', '{', 'null', '[]', '{"width":"1000","height":700}', '{"width":1e400,"height":700}', '{"height":700}']) {
      expect(parseWindowState(json), json).toBeNull();
    }
    expect(parseWindowState('{"width":900,"height":600,"x":"1"}')).toEqual({ width: 900, height: 600, maximized: false });
  });
});

describe('fitToDisplays', () => {
  it('uses the default size, centred by the OS, when nothing was saved', () => {
    expect(fitToDisplays(null, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('keeps a place that is still on a display', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(saved, [LAPTOP, RIGHT_MONITOR])).toEqual(saved);
  });

  it('drops the place when its display is gone, and shrinks to fit what is left', () => {
    const saved = { x: 1600, y: 100, width: 2400, height: 1300, maximized: false };
    expect(fitToDisplays(saved, [LAPTOP])).toEqual({ width: 1440, height: 900, maximized: false });
  });

  it('never goes below the minimum size, nor above the title bar', () => {
    expect(fitToDisplays({ width: 10, height: 10, maximized: false }, [LAPTOP])).toMatchObject(MIN_SIZE);
    expect(fitToDisplays({ x: 100, y: -500, width: 900, height: 700, maximized: false }, [LAPTOP]).x).toBeUndefined();
  });
});

describe('saving and loading', () => {
  it('round-trips through the JSON file and survives a corrupt one', () => {
    const dir = tempDir('parallax-window-');
    const state = { x: 40, y: 50, width: 1000, height: 720, maximized: false };
    saveWindowState(dir, state);
    expect(loadWindowState(dir, [LAPTOP])).toEqual(state);
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"x":');
    expect(loadWindowState(dir, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('does not throw when the folder cannot be written', () => {
    const dir = tempDir('parallax-window-');
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, 'x');
    expect(() => saveWindowState(path.join(blocker, 'sub'), { width: 900, height: 600, maximized: false })).not.toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('debounce', () => {
  afterEach(() => vi.useRealTimers());

  it('saves once after the moves stop, and flush saves at once', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 400);
    d.trigger();
    vi.advanceTimersByTime(300);
    d.trigger();
    vi.advanceTimersByTime(300);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
    d.trigger();
    d.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    d.flush();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
