import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO, cleanTmp, tmpDir } from './helpers.js';

// The benchmark at a tiny size, from source, so it never rots. No timing is asserted.

afterAll(() => cleanTmp());

it('runs the benchmark end to end and prints the JSON summary last', () => {
  const out = tmpDir('bench');
  // A section of our own, so the plumbing is tested without depending on other features'.
  const sections = tmpDir('sections');
  fs.writeFileSync(path.join(sections, 'demo.ts'), 'export async function run(o: { docs: number }) { return { "demo.docs": o.docs }; }\n');
  const args = ['--docs', '30', '--rounds', '1', '--json', '--out', out, '--sections-dir', sections];
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'bench', 'run.ts'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.trim().split('\n');
  const summary = JSON.parse(lines[lines.length - 1] as string) as Record<string, Record<string, number>>;
  expect(summary.docs).toBe(30);
  for (const engine of ['lunr', 'fts5']) {
    expect(Object.keys(summary[engine] ?? {}).sort()).toEqual(['importOneMs', 'openToFirstAnswerMs', 'peakRssMB', 'prefixP95Ms', 'queryP95Ms']);
    for (const v of Object.values(summary[engine] ?? {})) expect(Number.isFinite(v)).toBe(true);
  }
  expect(run.stdout).toMatch(/query p95/);
  expect(run.stdout).toMatch(/section demo: demo\.docs=30/);
  const saved = JSON.parse(fs.readFileSync(path.join(out, 'bench-30.json'), 'utf8')) as { corpus: { docs: number; passages: number } };
  expect(saved.corpus.docs).toBe(30);
  expect(saved.corpus.passages).toBeGreaterThan(30);
}, 200_000);
