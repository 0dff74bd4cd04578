import path from 'node:path';
import { channelFor, OP_NAMES } from '../../electron/api/contract.js';
import { bundledDocs, clickMenu, ELECTRON_SKIP_REASON, expect, MOD, recordMenuEvents, ROOT, screenshot, test } from './electron-app.js';

// The browser e2e scenarios (tests/e2e) through the real desktop shell: window, preload, IPC,
// menu and the app:// protocol, plus what only the desktop has (native menu and import dialog).

test.skip(!!ELECTRON_SKIP_REASON, ELECTRON_SKIP_REASON);

const GRIPEN_DOC = '4435434e06963c7c';

test.describe('the desktop app', () => {
  test('opens the library with the five bundled reports', async ({ desktop }, testInfo) => {
    const { window: page } = desktop;
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    const list = page.getByRole('list', { name: 'Documents' });
    await expect(list.getByRole('listitem')).toHaveCount(5);
    for (const doc of bundledDocs()) {
      await expect(list.getByRole('link', { name: doc.title, exact: true })).toBeVisible();
    }
    await screenshot(page, 'electron-library', testInfo);
  });

  test('opens a report', async ({ desktop }, testInfo) => {
    const { window: page } = desktop;
    const doc = bundledDocs()[0]!;
    await page.getByRole('link', { name: doc.title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: doc.title })).toBeVisible();
    const text = page.getByRole('region', { name: `Text of ${doc.title}` });
    await expect(text.locator('[data-passage]').first()).toHaveAttribute('data-start', /^\d+$/);
    await screenshot(page, 'electron-reader', testInfo);
  });

  test('finds "Gripen" with Ctrl/Cmd+K, by keyboard only, and lands on it', async ({ desktop }, testInfo) => {
    const { window: page } = desktop;
    const target = bundledDocs().find((d) => d.id === GRIPEN_DOC)!;
    await page.keyboard.press(`${MOD}+K`);
    const box = page.getByRole('combobox', { name: 'Search all documents' });
    await expect(box).toBeFocused();
    await page.keyboard.type('Gripen');
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(options.first()).toContainText(/Gripen/i);
    await screenshot(page, 'electron-search', testInfo);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: target.title })).toBeVisible();
    const text = page.getByRole('region', { name: `Text of ${target.title}` });
    const passage = text.locator('[data-passage]', { hasText: 'Gripen' }).first();
    await expect(passage).toBeInViewport();
  });

  test('shows why a file could not be imported (renderer picker and File > Import…)', async ({ desktop }) => {
    const { app, window: page } = desktop;
    const bad = path.join(ROOT, 'tests', 'fixtures', 'import', 'binary.txt');

    await page.getByTestId('import-input').setInputFiles(bad);
    const row = page.locator('.import-error', { hasText: 'binary.txt' });
    await expect(row).toBeVisible();
    await expect(row).not.toHaveText(/^\s*binary\.txt\s*$/);
    await page.getByRole('button', { name: 'Dismiss the import results' }).click();

    // The native dialog, answered by the test; the files are read and imported in main.
    const events = await recordMenuEvents(page);
    await app.evaluate(({ dialog }, file) => {
      dialog.showOpenDialog = (() => Promise.resolve({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
    }, bad);
    await clickMenu(app, 'parallax.import');
    await expect.poll(events).toContainEqual({
      kind: 'imported',
      result: { ok: true, value: [{ file: 'binary.txt', error: expect.objectContaining({ code: expect.any(String) }) }] },
    });
    await expect(page.locator('.import-error', { hasText: 'binary.txt' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(5);
  });

  test('switches theme from the toolbar and from the View menu', async ({ desktop }, testInfo) => {
    const { app, window: page } = desktop;
    const html = page.locator('html');
    for (const theme of ['light', 'sepia', 'dark'] as const) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      await expect(html).toHaveAttribute('data-theme', theme);
      await screenshot(page, `electron-theme-${theme}`, testInfo);
    }
    const events = await recordMenuEvents(page);
    await clickMenu(app, 'parallax.theme.sepia');
    await expect.poll(events).toContainEqual({ kind: 'command', command: 'theme.sepia' });
    await expect(html).toHaveAttribute('data-theme', 'sepia');
  });

  test('menu shortcuts reach the renderer', async ({ desktop }) => {
    const { app, window: page } = desktop;
    const events = await recordMenuEvents(page);
    await clickMenu(app, 'parallax.search');
    await expect.poll(events).toContainEqual({ kind: 'command', command: 'search.open' });
    await expect(page.getByRole('combobox', { name: 'Search all documents' })).toBeVisible();
    await page.keyboard.press('Escape');
    await clickMenu(app, 'parallax.view.notes');
    await expect(page.getByRole('link', { name: 'Notes' })).toHaveAttribute('aria-current', 'page');
  });

  test('is locked down: contract-only bridge, sandbox, no navigation, no new windows', async ({ desktop }) => {
    const { app, window: page } = desktop;

    const seen = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { parallax: object }).parallax).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      origin: location.origin,
    }));
    expect(seen.keys).toEqual([...OP_NAMES, 'onMenu'].sort());
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.origin).toBe('app://parallax');

    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wins = BrowserWindow.getAllWindows();
      // An Electron method the typings omit; it reports the preferences the page runs with.
      const p = (wins[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null }).getLastWebPreferences();
      return { count: wins.length, contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration, webSecurity: p?.webSecurity };
    });
    expect(prefs).toEqual({ count: 1, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

    const headers = await page.evaluate(async () => {
      const r = await fetch('./index.html');
      return r.headers.get('content-security-policy');
    });
    expect(headers).toContain("default-src 'self'");

    // Links to the web go to the system browser (stubbed here), never into the app.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { __opened: string[] }).__opened = opened;
      shell.openExternal = (url: string) => {
        opened.push(url);
        return Promise.resolve();
      };
    });
    expect(await page.evaluate(() => window.open('https://example.org/a') === null)).toBe(true);
    await page.evaluate(() => {
      location.href = 'https://example.org/b';
    });
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened)).toEqual([
      'https://example.org/a',
      'https://example.org/b',
    ]);
    expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true);
    expect(page.url()).toMatch(/^app:\/\/parallax\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(await app.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened)).toHaveLength(2);
    desktop.offsite.length = 0; // the deliberate attempts above were refused, as they should be

    // Every contract channel answers the window; a made-up channel has no handler at all.
    const listed = (await page.evaluate(() => (window as unknown as { parallax: Record<string, (i: unknown) => Promise<unknown>> }).parallax['docs.list']!({}))) as {
      ok: boolean;
    };
    expect(listed.ok).toBe(true);
    expect(OP_NAMES.map(channelFor).every((c) => c.startsWith('parallax:'))).toBe(true);
  });
});
