#!/usr/bin/env node
// `npm test`: everything a change must pass, in the order that fails fastest.
// build -> lint -> typecheck -> unit (vitest) -> e2e in Chromium -> e2e in Electron (skips
// where no Electron binary exists). Ends with one line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(label, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += j.numFailedTests ?? 0;
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  const s = j.stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

if (!step('build', process.execPath, ['scripts/build.mjs', '--if-stale'])) process.exit(1);
if (want('lint')) step('lint', bin('eslint'), ['.', '--max-warnings=0']);
if (want('typecheck')) {
  step('typecheck (node)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  step('typecheck (renderer)', bin('tsc'), ['-p', 'renderer/tsconfig.json', '--noEmit']);
  for (const dir of ['tests/e2e', 'tests/e2e-electron']) {
    if (fs.existsSync(path.join(root, dir, 'tsconfig.json'))) step(`typecheck (${dir})`, bin('tsc'), ['-p', `${dir}/tsconfig.json`, '--noEmit']);
  }
}
if (want('unit')) {
  const out = path.join(tmp, 'vitest.json');
  step('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  countVitest(out);
}
for (const [name, config] of [
  ['e2e', 'tests/e2e/playwright.config.ts'],
  ['e2e-electron', 'tests/e2e-electron/playwright.config.ts'],
]) {
  if (!want(name) || !fs.existsSync(path.join(root, config))) continue;
  const out = path.join(tmp, `${name}.json`);
  step(`${name} (playwright)`, bin('playwright'), ['test', '-c', config, '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: out,
  });
  countPlaywright(out);
}

process.stdout.write(`\n${failures.length ? `failed steps: ${failures.join(', ')}\n` : ''}`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failures.length ? 1 : 0);
