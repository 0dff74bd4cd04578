import { OP_NAMES, type OpName, type ParallaxApi, type Result } from '@contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload: exactly the contract, nothing else. */
    parallax?: ParallaxApi;
  }
}

type AnyCall = (input: unknown) => Promise<Result<unknown>>;

/** The token the browser host put in the first URL; sent as a header besides the cookie. */
let hostToken: string | null = null;

/**
 * Read `?token=` from the address (browser host only) and remove it from the address bar so it
 * is not left in history or screenshots; the host has also set a same-site cookie for reloads.
 */
export function takeTokenFromLocation(loc: Location = window.location, hist: History = window.history): void {
  const params = new URLSearchParams(loc.search);
  const token = params.get('token');
  if (!token) return;
  hostToken = token;
  params.delete('token');
  const search = params.toString();
  hist.replaceState(hist.state, '', `${loc.pathname}${search ? `?${search}` : ''}${loc.hash}`);
}

/** 64 KiB of UTF-8 holds at least this many UTF-16 characters. */
const KEEPALIVE_MAX_CHARS = 16_000;

function transportError(message: string): Result<never> {
  return { ok: false, error: { code: 'IO_ERROR', message } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

function httpCall(name: OpName): AnyCall {
  return async (input) => {
    let response: Response;
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (hostToken) headers['x-parallax-token'] = hostToken;
      const payload = JSON.stringify(input ?? {});
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers,
        credentials: 'same-origin',
        body: payload,
        // A small call made as the page goes away (a reload, a closed tab: the last scroll
        // position, an open list) still reaches the host; browsers cap such bodies at 64 KiB.
        keepalive: payload.length <= KEEPALIVE_MAX_CHARS,
      });
    } catch {
      return transportError('Parallax could not reach its library. Is `npm run serve` still running?');
    }
    if (response.status === 403) {
      return transportError('This page is not authorised. Open the address printed by `npm run serve` (it includes the token).');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return transportError(`The library answered with something unreadable (HTTP ${response.status}).`);
    }
    return isResult(body) ? body : transportError(`The library answered with something unexpected (HTTP ${response.status}).`);
  };
}

function ipcCall(bridge: ParallaxApi, name: OpName): AnyCall {
  return async (input) => {
    const fn = (bridge as unknown as Record<string, AnyCall | undefined>)[name];
    if (typeof fn !== 'function') return transportError(`This version of Parallax does not offer “${name}”.`);
    try {
      return await fn(input);
    } catch {
      return transportError(`The app could not run “${name}”. Try again, or restart Parallax.`);
    }
  };
}

/** Build the api object: one async method per contract operation, over IPC or HTTP. */
export function createApi(bridge: ParallaxApi | undefined = typeof window !== 'undefined' ? window.parallax : undefined): ParallaxApi {
  const table: Record<string, AnyCall> = {};
  for (const name of OP_NAMES) table[name] = bridge ? ipcCall(bridge, name) : httpCall(name);
  return table as unknown as ParallaxApi;
}

export const transport: 'electron' | 'http' = typeof window !== 'undefined' && window.parallax ? 'electron' : 'http';

export const api: ParallaxApi = createApi();
