import type { Page } from '@playwright/test';
import { bundledDocs, chooseTheme, expect, test, THEMES } from './fixtures.js';

const doc = bundledDocs()[0];

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
    name: 'compare',
    open: async (page) => {
      await page.keyboard.press('Control+2');
      await expect(page.getByRole('link', { name: 'Compare' })).toHaveAttribute('aria-current', 'page');
      await expect(page.locator('#main h1:visible, #main h2:visible').first()).toBeVisible();
    },
  },
  {
    name: 'study',
    open: async (page) => {
      await page.keyboard.press('Control+3');
      await expect(page.getByRole('link', { name: /^Study/ })).toHaveAttribute('aria-current', 'page');
      await expect(page.locator('#main h1:visible, #main h2:visible').first()).toBeVisible();
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

for (const theme of THEMES) {
  test(`axe finds no serious or critical violation on any view (${theme})`, async ({ openApp, page, axe, shot }) => {
    await openApp();
    await chooseTheme(page, theme);
    for (const view of VIEWS) {
      await test.step(view.name, async () => {
        await page.keyboard.press('Escape');
        await view.open(page);
        // Let transitions and the search debounce settle before judging contrast.
        await page.waitForTimeout(300);
        await shot(`${view.name}-${theme}`);
        await axe(`${view.name}-${theme}`);
        await page.keyboard.press('Escape');
      });
    }
  });
}
