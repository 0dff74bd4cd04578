import { describe, expect, it } from 'vitest';
import { isLoopback, parseServeArgs, ServeUsageError } from '../../../electron/serve/options.js';
import { main } from '../../../electron/serve/main.js';

describe('browser host: options', () => {
  it('binds to 127.0.0.1 on a free port by default', () => {
    expect(parseServeArgs([])).toMatchObject({ host: '127.0.0.1', port: 0, allowRemote: false });
    expect(parseServeArgs(['--port', '8123', '--data', '/tmp/x'])).toMatchObject({ port: 8123, dataDir: '/tmp/x' });
  });

  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '192.168.1.2', '::', 'example.com', '127.0.0.256', '128.0.0.1']) expect(isLoopback(h), h).toBe(false);
  });

  it('refuses a non-loopback host unless --allow-remote is given', () => {
    expect(() => parseServeArgs(['--host', '0.0.0.0'])).toThrow(ServeUsageError);
    expect(() => parseServeArgs(['--host', '0.0.0.0'])).toThrow(/not a loopback address/);
    expect(parseServeArgs(['--host', '0.0.0.0', '--allow-remote'])).toMatchObject({ host: '0.0.0.0', allowRemote: true });
  });

  it('rejects bad ports and unknown options', () => {
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(ServeUsageError);
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(ServeUsageError);
    expect(() => parseServeArgs(['--bogus'])).toThrow(ServeUsageError);
  });

  it('exits with status 2 before opening anything when asked to bind a public address', async () => {
    const writes: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(await main(['--host', '0.0.0.0', '--data', '/nonexistent/never-created'])).toBe(2);
    } finally {
      process.stderr.write = original;
    }
    expect(writes.join('')).toMatch(/Refusing to listen on 0\.0\.0\.0/);
  });
});
