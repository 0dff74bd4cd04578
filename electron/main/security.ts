// The session and web-contents locks. Everything the window may do that is not reading our
// own files is refused here: remote requests, permissions, navigation, new windows, webviews.
// Only types come from Electron, so a fake session exercises this in unit tests.

import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, isAllowedRequestUrl, isRendererUrl, isSafeExternalUrl } from '../common/web-policy.js';

type Log = (message: string) => void;

const CSP_HEADER = 'Content-Security-Policy';

/** The response's headers with any CSP it brought replaced by ours. */
export function withOurPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() !== CSP_HEADER.toLowerCase()) out[k] = v;
  out[CSP_HEADER] = [CONTENT_SECURITY_POLICY];
  return out;
}

export function hardenSession(session: Session, log: Log): void {
  // Offline by construction: anything that is not our origin, in-page data or devtools is
  // cancelled before a connection is made.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log(`[parallax] blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });

  // Our protocol handler already sends the CSP; this covers any response that reaches the
  // network stack's header phase, so no page in this session runs without it.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withOurPolicy(details.responseHeaders) });
  });

  // The reader needs no camera, microphone, location, notifications, clipboard reads, MIDI,
  // HID, serial, USB or fullscreen requests from page code: deny them all, ask nobody.
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`[parallax] denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  // Chromium's spellchecker fetches dictionaries from a Google server; keep it off.
  session.setSpellCheckerEnabled(false);
}

export interface WebContentsGuards {
  /** shell.openExternal; called only from openExternallyIfSafe, after the URL check. */
  openInBrowser(url: string): Promise<void>;
  log: Log;
}

/** Open a URL in the system browser only if it is a plain http(s) link. */
export function openExternallyIfSafe(url: string, guards: WebContentsGuards): void {
  if (!isSafeExternalUrl(url)) {
    guards.log(`[parallax] refused to open ${url.slice(0, 200)}`);
    return;
  }
  guards.openInBrowser(url).catch((e: unknown) => guards.log(`[parallax] could not open ${url.slice(0, 200)}: ${String(e)}`));
}

/** Applied to every WebContents the app creates (our window, devtools, anything else). */
export function hardenWebContents(contents: WebContents, guards: WebContentsGuards): void {
  // The page never navigates: the renderer routes in-page. A link to the web opens in the
  // system browser (after the URL check); every other navigation is dropped.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternallyIfSafe(event.url, guards);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isRendererUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isRendererUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternallyIfSafe(url, guards);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
