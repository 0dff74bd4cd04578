import type { Page } from '@playwright/test';
import { bundledDocs, chooseTheme, expect, test } from './fixtures.js';

const docs = bundledDocs();
const doc = docs[0];
/** Two reports that share statements (the joint statement and the UWC report). */
const pair = ['b44e6ea7410dd368', '4435434e06963c7c'];

/** Go to a route in the running app (a hash change: the theme and the page stay). */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Each view, reached the way a person would, ready to be scanned. */
const VIEWS: Array<{ name: string; open: (page: Page) => Promise<void> }> = [
  {
    name: 'library',
    open: async (page) => {
      await page.keyboard.press('Control+1');
      await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
    },
  },
  {
    name: 'reader',
    open: async (page) => {
      await page.keyboard.press('Control+1');
      await page.getByRole('link', { name: doc.title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: doc.title })).toBeVisible();
    },
  },
  {
    name: 'reader-contents',
    open: async (page) => {
      await page.keyboard.press('Control+1');
      await page.getByRole('link', { name: doc.title, exact: true }).click();
      const toggle = page.getByRole('button', { name: 'Contents' });
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
    },
  },
  {
    name: 'search',
    open: async (page) => {
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+k');
      await page.keyboard.type('support ukraine');
      await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
    },
  },
  {
    name: 'compare-chooser',
    open: async (page) => {
      await go(page, '#/compare?p.choose=1');
      await expect(page.getByRole('group', { name: /Choose two to five reports/ })).toBeVisible();
    },
  },
  {
    name: 'compare-columns',
    open: async (page) => {
      await go(page, `#/compare?docs=${pair.join(',')}&p.diff=1`);
      const linked = page.locator('.cmp-scroll .cmp-linked').first();
      await expect(linked).toBeVisible({ timeout: 60_000 });
      // A current statement, its partners, and the word differences all on screen.
      await linked.click();
      await expect(page.locator('.cmp-current').first()).toBeVisible();
    },
  },
  {
    name: 'compare-only-here',
    open: async (page) => {
      await go(page, `#/compare?docs=${pair.join(',')}`);
      await expect(page.locator('.cmp-scroll .cmp-linked').first()).toBeVisible({ timeout: 60_000 });
      // The comparison remembers an open list: open it unless an earlier pass left it open.
      const toggle = page.getByRole('button', { name: /only here/ }).first();
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await expect(page.getByRole('region', { name: /^Only in / })).toBeVisible();
    },
  },
  {
    name: 'compare-five',
    open: async (page) => {
      await go(page, `#/compare?docs=${docs.map((d) => d.id).join(',')}`);
      await expect(page.locator('.cmp-column')).toHaveCount(Math.min(5, docs.length));
      await expect(page.locator('.cmp-scroll .cmp-linked').first()).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'compare-matrix',
    open: async (page) => {
      await go(page, '#/compare?p.mode=matrix');
      await expect(page.getByRole('table')).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'reader-from-compare',
    open: async (page) => {
      await go(page, '#/compare?p.mode=matrix');
      await page.getByRole('table').getByRole('button').first().click();
      await expect(page.getByRole('button', { name: /Back to the comparison/ })).toBeVisible();
    },
  },
  {
    name: 'study-session',
    open: async (page) => {
      await page.keyboard.press('Control+3');
      await expect(page.getByRole('link', { name: /^Study/ })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
      // Cards are made in the background: wait for the first (or for "nothing to study").
      const card = page.locator('article.study-card');
      await expect(card.or(page.getByRole('heading', { name: /Nothing to study|Session done/ })).first()).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'study-answer',
    open: async (page) => {
      await page.keyboard.press('Control+3');
      const card = page.locator('article.study-card');
      await expect(card.or(page.getByRole('heading', { name: /Nothing to study|Session done/ })).first()).toBeVisible({ timeout: 60_000 });
      if (await card.isVisible()) {
        await page.getByRole('button', { name: /^(Show answer|Check)/ }).click();
        await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
      }
    },
  },
  {
    name: 'study-cards',
    open: async (page) => {
      await page.keyboard.press('Control+3');
      await page.getByRole('tab', { name: 'Cards' }).click();
      await expect(page.getByRole('tab', { name: 'Cards' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('list', { name: 'Cards' }).getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'notes',
    open: async (page) => {
      await page.keyboard.press('Control+4');
      await expect(page.getByRole('link', { name: 'Notes' })).toHaveAttribute('aria-current', 'page');
      await expect(page.locator('#main h1:visible, #main h2:visible').first()).toBeVisible();
    },
  },
  {
    name: 'shortcuts',
    open: async (page) => {
      await page.keyboard.press('Control+1');
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
  },
  {
    name: 'delete-confirm',
    open: async (page) => {
      await page.keyboard.press('Control+1');
      await page.getByRole('button', { name: `Delete “${doc.title}”` }).click();
      await expect(page.getByRole('dialog', { name: /^Delete/ })).toBeVisible();
    },
  },
];

// Every view in light and dark at 900 and 1,400 px (sepia at 1,400 px too).
const RUNS = [
  ...(['light', 'dark'] as const).flatMap((theme) => [900, 1400].map((width) => ({ theme, width }))),
  { theme: 'sepia' as const, width: 1400 },
];

for (const { theme, width } of RUNS) {
  test(`axe finds no serious or critical violation on any view (${theme}, ${width} px)`, async ({ openApp, page, axe, shot }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 850 });
    await openApp();
    await chooseTheme(page, theme);
    for (const view of VIEWS) {
      await test.step(view.name, async () => {
        await page.keyboard.press('Escape');
        await view.open(page);
        // Let transitions and the search debounce settle before judging contrast.
        await page.waitForTimeout(300);
        await shot(`${view.name}-${theme}-${width}`);
        await axe(`${view.name}-${theme}-${width}`);
        await page.keyboard.press('Escape');
      });
    }
  });
}
