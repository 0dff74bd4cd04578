import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelFor, OP_NAMES } from '../../../electron/api/contract.js';
import { createDispatcher } from '../../../electron/api/handlers.js';
import type { Library } from '../../../electron/core/library.js';
import { registerContractIpc, type IpcMainLike } from '../../../electron/main/ipc.js';
import { freshLibrary, snapshot } from '../../helpers/library.js';

// The contract on a stand-in ipcMain, over a real library: what the window's renderer gets
// back for each kind of sender.

type Handler = Parameters<IpcMainLike['handle']>[1];

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  const ipc: IpcMainLike = {
    handle: (channel, fn) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipc, handlers };
}

const mainFrame = { url: 'app://parallax/index.html', parent: null };
const WINDOW_ID = 3;

function invokeEvent(options: { id?: number; frame?: { url: string; parent: unknown } | null } = {}) {
  const frame = options.frame === undefined ? mainFrame : options.frame;
  return { sender: { id: options.id ?? WINDOW_ID, mainFrame }, senderFrame: frame } as never;
}

let lib: Library;
const logs: string[] = [];
let handlers: Map<string, Handler>;
let unregister: () => void;

beforeAll(async () => {
  lib = await freshLibrary();
  const fake = fakeIpc();
  handlers = fake.handlers;
  const dispatcher = createDispatcher(lib, () => {});
  unregister = registerContractIpc(fake.ipc, {
    dispatcher: async () => dispatcher,
    trusted: () => ({ webContentsId: WINDOW_ID }),
    log: (m) => logs.push(m),
  });
});

afterAll(async () => {
  await lib.close();
});

describe('registerContractIpc', () => {
  it('registers exactly one handler per contract operation, on its channel', () => {
    expect([...handlers.keys()].sort()).toEqual(OP_NAMES.map(channelFor).sort());
  });

  it('answers our window through the dispatcher', async () => {
    const result = (await handlers.get(channelFor('docs.list'))!(invokeEvent(), {})) as { ok: boolean; value: unknown[] };
    expect(result.ok).toBe(true);
    expect(result.value).toHaveLength(5);
  });

  it('passes bad input to the dispatcher, which answers INVALID_INPUT naming the field', async () => {
    const result = await handlers.get(channelFor('docs.get'))!(invokeEvent(), { id: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('id') } });
  });

  it('refuses other senders before anything runs, and changes nothing', async () => {
    const before = snapshot(lib);
    const doc = (await handlers.get(channelFor('docs.list'))!(invokeEvent(), {})) as { value: Array<{ id: string }> };
    const id = doc.value[0]!.id;
    const senders = [
      invokeEvent({ id: 99 }),
      invokeEvent({ frame: null }),
      invokeEvent({ frame: { url: 'app://parallax/index.html', parent: mainFrame } }),
      invokeEvent({ frame: { url: 'https://example.org/', parent: null } }),
      invokeEvent({ frame: { url: 'file:///tmp/evil.html', parent: null } }),
    ];
    for (const event of senders) {
      const result = await handlers.get(channelFor('docs.delete'))!(event, { id });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/refused/) } });
    }
    expect(snapshot(lib)).toBe(before);
    expect(logs.filter((l) => l.includes('refused docs.delete'))).toHaveLength(senders.length);
  });

  it('unregisters every channel', () => {
    unregister();
    expect(handlers.size).toBe(0);
  });
});
