import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BROWSER_HOST_HEADERS, CONTENT_SECURITY_POLICY, LOOPBACK_HOST_NAMES, SECURITY_HEADERS as APP_SECURITY_HEADERS } from '../common/web-policy.js';

/**
 * Response headers on every answer: the host-neutral policy (electron/common/web-policy.ts,
 * one policy for both hosts: nothing from any other origin) plus the browser-only headers.
 */
export const CSP = CONTENT_SECURITY_POLICY;

export const SECURITY_HEADERS: Record<string, string> = {
  ...Object.fromEntries(Object.entries({ ...APP_SECURITY_HEADERS, ...BROWSER_HOST_HEADERS }).map(([k, v]) => [k.toLowerCase(), v])),
  'content-security-policy': CSP,
};

export function tokensEqual(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/**
 * The Host header must name this server (DNS rebinding: a page on evil.example that resolves
 * to 127.0.0.1 would send Host: evil.example).
 */
export function hostAllowed(req: IncomingMessage, allowedHosts: ReadonlySet<string>): boolean {
  const host = req.headers.host?.toLowerCase();
  return !!host && allowedHosts.has(host);
}

/** A cross-site request says where it comes from; only our own origins may call the api. */
export function originAllowed(req: IncomingMessage, allowedHosts: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && allowedHosts.has(u.host.toLowerCase());
  } catch {
    return false;
  }
}

/** host:port spellings a browser may use for this server. */
export function allowedHostsFor(bindHost: string, port: number): Set<string> {
  const names = new Set(LOOPBACK_HOST_NAMES);
  const bare = bindHost.replace(/^\[|\]$/g, '').toLowerCase();
  names.add(bare.includes(':') ? `[${bare}]` : bare);
  return new Set([...names].map((n) => `${n}:${port}`));
}
