// Start and view-switch timings with a large library whose cards are still being prepared (issue 14's
// 2 s / 100 ms goals): `npm run build && npx tsx tests/e2e/measure-start.ts 1000`. Not a spec (no
// timed assertions on a shared machine); figures are recorded in docs/performance.md.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ingestDocument } from '../../electron/core/corpus/ingest.js';
import { openLibrary } from '../../electron/core/library.js';
import { readSeedSentences } from '../../bench/corpus.js';
import { studyDoc } from '../../bench/sections/study.js';
import { startServeHost } from './fixtures.js';

const N = Number(process.argv[2] ?? 1000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-'));
const lib = await openLibrary({ dataDir, logSlow: false });
const sentences = readSeedSentences(path.resolve('corpus'));
lib.db.transaction(() => { for (let i = 0; i < N; i++) { const d = studyDoc(sentences, i); ingestDocument(lib.db, { file: d.file, origin: 'imported', raw: d.text, title: d.title, outlet: d.outlet, published: d.published, language: 'en', author: null }); } })();
await lib.close();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  const host = await startServeHost({ dataDir, timeoutMs: 60_000 });
  const tHost = performance.now();
  const page = await browser.newPage();
  const tNav = performance.now();
  await page.goto(host.url);
  await page.locator('[data-skeleton], [role="list"][aria-label="Documents"]').first().waitFor();
  const tFirst = performance.now();
  await page.getByRole('list', { name: 'Documents' }).getByRole('listitem').first().waitFor();
  const tList = performance.now();
  const views: Record<string, number> = {};
  for (const name of ['Study', 'Compare', 'Notes', 'Library']) {
    views[name] = (await page.evaluate(`(async (label) => {
      const link = [...document.querySelectorAll('nav a')].find((a) => (a.textContent || '').trim().startsWith(label));
      if (!link) return -1;
      const t0 = performance.now();
      link.click();
      return await new Promise((resolve) => {
        const check = () => {
          const h1 = [...document.querySelectorAll('h1')].some((h) => (h.textContent || '').trim().startsWith(label));
          if (h1 || document.querySelector('[data-skeleton]')) resolve(Math.round(performance.now() - t0));
          else requestAnimationFrame(check);
        };
        check();
      });
    })(${JSON.stringify(name)})`)) as number;
    await page.waitForTimeout(1500);
  }
  const status = await host.call('study.status', {});
  console.log(JSON.stringify({ round, hostStartMs: Math.round(tHost - t0), firstPaintOfLibraryMs: Math.round(tFirst - tNav), listWithRowsMs: Math.round(tList - tNav), viewPaintMs: views, study: (status as { value?: unknown }).value }));
  await page.close();
  await host.stop();
}
await browser.close();
fs.rmSync(dataDir, { recursive: true, force: true });
