import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Worker as NodeWorker } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../../electron/core/library.js';
import { CORPUS, REPO, cleanTmp, tmpDir } from './helpers.js';

// Worker threads: they start from source here (vitest) and from compiled JavaScript (the
// build), and they end when the library closes.

const threads = vi.hoisted(() => ({ started: [] as Array<{ worker: NodeWorker; exited: Promise<number> }> }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class RecordingWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      threads.started.push({ worker: this, exited: new Promise((resolve) => this.once('exit', resolve)) });
    }
  }
  return { ...real, Worker: RecordingWorker, default: { ...real, Worker: RecordingWorker } };
});

afterAll(() => cleanTmp());

describe('search threads', () => {
  it('run from source and terminate when the library closes', async () => {
    const before = threads.started.length;
    const lib = await openLibrary({ dataDir: tmpDir('life'), corpusDir: CORPUS });
    await lib.search.ready();
    expect((await lib.search.query('Gripen')).hits.length).toBeGreaterThan(0);
    const mine = threads.started.slice(before);
    expect(mine).toHaveLength(2);
    await lib.close();
    const codes = await Promise.race([Promise.all(mine.map((t) => t.exited)), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    expect(codes).not.toBe('timeout');
    await expect(lib.search.query('Gripen')).rejects.toThrow();
  });

  it('run from compiled JavaScript, and the process exits after close', async () => {
    // Compile electron/core as the build would (a .js tree), under node_modules so the
    // packages resolve, and use it from a fresh Node process.
    const { build } = await import('esbuild');
    const out = path.join(REPO, 'node_modules', '.cache', `parallax-search-js-${process.pid}`);
    const entries: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) entries.push(p);
      }
    };
    // core and the host-neutral modules it imports (electron/common).
    walk(path.join(REPO, 'electron', 'core'));
    walk(path.join(REPO, 'electron', 'common'));
    await build({ entryPoints: entries, outdir: out, outbase: REPO, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent' });
    fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
    try {
      const script = `
        const { openLibrary } = await import(${JSON.stringify(path.join(out, 'electron', 'core', 'library.js'))});
        const lib = await openLibrary({ dataDir: ${JSON.stringify(tmpDir('js'))}, corpusDir: ${JSON.stringify(CORPUS)} });
        const res = await lib.search.query('"energy blackmail"');
        // The import thread too starts from compiled JavaScript.
        const [imp] = await lib.importFiles([{ name: 'page.html', bytes: new TextEncoder().encode('<html><body><p>A compiled import thread reads this page about Bucharest.</p></body></html>') }]);
        await lib.close();
        process.stdout.write(JSON.stringify([...res.hits.map((h) => h.docId), imp && 'id' in imp ? 'imported' : JSON.stringify(imp)]));
      `;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
      expect(run.error, 'the process did not exit').toBeUndefined();
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toContain('b44e6ea7410dd368');
      expect(JSON.parse(run.stdout)).toContain('imported');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 90_000);
});
