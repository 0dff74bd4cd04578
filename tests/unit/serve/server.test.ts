import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type ApiBackend, type RunningHost } from '../../../electron/serve/server.js';
import { createDispatcher } from '../../../electron/api/handlers.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';
import { request } from './helpers.js';

const TOKEN = 'test-token-0123456789abcdef';
let rendererDir: string;
let dataDir: string;
let lib: Library;
let host: RunningHost;
const calls: Array<{ name: string; input: unknown }> = [];

const json = (port: number, op: string, input: unknown, headers: Record<string, string> = {}) =>
  request(port, {
    method: 'POST',
    path: `/api/${op}`,
    headers: { 'content-type': 'application/json', host: `127.0.0.1:${port}`, 'x-parallax-token': TOKEN, ...headers },
    body: JSON.stringify(input),
  });

beforeAll(async () => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parallax</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'parallax-secret.txt'), 'secret');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-serve-'));
  lib = await openLibrary({ dataDir, corpusDir: null });
  const dispatcher = createDispatcher(lib, () => undefined);
  const backend: ApiBackend = {
    callByName: (name, input) => {
      calls.push({ name, input });
      if (name === 'test.explode') throw new Error('boom at /secret/path.ts:12');
      return dispatcher.callByName(name, input);
    },
  };
  host = await startHost({ backend, rendererDir, token: TOKEN, log: () => undefined, maxBodyBytes: 1024 * 1024 });
});

afterAll(async () => {
  await host?.close();
  await lib?.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('browser host: token', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers 403 to a page request without the token', async () => {
    const r = await request(host.port, { path: '/', headers: { host: `127.0.0.1:${host.port}` } });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('<title>');
  });

  it('answers 403 to an api call without the token, or with a wrong one, and runs nothing', async () => {
    const before = calls.length;
    const none = await request(host.port, {
      method: 'POST',
      path: '/api/docs.list',
      headers: { 'content-type': 'application/json', host: `127.0.0.1:${host.port}` },
      body: '{}',
    });
    expect(none.status).toBe(403);
    const wrong = await json(host.port, 'docs.list', {}, { 'x-parallax-token': TOKEN.replace('0', '1') });
    expect(wrong.status).toBe(403);
    expect(calls.length).toBe(before);
  });

  it('serves the page with the token in the URL and sets a same-site HttpOnly cookie', async () => {
    const r = await request(host.port, { path: `/?token=${TOKEN}`, headers: { host: `127.0.0.1:${host.port}` } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Parallax</title>');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toContain(`parallax_token_${host.port}=${TOKEN}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const again = await request(host.port, {
      path: '/assets/app.js',
      headers: { host: `127.0.0.1:${host.port}`, cookie: `parallax_token_${host.port}=${TOKEN}` },
    });
    expect(again.status).toBe(200);
    expect(again.headers['content-type']).toContain('text/javascript');
  });

  it('sends a strict CSP and no-sniff on every answer, including refusals', async () => {
    for (const r of [
      await request(host.port, { path: `/?token=${TOKEN}`, headers: { host: `127.0.0.1:${host.port}` } }),
      await request(host.port, { path: '/', headers: { host: `127.0.0.1:${host.port}` } }),
    ]) {
      expect(r.headers['content-security-policy']).toContain("default-src 'self'");
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['content-security-policy']).not.toMatch(/https?:/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('browser host: requests from elsewhere', () => {
  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const r = await request(host.port, { path: `/?token=${TOKEN}`, headers: { host: `evil.example:${host.port}` } });
    expect(r.status).toBe(403);
    const api = await json(host.port, 'docs.list', {}, { host: 'evil.example' });
    expect(api.status).toBe(403);
  });

  it('accepts localhost as a Host spelling', async () => {
    const r = await json(host.port, 'docs.list', {}, { host: `localhost:${host.port}` });
    expect(r.status).toBe(200);
  });

  it('refuses api calls from another origin', async () => {
    const r = await json(host.port, 'docs.list', {}, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    const ok = await json(host.port, 'docs.list', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(ok.status).toBe(200);
  });

  it('only takes JSON POSTs on /api', async () => {
    const get = await request(host.port, { path: '/api/docs.list', headers: { host: `127.0.0.1:${host.port}`, 'x-parallax-token': TOKEN } });
    expect(get.status).toBe(405);
    const form = await json(host.port, 'docs.list', {}, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });
});

describe('browser host: api', () => {
  it('returns the Result of a contract operation', async () => {
    const r = await json(host.port, 'docs.list', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: [] });
  });

  it('answers an unknown operation with INVALID_INPUT', async () => {
    const r = await json(host.port, 'docs.explode', {});
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toContain('docs.explode');
  });

  it('answers invalid input with INVALID_INPUT naming the field', async () => {
    const r = await json(host.port, 'docs.get', { id: 42 });
    const body = JSON.parse(r.body);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toContain('id');
  });

  it('answers a body that is not JSON with 400 INVALID_INPUT', async () => {
    const r = await request(host.port, {
      method: 'POST',
      path: '/api/docs.list',
      headers: { 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, 'x-parallax-token': TOKEN },
      body: '{"oops',
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('INVALID_INPUT');
  });

  it('refuses a body over the size limit with 413 TOO_LARGE, without calling the backend', async () => {
    const before = calls.length;
    const r = await json(host.port, 'docs.import', { files: [{ name: 'a.txt', dataBase64: 'A'.repeat(2 * 1024 * 1024) }] });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('TOO_LARGE');
    expect(calls.length).toBe(before);
  });

  it('never sends a stack trace to the client', async () => {
    const r = await json(host.port, 'test.explode', {});
    expect(r.status).toBe(500);
    const body = JSON.parse(r.body);
    expect(body.error.code).toBe('INTERNAL');
    expect(r.body).not.toContain('boom');
    expect(r.body).not.toContain('.ts');
  });
});

describe('browser host: static files', () => {
  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../parallax-secret.txt', '/%2e%2e/parallax-secret.txt', '/assets/..%2f..%2fparallax-secret.txt', '/%00']) {
      const r = await request(host.port, { path: p, headers: { host: `127.0.0.1:${host.port}`, 'x-parallax-token': TOKEN } });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });
});
