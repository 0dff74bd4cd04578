#!/usr/bin/env node
// `npm run bench [-- --docs N] [--json]`: build the node side if dist/ is missing or older
// than the sources, then run the benchmark (dist/bench/run.js). Build output goes to
// stderr so that with --json the last line of stdout is the result.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(repo, 'dist', 'bench', 'run.js');

function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'results') t = Math.max(t, newest(p));
    } else if (e.name.endsWith('.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

const sourcesAt = Math.max(newest(path.join(repo, 'electron')), newest(path.join(repo, 'bench')));
const builtAt = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
if (builtAt < sourcesAt) {
  process.stderr.write('bench: building the node side (npx tsc -p tsconfig.build.json)…\n');
  const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: repo, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (tsc.status !== 0) {
    // tsc still emits when other files have type errors; go on if the bench was built.
    if (!fs.existsSync(entry)) {
      process.stderr.write('bench: the build failed and dist/bench/run.js is missing.\n');
      process.exit(1);
    }
    process.stderr.write('bench: tsc reported errors (see above); running the emitted build anyway.\n');
  }
  // Touch the entry so an emit that left it unchanged does not trigger a rebuild next time.
  const t = new Date();
  fs.utimesSync(entry, t, t);
}
const run = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { cwd: repo, stdio: 'inherit' });
process.exit(run.status ?? 1);
