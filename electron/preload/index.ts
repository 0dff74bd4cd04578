// The sandboxed preload: bundled to dist/preload/index.cjs (CommonJS, only 'electron' external).
// It exposes exactly the contract as window.parallax (one method per operation, each a single
// ipcRenderer.invoke on that operation's channel) plus onMenu. Nothing generic crosses:
// no send/invoke/on with a caller-chosen channel, and no Electron objects reach page code.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { decodeOpsArg, isMenuEvent, MENU_CHANNEL, type MenuListener } from './bridge-protocol.js';

const api: Record<string, unknown> = {};

for (const { name, channel } of decodeOpsArg(process.argv)) {
  api[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

api.onMenu = (listener: MenuListener): (() => void) => {
  if (typeof listener !== 'function') throw new TypeError('onMenu needs a function.');
  // The IPC event object (which carries the sender) is never handed to page code.
  const relay = (_event: IpcRendererEvent, payload: unknown): void => {
    if (isMenuEvent(payload)) listener(payload);
  };
  ipcRenderer.on(MENU_CHANNEL, relay);
  return () => {
    ipcRenderer.removeListener(MENU_CHANNEL, relay);
  };
};

contextBridge.exposeInMainWorld('parallax', Object.freeze(api));
