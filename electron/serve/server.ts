import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type Result } from '../api/result.js';
import { errorStack } from '../core/errors.js';
import { allowedHostsFor, hostAllowed, originAllowed, parseCookies, SECURITY_HEADERS, tokensEqual } from './security.js';
import { mimeFor, resolveStatic } from './static.js';

/** What the host needs from the api layer (the dispatcher satisfies it). */
export interface ApiBackend {
  callByName(name: string, input: unknown): Promise<Result<unknown>>;
}

export interface HostOptions {
  backend: ApiBackend;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** Largest JSON body accepted, in bytes. */
  maxBodyBytes?: number;
  log?: (message: string) => void;
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** Imports carry whole files as base64 (up to 30 MB of text per file in the contract). */
export const DEFAULT_MAX_BODY = 64 * 1024 * 1024;
const TOKEN_HEADER = 'x-parallax-token';

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, text + '\n', 'text/plain; charset=utf-8');
}

type Body = { ok: true; data: Buffer } | { ok: false; tooLarge: true };

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve({ ok: true, data: Buffer.concat(chunks) });
    });
    req.on('error', reject);
  });
}

/**
 * The browser host: the built renderer and the contract over HTTP, for this machine only.
 * Every request must carry the token (in the first URL, then as a same-site cookie or a
 * header); the Host header must name this server; api calls are JSON POSTs from our origin.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = options.log ?? ((m: string) => process.stderr.write(m + '\n'));
  let allowedHosts = new Set<string>();
  let cookieName = 'parallax_token';

  const authorised = (req: IncomingMessage, url: URL): 'query' | 'other' | null => {
    if (tokensEqual(url.searchParams.get('token'), token)) return 'query';
    const header = req.headers[TOKEN_HEADER];
    if (typeof header === 'string' && tokensEqual(header, token)) return 'other';
    if (tokensEqual(parseCookies(req.headers.cookie).get(cookieName), token)) return 'other';
    return null;
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, opName: string) => {
    if (req.method !== 'POST') {
      send(res, 405, JSON.stringify(fail('INVALID_INPUT', 'Api calls are POST requests.')), 'application/json; charset=utf-8', { allow: 'POST' });
      return;
    }
    if (!originAllowed(req, allowedHosts)) {
      sendJson(res, 403, fail('INVALID_INPUT', 'Requests from other sites are not allowed.'));
      return;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      sendJson(res, 415, fail('INVALID_INPUT', 'Send the input as application/json.'));
      return;
    }
    const body = await readBody(req, maxBody);
    if (!body.ok) {
      res.setHeader('connection', 'close');
      sendJson(res, 413, fail('TOO_LARGE', `The request is larger than ${Math.round(maxBody / (1024 * 1024))} MB. Import fewer or smaller files at a time.`));
      req.resume();
      return;
    }
    let input: unknown;
    try {
      input = body.data.length ? JSON.parse(body.data.toString('utf8')) : {};
    } catch {
      sendJson(res, 400, fail('INVALID_INPUT', 'The request body is not valid JSON.'));
      return;
    }
    const result = await options.backend.callByName(opName, input);
    sendJson(res, 200, result);
  };

  const handleStatic = (req: IncomingMessage, res: ServerResponse, url: URL, setCookie: boolean) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed\n', 'text/plain; charset=utf-8', { allow: 'GET, HEAD' });
      return;
    }
    const file = resolveStatic(options.rendererDir, url.pathname);
    if (!file) {
      sendText(res, 404, 'Not found');
      return;
    }
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'content-type': mimeFor(file),
      'cache-control': file.endsWith('.html') ? 'no-store' : 'no-cache',
    };
    if (setCookie) headers['set-cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    const stat = fs.statSync(file);
    headers['content-length'] = String(stat.size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        if (!hostAllowed(req, allowedHosts)) {
          sendText(res, 403, 'Forbidden: unexpected Host header.');
          return;
        }
        const url = new URL(req.url ?? '/', 'http://localhost');
        const auth = authorised(req, url);
        const apiMatch = /^\/api\/([^/]{1,128})$/.exec(url.pathname);
        if (!auth) {
          if (apiMatch) sendJson(res, 403, fail('INVALID_INPUT', 'Missing or wrong token. Open the address printed by `npm run serve`.'));
          else sendText(res, 403, 'Forbidden: open the address printed by `npm run serve` (it includes the token).');
          return;
        }
        if (apiMatch) {
          let opName: string;
          try {
            opName = decodeURIComponent(apiMatch[1]);
          } catch {
            opName = apiMatch[1];
          }
          await handleApi(req, res, opName);
          return;
        }
        if (url.pathname.startsWith('/api/') || url.pathname === '/api') {
          sendJson(res, 404, fail('INVALID_INPUT', 'Unknown api path.'));
          return;
        }
        handleStatic(req, res, url, auth === 'query');
      } catch (e) {
        log(`[parallax serve] ${req.method} ${req.url?.split('?')[0]} failed: ${errorStack(e)}`);
        if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'Something went wrong in the browser host. Your library has not been changed.'));
        else res.destroy();
      }
    })();
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 5 * 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = allowedHostsFor(host, port);
  // Browsers share cookies across ports of one host; the port keeps two hosts apart.
  cookieName = `parallax_token_${port}`;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
