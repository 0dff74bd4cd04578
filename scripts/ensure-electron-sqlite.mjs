#!/usr/bin/env node
// Makes the Electron build of better-sqlite3 at native/electron-<version>/better_sqlite3.node.
//
// node_modules/better-sqlite3/build stays the Node build (unit tests, CLI, browser host), so
// `npm test` and `npm start` work in either order: the Electron build is made in a temporary
// copy of the package and only its .node file is kept, next to a stamp saying what it is for.
//
//   node scripts/ensure-electron-sqlite.mjs [--arch x64|arm64|...] [--force] [--check]
//
//   --check   only report whether a matching build exists (exit 0 yes, 1 no); nothing is made
//   --force   rebuild even if a matching build exists
//
// First tries prebuild-install (a download from better-sqlite3's GitHub releases, cached in
// the npm cache), then node-gyp (needs Electron's headers from electronjs.org and a C++20
// toolchain). Offline with an empty cache, both fail with a message saying what to do.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

function parseArgs(argv) {
  const out = { arch: process.arch, force: false, check: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') out.force = true;
    else if (a === '--check') out.check = true;
    else if (a === '--quiet') out.quiet = true;
    else if (a === '--arch') out.arch = argv[++i];
    else if (a.startsWith('--arch=')) out.arch = a.slice('--arch='.length);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/ensure-electron-sqlite.mjs [--arch ARCH] [--force] [--check] [--quiet]');
      process.exit(0);
    } else {
      console.error(`ensure-electron-sqlite: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!out.arch || !/^[a-z0-9_]+$/.test(out.arch)) {
    console.error('ensure-electron-sqlite: --arch needs a value such as x64 or arm64');
    process.exit(2);
  }
  return out;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Where the Electron build goes and what it must match. */
export function electronSqliteTarget(arch = process.arch) {
  const electronVersion = readJson(require.resolve('electron/package.json')).version;
  const sqlitePkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = readJson(path.join(sqlitePkgDir, 'package.json')).version;
  const dir = path.join(root, 'native', `electron-${electronVersion}`);
  return {
    electronVersion,
    sqlitePkgDir,
    dir,
    file: path.join(dir, 'better_sqlite3.node'),
    stampFile: path.join(dir, 'build.json'),
    stamp: { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch },
  };
}

export function hasMatchingBuild(target) {
  if (!fs.existsSync(target.file) || fs.statSync(target.file).size === 0) return false;
  try {
    const stamp = readJson(target.stampFile);
    return Object.entries(target.stamp).every(([k, v]) => stamp[k] === v);
  } catch {
    return false;
  }
}

/** npm passes its config down as npm_config_*; none of it may redirect these builds. */
function cleanEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^npm_config_(runtime|target|arch|platform|disturl|build_from_source|node_gyp|libc)$/i.test(k)) delete env[k];
    if (/^npm_package_(from|resolved)$/i.test(k)) delete env[k];
  }
  return env;
}

function run(label, cmd, args, cwd, quiet) {
  if (!quiet) console.log(`ensure-electron-sqlite: ${label}`);
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  return { ok: r.status === 0, output: r.error ? String(r.error) : output };
}

const NOISE = /gyp ERR! (System|command|cwd|node -v|node-gyp -v|not ok)|gyp ERR! stack +at |gyp info |prebuild-install info /;
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|network/i;

/** The lines of a tool's output that say why it failed. */
function reasonLines(text, n = 5) {
  const lines = text.split('\n').filter((l) => l.trim() && !NOISE.test(l));
  return (lines.length ? lines : text.split('\n').filter(Boolean)).slice(-n).map((l) => `      ${l}`).join('\n');
}

function copyPackage(from, to) {
  // The package without its Node build: whatever ends up in build/ is the Electron one.
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(from, src);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`);
    },
  });
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const target = electronSqliteTarget(opts.arch);
  const rel = path.relative(root, target.file);

  if (!opts.force && hasMatchingBuild(target)) {
    if (!opts.quiet) console.log(`ensure-electron-sqlite: ${rel} is ready (Electron ${target.electronVersion}, ${target.stamp.platform}-${target.stamp.arch}).`);
    return 0;
  }
  if (opts.check) {
    console.log(`ensure-electron-sqlite: no Electron ${target.electronVersion} build of better-sqlite3 for ${target.stamp.platform}-${opts.arch} at ${rel}.`);
    return 1;
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-electron-sqlite-'));
  const pkg = path.join(work, 'better-sqlite3');
  try {
    copyPackage(target.sqlitePkgDir, pkg);
    const built = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
    const attempts = [];

    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [target.sqlitePkgDir, root] });
    const p = run(
      `downloading the prebuilt better-sqlite3 ${target.stamp.betterSqlite3} for Electron ${target.electronVersion} (${process.platform}-${opts.arch})…`,
      process.execPath,
      [prebuild, '--runtime', 'electron', '--target', target.electronVersion, '--arch', opts.arch, '--platform', process.platform, '--verbose'],
      pkg,
      opts.quiet,
    );
    attempts.push(['prebuild-install (download from github.com)', p]);

    if (!(p.ok && fs.existsSync(built))) {
      let gyp = null;
      try {
        gyp = require.resolve('node-gyp/bin/node-gyp.js');
      } catch {
        attempts.push(['node-gyp', { ok: false, output: 'node-gyp is not installed (npm install --no-save node-gyp)' }]);
      }
      if (gyp) {
        const g = run(
          `compiling better-sqlite3 against Electron ${target.electronVersion} headers with node-gyp (a few minutes)…`,
          process.execPath,
          [
            gyp,
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${target.electronVersion}`,
            `--arch=${opts.arch}`,
            '--dist-url=https://electronjs.org/headers',
          ],
          pkg,
          opts.quiet,
        );
        attempts.push(['node-gyp (headers from electronjs.org + C++ compiler)', g]);
      }
    }

    if (!fs.existsSync(built)) {
      const tried = attempts.map(([name, r]) => `  - ${name}: failed\n${reasonLines(r.output)}`).join('\n');
      const offline = attempts.some(([, r]) => OFFLINE.test(r.output));
      console.error(
        [
          `ensure-electron-sqlite: could not make the Electron ${target.electronVersion} build of better-sqlite3.`,
          tried,
          '',
          ...(offline ? ['This machine looks offline (the download hosts could not be reached).'] : []),
          'This step needs the network once: github.com (prebuilt download) or electronjs.org (headers,',
          'plus python3, make and a C++20 compiler for node-gyp). If you are offline, connect and run',
          '  node scripts/ensure-electron-sqlite.mjs',
          'again. Nothing in node_modules was changed: `npm test`, the CLI and `npm run serve` work without it.',
        ].join('\n'),
      );
      return 1;
    }

    fs.mkdirSync(target.dir, { recursive: true });
    const tmp = `${target.file}.tmp`;
    fs.copyFileSync(built, tmp);
    fs.renameSync(tmp, target.file);
    fs.writeFileSync(target.stampFile, JSON.stringify({ ...target.stamp, madeAt: new Date().toISOString() }, null, 2) + '\n');
    if (!opts.quiet) console.log(`ensure-electron-sqlite: wrote ${rel}`);
    return 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
