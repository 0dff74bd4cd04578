// The app://parallax/ protocol handler's body: map a request to a file inside dist/renderer,
// or refuse. No Electron import (protocol.handle just calls this), so traversal and headers
// are unit-tested in Node with the global Request/Response.

import fs from 'node:fs/promises';
import path from 'node:path';
import { mimeTypeFor } from '../common/content-types.js';
import { APP_HOST, APP_SCHEME, SECURITY_HEADERS } from '../common/web-policy.js';

// One table of content types for both hosts of the renderer (electron/common).
export { mimeTypeFor } from '../common/content-types.js';

/** Headers on every response from our origin; the CSP here is what Chromium enforces. */
export function responseHeaders(contentType: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-cache' };
}

/**
 * The file a request URL names inside root, or null when it is not ours or would leave root.
 * "/" and extension-less paths (client-side routes) resolve to index.html.
 */
export function resolveRendererFile(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.length === 0 || !path.extname(segments[segments.length - 1]!)) return path.join(root, 'index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (!file.startsWith(base + path.sep)) return null;
  return file;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}

/** Answer one app:// request from the files in root (read-only, GET/HEAD only). */
export async function serveRendererRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveRendererFile(root, request.url);
  if (!file) return plain(404, 'Not found');
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return plain(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: responseHeaders(mimeTypeFor(file)),
  });
}
