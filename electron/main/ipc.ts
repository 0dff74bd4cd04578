// The contract on ipcMain: one handler per operation, on the channel channelFor(name) makes.
// Each handler first checks who is asking, then hands the input to the shared dispatcher,
// which validates it (INVALID_INPUT) exactly as for the browser host and the CLI.

import type { IpcMainInvokeEvent } from 'electron';
import { channelFor, OP_NAMES } from '../api/contract.js';
import type { Dispatcher } from '../api/handlers.js';
import { fail, type Result } from '../api/result.js';
import { encodeOpsArg } from '../preload/bridge-protocol.js';
import { senderRejection, type SenderFacts, type TrustedWindow } from './sender-check.js';

/** The part of ipcMain used here (a fake stands in for it in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The part of an invoke event the sender check reads. */
export type InvokeEventLike = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function senderFactsOf(event: InvokeEventLike): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame && !frame.parent } : null,
  };
}

/** The argument that tells the sandboxed preload which operations and channels exist. */
export function preloadOpsArgument(): string {
  return encodeOpsArg(OP_NAMES.map((name) => ({ name, channel: channelFor(name) })));
}

export interface ContractIpcOptions {
  /** Resolves once the library is open; calls wait for it. */
  dispatcher: () => Promise<Dispatcher>;
  trusted: () => TrustedWindow;
  log?: (message: string) => void;
}

/** Register every operation; returns a function that removes them again. */
export function registerContractIpc(ipc: IpcMainLike, options: ContractIpcOptions): () => void {
  const log = options.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const channels: string[] = [];
  for (const name of OP_NAMES) {
    const channel = channelFor(name);
    ipc.handle(channel, async (event, input): Promise<Result<unknown>> => {
      const rejection = senderRejection(senderFactsOf(event), options.trusted());
      if (rejection) {
        log(`[parallax] refused ${name} over IPC: ${rejection}`);
        return fail('INVALID_INPUT', 'This request did not come from the Parallax window, so it was refused.');
      }
      const dispatcher = await options.dispatcher();
      return dispatcher.call(name, input);
    });
    channels.push(channel);
  }
  return () => {
    for (const c of channels) ipc.removeHandler(c);
  };
}
