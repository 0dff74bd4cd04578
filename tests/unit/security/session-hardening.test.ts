import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { hardenSession, hardenWebContents, withOurPolicy } from '../../../electron/main/security.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/common/web-policy.js';

// A stand-in for the parts of Electron's Session and WebContents that security.ts touches,
// recording the handlers it installs so the test can call them the way Electron would.

type Fn = (...args: never[]) => unknown;

function fakeSession() {
  const h: Record<string, Fn> = {};
  let spellcheck = true;
  const session = {
    webRequest: {
      onBeforeRequest: (fn: Fn) => (h.beforeRequest = fn),
      onHeadersReceived: (fn: Fn) => (h.headersReceived = fn),
    },
    setPermissionRequestHandler: (fn: Fn) => (h.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Fn) => (h.permissionCheck = fn),
    setDevicePermissionHandler: (fn: Fn) => (h.devicePermission = fn),
    setSpellCheckerEnabled: (on: boolean) => (spellcheck = on),
  };
  return { session: session as unknown as Session, h, spellcheck: () => spellcheck };
}

function fakeContents() {
  const on: Record<string, Fn> = {};
  let openHandler: Fn | null = null;
  const contents = {
    on: (event: string, fn: Fn) => {
      on[event] = fn;
      return contents;
    },
    setWindowOpenHandler: (fn: Fn) => (openHandler = fn),
  };
  return { contents: contents as unknown as WebContents, on, open: () => openHandler! };
}

const navEvent = (url: string, isMainFrame = true) => {
  const e = { url, isMainFrame, prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
};

describe('hardenSession', () => {
  it('cancels every request that is not local, and lets ours through', () => {
    const { session, h } = fakeSession();
    const logs: string[] = [];
    hardenSession(session, (m) => logs.push(m));
    const decide = (url: string) => {
      let answer: { cancel?: boolean } = {};
      (h.beforeRequest as unknown as (d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void)({ url }, (r) => (answer = r));
      return answer.cancel;
    };
    expect(decide('app://parallax/index.html')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    expect(decide('https://fonts.googleapis.com/css')).toBe(true);
    expect(decide('http://127.0.0.1:3000/')).toBe(true);
    expect(decide('file:///etc/hosts')).toBe(true);
    expect(logs.some((l) => l.includes('fonts.googleapis.com'))).toBe(true);
  });

  it('puts our CSP on responses, replacing any other in any letter case', () => {
    const { session, h } = fakeSession();
    hardenSession(session, () => {});
    let headers: Record<string, string[]> = {};
    (h.headersReceived as unknown as (d: object, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withOurPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('denies every permission request and check, and turns the spellchecker off', () => {
    const { session, h, spellcheck } = fakeSession();
    hardenSession(session, () => {});
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | null = null;
      (h.permissionRequest as unknown as (wc: unknown, p: string, cb: (g: boolean) => void) => void)({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect((h.permissionCheck as unknown as (wc: unknown, p: string) => boolean)(null, permission)).toBe(false);
    }
    expect((h.devicePermission as unknown as () => boolean)()).toBe(false);
    expect(spellcheck()).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function setup() {
    const { contents, on, open } = fakeContents();
    const opened: string[] = [];
    const logs: string[] = [];
    hardenWebContents(contents, { openInBrowser: async (url) => void opened.push(url), log: (m) => logs.push(m) });
    return { on, open, opened, logs };
  }

  it('blocks every navigation; web links go to the system browser instead', () => {
    const { on, opened } = setup();
    const web = navEvent('https://www.nato.int/');
    on['will-navigate']!(web as never);
    expect(web.prevented).toBe(true);
    const local = navEvent('file:///home/me/secret.html');
    on['will-navigate']!(local as never);
    expect(local.prevented).toBe(true);
    const ours = navEvent('app://parallax/index.html');
    on['will-navigate']!(ours as never);
    expect(ours.prevented).toBe(true);
    expect(opened).toEqual(['https://www.nato.int/']);
  });

  it('blocks subframes and redirects that leave our origin', () => {
    const { on } = setup();
    const frame = navEvent('https://example.org/', false);
    on['will-frame-navigate']!(frame as never);
    expect(frame.prevented).toBe(true);
    const redirect = navEvent('https://example.org/');
    on['will-redirect']!(redirect as never);
    expect(redirect.prevented).toBe(true);
    const webview = navEvent('');
    on['will-attach-webview']!(webview as never);
    expect(webview.prevented).toBe(true);
  });

  it('denies every new window and opens only safe links externally', () => {
    const { open, opened, logs } = setup();
    for (const url of ['https://example.org/a', 'javascript:alert(1)', 'file:///etc/passwd', 'app://parallax/index.html']) {
      expect(open()({ url } as never)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.org/a']);
    expect(logs.filter((l) => l.includes('refused to open'))).toHaveLength(3);
  });
});
