import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  process.stderr.write(`[e2e] ${CHROMIUM} is absent: the browser-host tests are skipped (CI installs Debian's chromium).\n`);
}

/**
 * End-to-end tests of the browser host (npm run serve) in Debian Chromium, one fresh library
 * per test file (see fixtures.ts). The desktop app's _electron specs live in tests/e2e-electron.
 */
export default defineConfig({
  testDir: '.',
  // PARALLAX_E2E_OUTPUT lets parallel runs in one checkout keep their artifacts apart.
  outputDir: process.env.PARALLAX_E2E_OUTPUT ? path.resolve(process.env.PARALLAX_E2E_OUTPUT) : path.join(root, 'test-results'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // The machine is shared; one worker keeps timings calm and the output readable.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: hasChromium ? CHROMIUM : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-features=Translate,OptimizationHints,MediaRouter',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      testMatch: hasChromium ? '**/*.spec.ts' : 'chromium-missing.check.ts',
    },
  ],
});
