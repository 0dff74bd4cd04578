#!/usr/bin/env node
// Builds everything the app, the CLI and the browser host run from, into dist/:
//   dist/electron/**  node side (tsc, ESM)      dist/preload/index.cjs  sandboxed preload (esbuild)
//   dist/renderer/**  the React app (Vite)
// `node scripts/build.mjs --if-stale` skips the work when dist is newer than every source.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const sources = ['electron', 'renderer', 'bench', 'package.json', 'tsconfig.base.json', 'tsconfig.build.json'];

function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(full, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e.name)));
  }
  return newest;
}

if (process.argv.includes('--if-stale') && fs.existsSync(stamp)) {
  const built = fs.statSync(stamp).mtimeMs;
  if (sources.every((s) => newestMtime(s) <= built)) {
    process.stderr.write('build: dist is up to date\n');
    process.exit(0);
  }
}

function run(label, cmd, args) {
  process.stderr.write(`build: ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`build: ${label} failed\n`);
    process.exit(r.status ?? 1);
  }
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run('node side (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
if (fs.existsSync(path.join(root, 'electron/preload/index.ts'))) {
  run('preload (esbuild)', bin('esbuild'), [
    'electron/preload/index.ts',
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--target=node20',
    '--external:electron',
    '--outfile=dist/preload/index.cjs',
  ]);
}
if (fs.existsSync(path.join(root, 'renderer/index.html'))) {
  run('renderer (vite)', bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
}
fs.mkdirSync(path.dirname(stamp), { recursive: true });
fs.writeFileSync(stamp, new Date().toISOString() + '\n');
process.stderr.write('build: done\n');
