// Host-neutral web policy: what the renderer may load, talk to and open, whichever host serves
// it. Pure (no Electron, no Node import), so the Electron shell (electron/main), the browser host
// (electron/serve) and the renderer build (renderer/vite.config.ts) all import this one module.

/**
 * The renderer is served from a privileged custom scheme, app://parallax/, not file://.
 * With file:// every local file shares the page's "origin", so 'self' in the CSP and the
 * sender check would cover the whole disk; app://parallax/ is a real, standard, secure origin
 * whose handler serves only the files inside dist/renderer.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'parallax';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Headers every response from our origin carries (the app:// handler and the browser host). */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// The policy, kept as one literal assigned here so that the security scan (electronegativity)
// evaluates the real string. No remote origin appears anywhere: the app is offline. Inline
// scripts and inline <style> are refused too; React's style props go through the CSSOM and
// are not affected.
SECURITY_HEADERS['Content-Security-Policy'] =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'none'; object-src 'none'; worker-src 'self'; frame-src 'none'; child-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

export const CONTENT_SECURITY_POLICY: string = SECURITY_HEADERS['Content-Security-Policy']!;

/**
 * Headers the browser host adds to SECURITY_HEADERS: a browser tab can be framed and asked for
 * devices, which the Electron window never is.
 */
export const BROWSER_HOST_HEADERS: Readonly<Record<string, string>> = {
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

/** Host names a browser may use for a loopback server (the browser host's allowed origins). */
export const LOOPBACK_HOST_NAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** For <meta http-equiv="Content-Security-Policy"> in renderer/index.html: frame-ancestors
 * is dropped because browsers ignore it (with a console warning) in a meta element. */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split(';')
  .map((d) => d.trim())
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL on our renderer's origin (app://parallax/...), and nothing else. */
export function isRendererUrl(url: string): boolean {
  const u = parse(url);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port;
}

/**
 * The session's request filter: the app is offline by construction, so only our own origin,
 * in-page data (data:, blob: of our origin) and the developer tools may load. Everything else,
 * http(s) and ws(s) included, is cancelled before it leaves the machine.
 */
export function isAllowedRequestUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  switch (u.protocol) {
    case `${APP_SCHEME}:`:
      return isRendererUrl(url);
    case 'data:':
      return true;
    case 'blob:':
      return isRendererUrl(url.slice('blob:'.length));
    case 'devtools:':
    case 'chrome-devtools:':
      return true;
    default:
      return false;
  }
}

/**
 * Links a person clicks that point outside the app open in the system browser, and only
 * plain http(s) URLs with a host and no embedded credentials; anything else (file:, javascript:,
 * custom schemes that launch other programs, smb: shares) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  const u = parse(url);
  if (!u) return false;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (!u.hostname || u.username || u.password) return false;
  return true;
}
