import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveRendererFile, serveRendererRequest } from '../../../electron/main/renderer-files.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/common/web-policy.js';
import { tempDir } from '../../helpers/library.js';

let base: string;
let root: string;

beforeAll(() => {
  base = tempDir('parallax-renderer-files-');
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Parallax</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://parallax/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://parallax/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://parallax/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveRendererFile(root, 'app://parallax/reader/abc')).toBe(path.join(root, 'index.html'));
  });

  it('refuses anything that is not ours or would leave the folder', () => {
    for (const url of [
      'app://parallax/../secret.txt',
      'app://parallax/%2e%2e/secret.txt',
      'app://parallax/assets/%2e%2e/%2e%2e/secret.txt',
      'app://parallax/..%2fsecret.txt',
      'app://parallax/..%5csecret.txt',
      'app://parallax/%2e%2e%2frenderer-evil.txt',
      'app://parallax/index.html%00.js',
      'app://parallax/%E0%A4%A',
      'app://evil/index.html',
      'app://parallax:1/index.html',
      'https://parallax/index.html',
      'file:///etc/passwd',
      'nonsense',
    ]) {
      const file = resolveRendererFile(root, url);
      // Either refused, or a path inside the folder (URL parsing folds "/../" at the root).
      if (file !== null) expect(file.startsWith(root + path.sep), `${url} -> ${file}`).toBe(true);
      expect([path.join(base, 'secret.txt'), path.join(base, 'renderer-evil.txt')], url).not.toContain(file);
    }
    expect(resolveRendererFile(root, 'app://parallax/..%2fsecret.txt')).toBeNull();
    expect(resolveRendererFile(root, 'app://evil/index.html')).toBeNull();
  });
});

describe('serveRendererRequest', () => {
  it('serves files with their type and the security headers', async () => {
    const res = await serveRendererRequest(root, new Request('app://parallax/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves binary files intact', async () => {
    const res = await serveRendererRequest(root, new Request('app://parallax/assets/font.woff2'));
    expect(res.headers.get('content-type')).toBe('font/woff2');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32]);
  });

  it('answers 404 for missing or forbidden files and 405 for writes, with the CSP still set', async () => {
    const missing = await serveRendererRequest(root, new Request('app://parallax/assets/none.js'));
    expect(missing.status).toBe(404);
    const outside = await serveRendererRequest(root, new Request('app://parallax/..%2fsecret.txt'));
    expect(outside.status).toBe(404);
    expect(await outside.text()).not.toContain('outside the renderer');
    const post = await serveRendererRequest(root, new Request('app://parallax/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('knows the types a Vite build produces', () => {
    expect(mimeTypeFor('a.html')).toMatch(/^text\/html/);
    expect(mimeTypeFor('a.css')).toMatch(/^text\/css/);
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
