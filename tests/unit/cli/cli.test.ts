import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { REPO_ROOT, tempDir } from '../../helpers/library.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const json = (s: string): unknown => JSON.parse(s);

describe('parallax CLI (in process)', () => {
  const data = tempDir();

  it('docs --json lists the five bundled reports with the documented keys', async () => {
    const r = await cli(['--data', data, 'docs', '--json']);
    expect(r.code).toBe(0);
    const docs = json(r.out) as Array<Record<string, unknown>>;
    expect(docs).toHaveLength(5);
    for (const d of docs) expect(Object.keys(d).sort()).toEqual(['file', 'id', 'language', 'outlet', 'published', 'title', 'words'].sort());
    const byId = Object.fromEntries(docs.map((d) => [d.id, d]));
    expect(byId['4435434e06963c7c']).toMatchObject({ outlet: 'Ukrainian World Congress', published: '2022-11-30', file: '003_4435434e06963c7c.txt' });
    expect(byId.b44e6ea7410dd368).toMatchObject({ published: '2022-11-29' });
  });

  it('show --json gives text, passages and sentences whose offsets lie in the text', async () => {
    const r = await cli(['--data', data, 'show', 'b44e6ea7410dd368', '--json']);
    expect(r.code).toBe(0);
    const d = json(r.out) as { text: string; passages: Array<{ start: number; end: number; kind: string }>; sentences: Array<{ start: number; end: number }> };
    expect(d.passages.length).toBeGreaterThan(5);
    expect(d.sentences.length).toBeGreaterThan(d.passages.length);
    for (const s of [...d.passages, ...d.sentences]) {
      expect(s.start).toBeLessThan(s.end);
      expect(s.end).toBeLessThanOrEqual(d.text.length);
    }
  });

  it('search --json returns offsets that point at the matched word', async () => {
    const r = await cli(['--data', data, 'search', 'Gripen', '--json']);
    expect(r.code).toBe(0);
    const hits = json(r.out) as Array<{ docId: string; score: number; start: number; end: number; snippet: string }>;
    expect(hits.length).toBeGreaterThan(0);
    const h = hits[0];
    expect(Object.keys(h ?? {}).sort()).toEqual(['docId', 'end', 'score', 'snippet', 'start']);
    const show = json((await cli(['--data', data, 'show', h?.docId ?? '', '--json'])).out) as { text: string };
    expect(show.text.slice(h?.start, h?.end).toLowerCase()).toBe('gripen');
  });

  it('import --json reports each file and exits 1 when any failed', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'good.txt'), 'A fresh report.\n\nIt says something new about Bucharest.');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = await cli(['--data', data, 'import', path.join(dir, 'good.txt'), path.join(dir, 'empty.txt'), path.join(dir, 'missing.txt'), '--json']);
    expect(r.code).toBe(1);
    const outcomes = json(r.out) as Array<{ file: string; id?: string; error?: { code: string; message: string } }>;
    expect(outcomes.map((o) => o.id ? 'ok' : o.error?.code)).toEqual(['ok', 'EMPTY_FILE', 'IO_ERROR']);
    const docs = json((await cli(['--data', data, 'docs', '--json'])).out) as unknown[];
    expect(docs).toHaveLength(6);
  });

  it('user errors are one sentence on stderr with a non-zero status and nothing on stdout', async () => {
    for (const args of [['show', 'nope'], ['frobnicate'], ['search'], ['search', 'x', '--limit', 'lots'], ['show', '../../etc/passwd']]) {
      const r = await cli(['--data', data, ...args, '--json']);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^parallax: .+/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('a data folder holding a corrupt database fails with its path and leaves it alone', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite');
    fs.writeFileSync(file, 'not a database at all '.repeat(100));
    const r = await cli(['--data', dir, 'docs', '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(file);
    expect(r.out).toBe('');
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database at all '.repeat(100));
  });
});

describe('parallax CLI (built, as a process)', () => {
  const entry = path.join(REPO_ROOT, 'dist', 'electron', 'cli', 'main.js');
  beforeAll(() => {
    if (!fs.existsSync(entry)) {
      const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT });
      if (r.status !== 0) throw new Error('could not build the CLI: ' + r.stdout?.toString());
    }
  }, 120_000);

  it('prints only JSON on stdout with --json, and hostile queries exit cleanly', () => {
    const data = tempDir();
    for (const q of ['"', '*', ':', '~2', '+-', 'x'.repeat(10_000), '"energy blackmail"', 'annex*', 'Stoltenberg']) {
      const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'parallax.js'), '--data', data, 'search', q, '--json'], { encoding: 'utf8' });
      expect([0], `query ${q.slice(0, 20)}: ${r.stderr}`).toContain(r.status);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
