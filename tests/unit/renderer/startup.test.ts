import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

async function fresh() {
  vi.resetModules();
  return import('../../../renderer/src/app/startup.js');
}

describe('start-up order', () => {
  it('holds other work until the view on screen has its data', async () => {
    const { afterViewReady, markViewReady } = await fresh();
    let released = false;
    const waiting = afterViewReady(60_000).then(() => (released = true));
    await Promise.resolve();
    expect(released).toBe(false);
    markViewReady();
    await waiting;
    expect(released).toBe(true);
    // Once ready, later callers go at once.
    await expect(afterViewReady(60_000)).resolves.toBeUndefined();
  });

  it('never waits longer than its limit when no view says it is ready', async () => {
    vi.useFakeTimers();
    const { afterViewReady } = await fresh();
    let released = false;
    void afterViewReady(2500).then(() => (released = true));
    await vi.advanceTimersByTimeAsync(2400);
    expect(released).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(released).toBe(true);
  });
});
