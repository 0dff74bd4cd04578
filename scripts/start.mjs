#!/usr/bin/env node
// `npm start`: the desktop app. Checks what Electron needs, builds when dist is missing or
// older than the sources (scripts/build.mjs --if-stale), makes the Electron build of better-sqlite3 if needed, then runs
// `electron .` with any extra arguments passed through (npm start -- --some-flag).
//
// The browser host (`npm run serve`) needs none of this and works on Node 20.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const say = (msg) => console.error(`parallax start: ${msg}`);

const MIN_NODE = [22, 12, 0];

function nodeIsRecentEnough(version = process.versions.node) {
  const v = version.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((v[i] ?? 0) > MIN_NODE[i]) return true;
    if ((v[i] ?? 0) < MIN_NODE[i]) return false;
  }
  return true;
}

/** The Electron executable, or the reason there is none. */
function electronBinary() {
  let version = '?';
  try {
    version = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
    const bin = require('electron');
    if (typeof bin === 'string' && fs.existsSync(bin)) return { bin, version };
    return { version, reason: `the Electron ${version} package points to ${bin}, which does not exist` };
  } catch (e) {
    return { version, reason: `the Electron ${version} binary is not installed (${String(e.message ?? e).split('\n')[0]})` };
  }
}

const OUTPUTS = ['dist/electron/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html'];

function runNode(script, args = []) {
  const r = spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

function main() {
  if (!nodeIsRecentEnough()) {
    say(
      `the desktop app needs Node 22.12 or newer (Electron 41); this is Node ${process.versions.node}.\n` +
        '  Install Node 22 LTS (e.g. `nvm install 22`), then run `npm start` again.\n' +
        '  Until then the same app runs in your browser: `npm run build && npm run serve`.',
    );
    return 1;
  }

  const electron = electronBinary();
  if (!electron.bin) {
    say(
      `${electron.reason}.\n` +
        '  Electron downloads its binary when it is installed; that was skipped here (offline, or\n' +
        '  ELECTRON_SKIP_BINARY_DOWNLOAD=1). To fix, with network access:\n' +
        '    unset ELECTRON_SKIP_BINARY_DOWNLOAD && node node_modules/electron/install.js\n' +
        '  (or `npm rebuild electron`). Until then: `npm run build && npm run serve` opens the app in a browser.',
    );
    return 1;
  }

  // A missing output means a full build; otherwise build.mjs compares dist with the sources.
  const missing = OUTPUTS.filter((o) => !fs.existsSync(path.join(root, o)));
  if (missing.length) say(`building (${missing.join(', ')} missing)…`);
  if (runNode('scripts/build.mjs', missing.length ? [] : ['--if-stale']) !== 0) {
    say('the build failed; see above.');
    return 1;
  }

  if (runNode('scripts/ensure-electron-sqlite.mjs', ['--quiet']) !== 0) return 1;

  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and never open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron.bin, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  child.on('error', (e) => {
    say(`could not start Electron: ${e.message}`);
    process.exitCode = 1;
  });
  return undefined;
}

const code = main();
if (code !== undefined) process.exitCode = code;
