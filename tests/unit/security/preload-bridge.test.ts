import { build } from 'esbuild';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelFor, OP_NAMES } from '../../../electron/api/contract.js';
import { preloadOpsArgument } from '../../../electron/main/ipc.js';
import { decodeOpsArg, encodeOpsArg, isMenuEvent, MENU_CHANNEL, type MenuEvent } from '../../../electron/preload/bridge-protocol.js';
import { REPO_ROOT } from '../../helpers/library.js';

// The preload is bundled exactly as scripts/build.mjs does it and run in a VM with a fake
// 'electron' module, the way Electron runs a sandboxed preload: one CommonJS file whose only
// require is 'electron', with process.argv carrying main's additionalArguments.

type Listener = (event: unknown, payload: unknown) => void;

interface Harness {
  exposed: Array<[string, Record<string, unknown>]>;
  invoked: Array<[string, unknown]>;
  listeners: Map<string, Set<Listener>>;
  required: string[];
}

let bundle = '';

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'electron/preload/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
});

function runPreload(argv: string[]): Harness {
  const h: Harness = { exposed: [], invoked: [], listeners: new Map(), required: [] };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: Record<string, unknown>) => h.exposed.push([key, api]),
    },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        h.invoked.push([channel, input]);
        return Promise.resolve({ ok: true, value: channel });
      },
      on: (channel: string, fn: Listener) => {
        if (!h.listeners.has(channel)) h.listeners.set(channel, new Set());
        h.listeners.get(channel)!.add(fn);
      },
      removeListener: (channel: string, fn: Listener) => h.listeners.get(channel)?.delete(fn),
    },
  };
  const module = { exports: {} };
  const sandbox = {
    module,
    exports: module.exports,
    process: { argv },
    require: (id: string) => {
      h.required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    },
  };
  vm.runInNewContext(bundle, sandbox, { filename: 'index.cjs' });
  return h;
}

const argvWithOps = () => ['/path/to/electron', '--type=renderer', preloadOpsArgument()];

describe('the preload bundle', () => {
  it('is one small file that requires only electron (no zod, no contract runtime)', () => {
    const h = runPreload(argvWithOps());
    expect([...new Set(h.required)]).toEqual(['electron']);
    expect(bundle.length).toBeLessThan(20_000);
    expect(bundle).not.toMatch(/zod|ZodError/);
  });

  it('exposes window.parallax with exactly one method per contract operation, plus onMenu', () => {
    const h = runPreload(argvWithOps());
    expect(h.exposed.map(([k]) => k)).toEqual(['parallax']);
    const api = h.exposed[0]![1];
    expect(Object.keys(api).sort()).toEqual([...OP_NAMES, 'onMenu'].sort());
    for (const key of Object.keys(api)) expect(typeof api[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method to its own channel with the input untouched', async () => {
    const h = runPreload(argvWithOps());
    const api = h.exposed[0]![1] as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of OP_NAMES) {
      const input = { probe: name };
      await expect(api[name]!(input)).resolves.toEqual({ ok: true, value: channelFor(name) });
      expect(h.invoked.at(-1)).toEqual([channelFor(name), input]);
    }
    expect(h.invoked).toHaveLength(OP_NAMES.length);
  });

  it('exposes no operations when main passed none (nothing generic to fall back on)', () => {
    const h = runPreload(['/path/to/electron']);
    expect(Object.keys(h.exposed[0]![1])).toEqual(['onMenu']);
  });

  it('relays well-formed menu events without the IPC event, and unsubscribes', () => {
    const h = runPreload(argvWithOps());
    const api = h.exposed[0]![1] as { onMenu: (fn: (e: MenuEvent) => void) => () => void };
    const seen: unknown[][] = [];
    const off = api.onMenu((...args) => seen.push(args));
    const relay = [...h.listeners.get(MENU_CHANNEL)!][0]!;
    const ipcEvent = { sender: { secret: true }, senderId: 0 };
    relay(ipcEvent, { kind: 'command', command: 'search.open' });
    relay(ipcEvent, { kind: 'command', command: 'rm -rf' });
    relay(ipcEvent, 'not an event');
    relay(ipcEvent, { kind: 'imported', result: { ok: true, value: [] } });
    expect(seen).toEqual([[{ kind: 'command', command: 'search.open' }], [{ kind: 'imported', result: { ok: true, value: [] } }]]);
    off();
    expect(h.listeners.get(MENU_CHANNEL)!.size).toBe(0);
    expect(() => api.onMenu('nope' as never)).toThrow('onMenu needs a function.');
  });
});

describe('the operations argument', () => {
  it('round-trips every contract operation and channel', () => {
    const ops = OP_NAMES.map((name) => ({ name, channel: channelFor(name) }));
    expect(decodeOpsArg(['x', encodeOpsArg(ops)])).toEqual(ops);
  });

  it('drops malformed, duplicate and reserved entries', () => {
    const raw = (value: unknown) => `--parallax-ops=${encodeURIComponent(JSON.stringify(value))}`;
    expect(decodeOpsArg([raw([['docs.list', 'parallax:docs.list'], ['docs.list', 'parallax:docs.get']])])).toEqual([
      { name: 'docs.list', channel: 'parallax:docs.list' },
    ]);
    expect(decodeOpsArg([raw([['onMenu', 'parallax:onMenu']])])).toEqual([]);
    expect(decodeOpsArg([raw([['docs.list', 'ELECTRON_BROWSER_REQUIRE']])])).toEqual([]);
    expect(decodeOpsArg([raw([['__proto__', 'parallax:x'], ['constructor.x', 'parallax:y']])])).toEqual([
      { name: 'constructor.x', channel: 'parallax:y' },
    ]);
    expect(decodeOpsArg([raw({ a: 1 })])).toEqual([]);
    expect(decodeOpsArg(['--parallax-ops=%E0%A4%A'])).toEqual([]);
    expect(() => encodeOpsArg([{ name: 'docs.list', channel: 'other:docs.list' }])).toThrow();
  });

  it('accepts only the defined menu events', () => {
    expect(isMenuEvent({ kind: 'command', command: 'theme.dark' })).toBe(true);
    expect(isMenuEvent({ kind: 'command', command: 'theme.neon' })).toBe(false);
    expect(isMenuEvent({ kind: 'imported', result: null })).toBe(false);
    expect(isMenuEvent(null)).toBe(false);
  });
});
