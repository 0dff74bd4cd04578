import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/library.js';
import { collect, spawnSource, waitFor } from './helpers.js';

// SIGTERM ends the CLI and the browser host within 2 s while an import is being read, with the
// database closed cleanly (WAL folded in) and nothing of the file written.

const bigPage = (): string => `<html><body>${'<p>Some words here in the middle of it all, a sentence about the ministers.</p>\n'.repeat(250_000)}</body></html>`;

function libraryState(data: string): { docs: number; wal: number; ok: boolean } {
  const file = path.join(data, 'library.sqlite');
  const walFile = `${file}-wal`;
  const wal = fs.existsSync(walFile) ? fs.statSync(walFile).size : 0;
  const db = new Database(file, { readonly: true });
  try {
    return {
      docs: (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n,
      wal,
      ok: (db.pragma('quick_check', { simple: true }) as string) === 'ok',
    };
  } finally {
    db.close();
  }
}

describe('a prompt, clean stop', () => {
  it('the CLI stops within 2 s on SIGTERM during an import, writing nothing of it', async () => {
    const data = tempDir();
    const src = path.join(tempDir(), 'big.html');
    fs.writeFileSync(src, bigPage());
    const child = spawnSource('electron/cli/main.ts', ['--data', data, 'import', src]);
    const run = collect(child);
    await waitFor(() => /importing 0 of 1/.test(run.err()), 60_000, 'the import to start');
    await new Promise((r) => setTimeout(r, 2500));
    const t0 = Date.now();
    child.kill('SIGTERM');
    const r = await run.done;
    const took = Date.now() - t0;
    expect(took).toBeLessThan(2000);
    expect(r.code).toBe(143);
    expect(r.err).toMatch(/SIGTERM, stopping/);
    const s = libraryState(data);
    expect(s).toEqual({ docs: 5, wal: 0, ok: true });
  }, 120_000);

  it('the browser host stops within 2 s on SIGTERM during an import, writing nothing of it', async () => {
    const data = tempDir();
    const renderer = tempDir();
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Parallax</title>');
    const child = spawnSource('electron/serve/main.ts', ['--port', '0', '--data', data, '--renderer', renderer], {}, { exitWhenDone: true });
    const run = collect(child);
    await waitFor(() => /token=/.test(run.out()), 60_000, 'the host to listen');
    const url = new URL(/(http:\/\/\S+)/.exec(run.out())![1]!);
    const token = url.searchParams.get('token')!;
    const body = JSON.stringify({ files: [{ name: 'big.html', dataBase64: Buffer.from(bigPage()).toString('base64') }] });
    const answer = fetch(new URL('/api/docs.import', url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-parallax-token': token }, body }).then(
      async (res) => (await res.json()) as unknown,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 4000));
    const t0 = Date.now();
    child.kill('SIGTERM');
    const r = await run.done;
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.code).toBe(0);
    await answer;
    expect(libraryState(data)).toEqual({ docs: 5, wal: 0, ok: true });
  }, 120_000);
});
