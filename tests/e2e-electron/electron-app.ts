import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, expect, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';

export { expect };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'e2e-electron', 'screenshots');

/**
 * Whether an Electron binary exists here. `require('electron')` from Node returns the path of
 * the executable, or throws when the package was installed without its binary
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or offline).
 */
export function electronBinary(): { path: string } | { path: null; reason: string } {
  try {
    const bin = createRequire(path.join(ROOT, 'package.json'))('electron') as unknown;
    if (typeof bin === 'string' && fs.existsSync(bin)) return { path: bin };
    return { path: null, reason: `${String(bin)} does not exist` };
  } catch (e) {
    return { path: null, reason: `require('electron') failed: ${(e as Error).message.split('\n')[0]}` };
  }
}

const electron = electronBinary();
export const ELECTRON_SKIP_REASON =
  'reason' in electron ? `Electron binary not present on this machine (${electron.reason}): these run where Electron can start` : '';

/** The built app and the Electron build of better-sqlite3, made once per run. */
function prepare(): void {
  for (const out of ['dist/electron/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(ROOT, out))) throw new Error(`${out} is missing: run \`npm run build\` before the Electron end-to-end tests.`);
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-electron-sqlite.mjs'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`The Electron build of better-sqlite3 could not be made:\n${r.stderr}`);
}

let prepared = false;

/** Requests the page made to anything but our own origin and in-page data. */
function isLocal(url: string): boolean {
  return /^(app:\/\/parallax\/|data:|blob:app:\/\/parallax\/|devtools:|about:blank)/.test(url);
}

export interface DesktopApp {
  app: ElectronApplication;
  window: Page;
  dataDir: string;
  /** Non-local requests seen (the test fails if any). */
  offsite: string[];
}

export async function launchApp(dataDir: string): Promise<DesktopApp> {
  if (!prepared) {
    prepare();
    prepared = true;
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env.PARALLAX_DATA_DIR = dataDir;
  const app = await _electron.launch({ args: ['.'], cwd: ROOT, env, timeout: 60_000 });
  const offsite: string[] = [];
  app.on('window', (page) => {
    page.on('request', (r) => {
      if (!isLocal(r.url())) offsite.push(r.url());
    });
  });
  const window = await app.firstWindow();
  window.on('request', (r) => {
    if (!isLocal(r.url()) && !offsite.includes(r.url())) offsite.push(r.url());
  });
  await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
  return { app, window, dataDir, offsite };
}

export const test = base.extend<{ desktop: DesktopApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
  desktop: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-e2e-electron-'));
    const desktop = await launchApp(dataDir);
    const pageErrors: string[] = [];
    desktop.window.on('pageerror', (e) => pageErrors.push(e.message));
    desktop.window.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(`CSP: ${m.text()}`);
    });
    try {
      await use(desktop);
      expect(desktop.offsite, 'the app made requests to non-local origins').toEqual([]);
      expect(pageErrors, 'uncaught errors or CSP violations in the page').toEqual([]);
    } finally {
      await desktop.app.close().catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

/** Save a screenshot under test-results/e2e-electron/screenshots and attach it. */
export async function screenshot(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Click one of our own menu items by id (electron/main/menu.ts MENU_IDS), as a person would. */
export async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  const found = await app.evaluate(({ Menu, BrowserWindow }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) return false;
    item.click(undefined, BrowserWindow.getAllWindows()[0]);
    return true;
  }, id);
  expect(found, `menu item ${id}`).toBe(true);
}

/** Record every menu event the page receives through window.parallax.onMenu. */
export async function recordMenuEvents(page: Page): Promise<() => Promise<unknown[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __menuEvents: unknown[]; parallax: { onMenu: (fn: (e: unknown) => void) => () => void } };
    w.__menuEvents = [];
    w.parallax.onMenu((e) => w.__menuEvents.push(e));
  });
  return () => page.evaluate(() => (window as unknown as { __menuEvents: unknown[] }).__menuEvents);
}

export function bundledDocs(): Array<{ id: string; title: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'corpus', 'manifest.json'), 'utf8')) as {
    documents: Array<{ id: string; title: string }>;
  };
  return manifest.documents;
}

export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
