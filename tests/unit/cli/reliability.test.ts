import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { tempDir } from '../../helpers/library.js';
import { collect, spawnSource } from '../reliability/helpers.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const docCount = (data: string): number => {
  const db = new Database(path.join(data, 'library.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('parallax import: many files and folders', () => {
  it('imports 250 files from nested folders in batches, skips what it cannot import with a reason, and sums up', async () => {
    const data = tempDir();
    const src = tempDir();
    for (let i = 0; i < 250; i++) {
      const dir = path.join(src, `part-${i % 3}`, i % 2 ? 'deeper' : '');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `report-${i}.txt`), `Report ${i}.\n\nThe ministers met in Bucharest; this is note number ${i}.`);
    }
    fs.writeFileSync(path.join(src, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(src, '.hidden.txt'), 'hidden');
    const r = await cli(['--data', data, 'import', src, path.join(src, 'missing.txt'), '--json']);
    expect(r.code).toBe(1); // the missing file failed
    const out = JSON.parse(r.out) as Array<{ file: string; id?: string; error?: { code: string }; skipped?: string }>;
    expect(out.filter((o) => o.id)).toHaveLength(250);
    expect(out.find((o) => o.file.endsWith('missing.txt'))?.error?.code).toBe('IO_ERROR');
    expect(out.find((o) => o.file.endsWith('photo.png'))?.skipped).toMatch(/skipped: Parallax does not import \.png/);
    expect(out.some((o) => o.file.includes('.hidden'))).toBe(false);
    expect(r.err).toMatch(/importing 250 of 250 files/);
    expect(r.err).toMatch(/250 imported, 1 failed, 1 skipped\./);
    expect(docCount(data)).toBe(5 + 250);
  }, 300_000);

  it('reads standard input with -, named by --name', async () => {
    const data = tempDir();
    const child = spawnSource('electron/cli/main.ts', ['--data', data, 'import', '-', '--name', 'pasted.md', '--json']);
    const run = collect(child);
    child.stdin?.end('# Pasted notes\n\nA pasted report about the ministers in Bucharest.\n');
    const r = await run.done;
    expect(r.code, r.err).toBe(0);
    const [o] = JSON.parse(r.out) as Array<{ file: string; id: string }>;
    expect(o?.file).toBe('-');
    const show = await cli(['--data', data, 'show', o!.id, '--json']);
    expect((JSON.parse(show.out) as { title: string; file: string }).title).toBe('Pasted notes');
  }, 120_000);
});

describe('parallax check, backup, backups, restore', () => {
  it('checks a sound library, backs it up, lists and restores the backup', async () => {
    const data = tempDir();
    expect((await cli(['--data', data, 'docs'])).code).toBe(0);
    const c = await cli(['--data', data, 'check', '--json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.out)).toMatchObject({ ok: true, problems: [] });
    const dest = path.join(tempDir(), 'mine.sqlite');
    const b = await cli(['--data', data, 'backup', dest]);
    expect(b.code, b.err).toBe(0);
    expect(b.out).toContain(dest);
    expect((await cli(['--data', data, 'backup', dest])).err).toMatch(/already exists/);
    const auto = await cli(['--data', data, 'backup', '--json']);
    expect(JSON.parse(auto.out).file).toMatch(/backups[/\\]library-.*-manual\.sqlite$/);
    const list = await cli(['--data', data, 'backups', '--json']);
    expect((JSON.parse(list.out) as unknown[]).length).toBeGreaterThanOrEqual(1);
    const del = await cli(['--data', data, 'delete', 'b44e6ea7410dd368', '--yes']);
    expect(del.code).toBe(0);
    expect(docCount(data)).toBe(4);
    const r = await cli(['--data', data, 'restore', dest]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Restored 5 document\(s\)/);
    expect(docCount(data)).toBe(5);
  }, 120_000);

  it('a 0-byte library: every command refuses it with advice, and the file stays 0 bytes', async () => {
    const data = tempDir();
    const file = path.join(data, 'library.sqlite');
    fs.writeFileSync(file, '');
    const r = await cli(['--data', data, 'docs']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/empty \(0 bytes\)/);
    expect(r.err).toMatch(/What you can do/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('a damaged library: refused with the choices, readable with --read-only, `check` reports it', async () => {
    const data = tempDir();
    expect((await cli(['--data', data, 'docs'])).code).toBe(0);
    await cli(['--data', data, 'backup']);
    const file = path.join(data, 'library.sqlite');
    const db = new Database(file, { readonly: true });
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'passages'").get() as { rootpage: number }).rootpage;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const before = fs.readFileSync(file);

    const r = await cli(['--data', data, 'docs']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is damaged/);
    expect(r.err).toMatch(/parallax --read-only docs/);
    expect(r.err).toMatch(/parallax restore .*backups/);
    const ro = await cli(['--data', data, '--read-only', 'docs', '--json']);
    expect(ro.code, ro.err).toBe(0);
    expect(ro.err).toMatch(/open read-only/);
    expect((JSON.parse(ro.out) as unknown[]).length).toBe(5);
    const imp = await cli(['--data', data, '--read-only', 'import', file]);
    expect(imp.err).toMatch(/read-only/);
    const c = await cli(['--data', data, 'check']);
    expect(c.code).toBe(1);
    expect(c.out).toMatch(/is damaged/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  }, 120_000);
});
