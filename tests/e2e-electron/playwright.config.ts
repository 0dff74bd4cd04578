import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { ELECTRON_SKIP_REASON } from './electron-app.js';

if (ELECTRON_SKIP_REASON) process.stderr.write(`[e2e-electron] ${ELECTRON_SKIP_REASON}.\n`);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The desktop app end to end, through Playwright's _electron launcher (`electron .` on the
 * built app, a fresh library folder per test file). Needs no browser; where no Electron binary
 * is installed every test is skipped with a message saying so (see electron-app.ts).
 *
 *   npx playwright test -c tests/e2e-electron/playwright.config.ts
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(root, 'test-results', 'e2e-electron'),
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One app at a time: the machine is shared, and each instance holds its own library lock.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
