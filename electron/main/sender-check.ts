// Who may call the contract over IPC. Pure, so it is tested without Electron; ipc.ts gathers
// the facts from the IPC event and asks here.

import { isRendererUrl } from '../common/web-policy.js';

export interface SenderFacts {
  /** event.sender.id: the WebContents the message came from. */
  webContentsId: number;
  /** event.senderFrame; null when the frame has gone (navigated away or destroyed). */
  frame: {
    url: string;
    /** The frame is event.sender.mainFrame (no parent): not an iframe. */
    isMainFrame: boolean;
  } | null;
}

export interface TrustedWindow {
  /** The id of our one window's WebContents, or null before it exists. */
  webContentsId: number | null;
}

/**
 * null when the call came from the main frame of our window showing our renderer
 * (app://parallax/...); otherwise a short reason, logged by main and never acted on.
 */
export function senderRejection(facts: SenderFacts, trusted: TrustedWindow): string | null {
  if (trusted.webContentsId === null) return 'no Parallax window is open';
  if (facts.webContentsId !== trusted.webContentsId) return `unknown web contents ${facts.webContentsId}`;
  if (!facts.frame) return 'the sending frame no longer exists';
  if (!facts.frame.isMainFrame) return 'the call came from a subframe';
  if (!isRendererUrl(facts.frame.url)) return `the frame is not showing the Parallax renderer (${facts.frame.url.slice(0, 80)})`;
  return null;
}
