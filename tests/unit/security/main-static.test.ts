import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/library.js';

// Electron cannot start on every machine that runs the tests, so the settings that matter most
// are also checked in the source text: a change that weakens one fails here, not in review.

const read = (rel: string) => fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const mainFiles = fs
  .readdirSync(path.join(REPO_ROOT, 'electron/main'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `electron/main/${f}`);
const allMain = mainFiles.map(read).join('\n');

/** The webPreferences object literal in window.ts, as text. */
function webPreferencesBlock(): string {
  const src = read('electron/main/window.ts');
  const start = src.indexOf('webPreferences: {');
  expect(start, 'window.ts creates the window with a webPreferences literal').toBeGreaterThan(0);
  let depth = 0;
  for (let i = src.indexOf('{', start); i < src.length; i++) {
    if (src[i] === '{') depth++;
    if (src[i] === '}' && --depth === 0) return src.slice(start, i + 1);
  }
  throw new Error('unbalanced webPreferences block');
}

describe('the window', () => {
  const prefs = webPreferencesBlock();

  it('is isolated, sandboxed, without Node and with web security', () => {
    expect(prefs).toMatch(/\bcontextIsolation: true,/);
    expect(prefs).toMatch(/\bsandbox: true,/);
    expect(prefs).toMatch(/\bnodeIntegration: false,/);
    expect(prefs).toMatch(/\bnodeIntegrationInWorker: false,/);
    expect(prefs).toMatch(/\bnodeIntegrationInSubFrames: false,/);
    expect(prefs).toMatch(/\bwebSecurity: true,/);
    expect(prefs).toMatch(/\ballowRunningInsecureContent: false,/);
    expect(prefs).toMatch(/\bwebviewTag: false,/);
    expect(prefs).toMatch(/\bspellcheck: false,/);
    expect(prefs).toMatch(/\bpreload: options\.preloadPath,/);
  });

  it('never turns a protection off anywhere in main', () => {
    for (const bad of [
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /nodeIntegration\w*:\s*true/,
      /webSecurity:\s*false/,
      /enableRemoteModule/,
      /@electron\/remote/,
      /allowRunningInsecureContent:\s*true/,
      /experimentalFeatures:\s*true/,
      /enableBlinkFeatures/,
      /webviewTag:\s*true/,
      /bypassCSP:\s*true/,
      /corsEnabled:\s*true/,
      /ELECTRON_DISABLE_SECURITY_WARNINGS/,
      /appendSwitch\(/,
      /registerFileProtocol|interceptFileProtocol/,
      /loadFile\(|file:\/\/\$\{|loadURL\(\s*['"`]file:/,
      /\.sendSync\(|ipcMain\.on\(/,
    ]) {
      expect(allMain, String(bad)).not.toMatch(bad);
    }
  });

  it('loads the sandboxed CommonJS preload built by scripts/build.mjs', () => {
    expect(read('electron/main/index.ts')).toMatch(/path\.join\(appRoot, 'dist', 'preload', 'index\.cjs'\)/);
  });

  it('registers the app:// scheme as standard and secure, with no extra privileges', () => {
    const src = read('electron/main/index.ts');
    const m = /registerSchemesAsPrivileged\(\[([\s\S]*?)\]\);/.exec(src);
    expect(m, 'registerSchemesAsPrivileged call').not.toBeNull();
    const privileges = m![1]!.replace(/\/\/.*$/gm, '');
    expect(privileges).toMatch(/standard: true/);
    expect(privileges).toMatch(/secure: true/);
    expect(privileges).not.toMatch(/bypassCSP|corsEnabled|allowServiceWorkers|stream/);
  });
});

describe('the session and web contents', () => {
  const security = read('electron/main/security.ts');
  const index = read('electron/main/index.ts');

  it('sets the CSP header, filters requests and denies permissions', () => {
    expect(security).toMatch(/webRequest\.onHeadersReceived\(/);
    expect(security).toMatch(/webRequest\.onBeforeRequest\(/);
    expect(security).toMatch(/setPermissionRequestHandler\([\s\S]*?callback\(false\)/);
    expect(security).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(index).toMatch(/hardenSession\(session\.defaultSession/);
  });

  it('guards navigation and new windows on every web contents', () => {
    expect(security).toMatch(/'will-navigate'[\s\S]*?event\.preventDefault\(\)/);
    expect(security).toMatch(/setWindowOpenHandler\([\s\S]*?action: 'deny'/);
    expect(index).toMatch(/app\.on\('web-contents-created'[\s\S]*?hardenWebContents\(contents/);
  });

  it('calls shell.openExternal in one place, reached only through the URL check', () => {
    const calls = allMain.match(/openExternal\(/g) ?? [];
    expect(calls).toHaveLength(1);
    expect(index).toMatch(/openInBrowser: \(url\) => shell\.openExternal\(url\)/);
    expect(security).toMatch(/if \(!isSafeExternalUrl\(url\)\)[\s\S]*?return;[\s\S]*?guards\.openInBrowser\(url\)/);
  });

  it('takes the single-instance lock and opens the library in userData', () => {
    expect(index).toMatch(/requestSingleInstanceLock\(\)/);
    expect(index).toMatch(/openLibrary\(\{ dataDir: app\.getPath\('userData'\) \}\)/);
    expect(index).toMatch(/app\.setPath\('userData', dataDir\)/);
    expect(index).toMatch(/process\.env\.PARALLAX_SQLITE_BINDING = binding/);
  });

  it('checks the sender before dispatching any IPC call', () => {
    const ipc = read('electron/main/ipc.ts');
    const handler = /ipc\.handle\(channel, async \(event, input\)[\s\S]*?\n {4}\}\);/.exec(ipc)?.[0] ?? '';
    expect(handler.indexOf('senderRejection(')).toBeGreaterThan(0);
    expect(handler.indexOf('senderRejection(')).toBeLessThan(handler.indexOf('dispatcher.call('));
  });
});

describe('the preload', () => {
  const preload = read('electron/preload/index.ts');

  it('exposes only window.parallax and never a generic IPC door', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('parallax'/);
    expect(preload).not.toMatch(/ipcRenderer\.send\(|sendSync|sendTo|postMessage|invoke\(\s*(name|input|args)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\b/);
  });
});
