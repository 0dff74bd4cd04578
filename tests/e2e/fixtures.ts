// The page callbacks below run in the browser; the DOM types describe them. (Once the root
// tsconfig.json excludes tests/e2e, tests/e2e/tsconfig.json alone carries this.)
/// <reference lib="dom" />
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

export { expect };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVE_MAIN = path.join(ROOT, 'dist', 'electron', 'serve', 'main.js');
const AXE_SOURCE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const SCREENSHOT_DIR = path.join(process.env.PARALLAX_E2E_OUTPUT ? path.resolve(process.env.PARALLAX_E2E_OUTPUT) : path.join(ROOT, 'test-results'), 'screenshots');

/** A running browser host (`node dist/electron/serve/main.js`) with its own library folder. */
export interface ServeHost {
  /** The URL the host printed, token included. */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  dataDir: string;
  /** Call a contract operation directly (setting up state without the UI). */
  call<T = unknown>(op: string, input?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>;
  /** Everything the host wrote to stderr so far (for failure messages). */
  stderr(): string;
  stop(): Promise<void>;
}

const URL_LINE = /^(http:\/\/127\.0\.0\.1:(\d+))\/\?token=(\S+)$/m;

export async function startServeHost(options: { dataDir?: string; timeoutMs?: number } = {}): Promise<ServeHost> {
  if (!fs.existsSync(SERVE_MAIN) || !fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` before the end-to-end tests.');
  }
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-e2e-'));
  const env = { ...process.env };
  delete env.PARALLAX_DATA_DIR;
  const child: ChildProcess = spawn(process.execPath, [SERVE_MAIN, '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The browser host printed no URL within ${options.timeoutMs ?? 30_000} ms.\n${err}`)), options.timeoutMs ?? 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = URL_LINE.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The browser host exited (${code}) before printing its URL.\n${err}`));
    });
  });
  const [line, origin, , token] = match;
  return {
    url: line,
    origin,
    token,
    dataDir,
    stderr: () => err,
    async call(op, input = {}) {
      const res = await fetch(`${origin}/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-parallax-token': token },
        body: JSON.stringify(input),
      });
      return (await res.json()) as never;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One host per test file (or per test, see `host`): the first test of a scope starts it; the next scope replaces it. */
class HostPool {
  private current: { scope: string; host: Promise<ServeHost> } | null = null;

  async forScope(scope: string): Promise<ServeHost> {
    if (this.current?.scope !== scope) {
      await this.close();
      this.current = { scope, host: startServeHost() };
    }
    return this.current.host;
  }

  async close(): Promise<void> {
    const c = this.current;
    this.current = null;
    if (c) await (await c.host.catch(() => null))?.stop();
  }
}

// ------------------------------------------------------------------------------- axe

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * Run axe-core in the page (evaluated through the DevTools protocol, so the page's strict
 * CSP need not be loosened) and fail on any serious or critical violation.
 */
export async function checkA11y(page: Page, label: string, testInfo: TestInfo): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  await testInfo.attach(`axe-${label}.json`, { body: JSON.stringify(violations, null, 2), contentType: 'application/json' });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n   ${v.nodes.map((n) => n.target.join(' ')).join('\n   ')}`).join('\n');
  expect(serious, `axe found serious/critical violations on ${label}:\n${describe}`).toEqual([]);
  return violations;
}

/** Save a screenshot as test-results/screenshots/<name>.png and attach it to the report. */
export async function screenshot(page: Page, name: string, testInfo: TestInfo): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}

// ------------------------------------------------------------------------------- fixtures

interface TestFixtures {
  /** The browser host of this test file (fresh library folder, bundled corpus loaded). */
  host: ServeHost;
  /** Requests that tried to leave the machine (the test fails if any). */
  offsiteRequests: string[];
  /** Open the app (optionally at a route hash like '#/reader/ID') and wait for it. */
  openApp: (hash?: string) => Promise<Page>;
  /** checkA11y bound to this page and test. */
  axe: (label: string) => Promise<AxeViolation[]>;
  /** screenshot bound to this page and test. */
  shot: (name: string) => Promise<string>;
}

interface WorkerFixtures {
  hostPool: HostPool;
}

function isLocal(url: string, origin: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  hostPool: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
    async ({}, use) => {
      const pool = new HostPool();
      await use(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],

  // PARALLAX_E2E_FRESH_HOSTS=1 gives every test its own library, as a retry gets: a test that
  // leans on what an earlier one left fails then (run it so before trusting a retry). The serial
  // groups (import, formats) share their library by design and are retried as a whole.
  host: async ({ hostPool }, use, testInfo) => {
    await use(await hostPool.forScope(process.env.PARALLAX_E2E_FRESH_HOSTS === '1' ? testInfo.testId : testInfo.file));
  },

  offsiteRequests: [
    async ({ page, host }, use) => {
      const offsite: string[] = [];
      const pageErrors: string[] = [];
      // Anything not from the host's own origin is recorded and never sent.
      await page.context().route('**/*', (route) => {
        const url = route.request().url();
        if (isLocal(url, host.origin)) return route.continue();
        offsite.push(url);
        return route.abort('blockedbyclient');
      });
      page.on('request', (r) => {
        if (!isLocal(r.url(), host.origin) && !offsite.includes(r.url())) offsite.push(r.url());
      });
      page.on('websocket', (ws) => offsite.push(ws.url()));
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(`CSP: ${m.text()}`);
      });
      await use(offsite);
      expect(offsite, 'the app made requests to non-local origins').toEqual([]);
      expect(pageErrors, 'uncaught errors or CSP violations in the page').toEqual([]);
    },
    { auto: true },
  ],

  openApp: async ({ page, host }, use) => {
    await use(async (hash = '') => {
      await page.goto(host.url + hash);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      return page;
    });
  },

  axe: async ({ page }, use, testInfo) => {
    await use((label) => checkA11y(page, label, testInfo));
  },

  shot: async ({ page }, use, testInfo) => {
    await use((name) => screenshot(page, name, testInfo));
  },
});

/** The five bundled reports, from corpus/manifest.json. */
export function bundledDocs(): Array<{ id: string; title: string; outlet: string | null; published: string | null }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'corpus', 'manifest.json'), 'utf8')) as {
    documents: Array<{ id: string; title: string; outlet: string | null; published: string | null }>;
  };
  return manifest.documents;
}

/** Set the theme through the top bar's select (the way a person does). */
export async function chooseTheme(page: Page, theme: 'system' | 'light' | 'sepia' | 'dark'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  if (theme !== 'system') await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

export const THEMES = ['light', 'sepia', 'dark'] as const;
