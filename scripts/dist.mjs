#!/usr/bin/env node
// `npm run dist`: installable packages in release/ for this operating system.
//
//   npm run dist                     # this OS's targets (Linux: AppImage + deb; macOS: dmg; Windows: nsis)
//   npm run dist -- --linux deb      # one target
//   npm run dist -- --arm64          # another processor (the addon is fetched/built for it)
//
// Steps: build dist/ (scripts/build.mjs), make the Electron build of better-sqlite3 for the
// target architecture (scripts/ensure-electron-sqlite.mjs), run electron-builder with
// electron-builder.yml. Needs network once: electron-builder downloads the Electron runtime
// for the package, and the addon comes from better-sqlite3's releases (or is compiled).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const say = (msg) => console.error(`parallax dist: ${msg}`);

const ARCH_FLAGS = ['x64', 'arm64', 'ia32', 'armv7l', 'universal'];
const PLATFORM_FLAGS = { '--linux': 'linux', '-l': 'linux', '--mac': 'darwin', '-m': 'darwin', '--macos': 'darwin', '--win': 'win32', '-w': 'win32', '--windows': 'win32' };

function fail(msg) {
  say(msg);
  process.exit(1);
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  return r.status ?? 1;
}

const args = process.argv.slice(2);

const arches = ARCH_FLAGS.filter((a) => args.includes(`--${a}`));
if (arches.length > 1 || arches.includes('universal')) {
  fail('build one architecture at a time (the SQLite addon is made per architecture), e.g. `npm run dist -- --arm64`.');
}
const arch = arches[0] ?? process.arch;

const otherPlatform = args.map((a) => PLATFORM_FLAGS[a]).find((p) => p && p !== process.platform);
if (otherPlatform) {
  fail(`packages for ${otherPlatform} are made on ${otherPlatform}: the SQLite addon is built for the operating system it runs on. Use a machine (or CI runner) of that kind.`);
}

const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

say('building dist/ …');
if (run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]) !== 0) fail('the build failed; see above.');
for (const out of ['dist/electron/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html']) {
  if (!fs.existsSync(path.join(root, out))) fail(`the build did not produce ${out}.`);
}

say(`making the Electron ${electronVersion} build of better-sqlite3 for ${process.platform}-${arch} …`);
if (run(process.execPath, [path.join(root, 'scripts', 'ensure-electron-sqlite.mjs'), '--arch', arch]) !== 0) {
  fail('no Electron build of better-sqlite3, so no package was made (see above).');
}

const builderCli = require.resolve('electron-builder/cli.js');
const builderArgs = ['--config', 'electron-builder.yml', ...(arches.length ? [] : [`--${arch}`]), ...args];
say(`electron-builder ${builderArgs.join(' ')}`);
const status = run(process.execPath, [builderCli, ...builderArgs], { ...process.env, PARALLAX_ELECTRON_VERSION: electronVersion });
if (status !== 0) fail('electron-builder failed; see above.');
say(`done: the packages are in ${path.join(root, 'release')}`);
