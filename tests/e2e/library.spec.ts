import { bundledDocs, expect, test } from './fixtures.js';

test.describe('library', () => {
  test('lists the five bundled reports with readable titles', async ({ openApp, page, shot }) => {
    await openApp();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    const list = page.getByRole('list', { name: 'Documents' });
    await expect(list.getByRole('listitem')).toHaveCount(5);
    for (const doc of bundledDocs()) {
      await expect(list.getByRole('link', { name: doc.title, exact: true })).toBeVisible();
    }
    // Every row says where it comes from, how long it is and how far the reader got.
    const first = list.getByRole('listitem').first();
    await expect(first).toContainText(/words · \d+ min/);
    await expect(first.getByRole('progressbar')).toHaveAttribute('aria-label', /Reading progress/);
    await expect(page.getByText('5 documents')).toBeVisible();
    await shot('library-default');
  });

  test('filters and sorts', async ({ openApp, page }) => {
    await openApp();
    const list = page.getByRole('list', { name: 'Documents' });
    await page.getByRole('searchbox', { name: 'Filter' }).fill('free press');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText('1 of 5 shown')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Filter' }).fill('nothing like this');
    await expect(page.getByRole('heading', { name: /No document matches/ })).toBeVisible();
    await page.getByRole('button', { name: 'Clear the filter' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(5);

    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('length');
    const words = await list.locator('.doc-meta').allTextContents();
    const counts = words.map((t) => Number(/([\d,]+) words/.exec(t)?.[1].replace(/,/g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    const titles = await list.getByRole('heading').allTextContents();
    // Alphabetical, with opening quotes not counting (“We will…” sorts under W).
    const key = (t: string) => t.replace(/^[\p{P}\p{S}\s]+/u, '');
    expect(titles).toEqual([...titles].sort((a, b) => key(a).localeCompare(key(b), 'en', { sensitivity: 'base' })));
  });

  test('opens a report and remembers the reading position', async ({ openApp, page, host }) => {
    await openApp();
    const doc = bundledDocs()[0];
    await page.getByRole('link', { name: doc.title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: doc.title })).toBeVisible();
    const text = page.getByRole('region', { name: `Text of ${doc.title}` });
    await expect(text).toBeFocused();
    // Passages carry their offsets into the document text.
    const firstPassage = text.locator('[data-passage]').first();
    await expect(firstPassage).toHaveAttribute('data-start', /^\d+$/);

    await text.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
    await expect
      .poll(async () => {
        const r = await host.call<{ position: number }>('docs.get', { id: doc.id });
        return r.ok ? r.value.position : 0;
      })
      .toBeGreaterThan(0);
    const saved = await host.call<{ position: number }>('docs.get', { id: doc.id });
    const position = saved.ok ? saved.value.position : -1;

    await page.getByRole('link', { name: 'Library' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: doc.title }).getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '0');
    await page.getByRole('link', { name: doc.title, exact: true }).click();
    // Reopened at the saved passage: it is in view, the top of the document is not.
    await expect
      .poll(async () =>
        text.evaluate((el, pos) => {
          const top = el.getBoundingClientRect().top;
          const ps = Array.from(el.querySelectorAll<HTMLElement>('[data-passage]'));
          const at = ps.find((p) => Number(p.dataset.start) <= pos && Number(p.dataset.end) >= pos) ?? ps[0];
          const r = at.getBoundingClientRect();
          return r.bottom > top && r.top < top + el.clientHeight && el.scrollTop > 0;
        }, position),
      )
      .toBe(true);
  });

  test('every view is reachable from the keyboard', async ({ openApp, page }) => {
    await openApp();
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('link', { name: 'Compare' })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Control+3');
    await expect(page.getByRole('link', { name: /^Study/ })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Control+4');
    await expect(page.getByRole('link', { name: 'Notes' })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Control+1');
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    // Tab order starts with the skip link, then the brand and the main navigation. A fresh
    // load puts the sequential focus starting point at the top of the page.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    // The keys of the other views are listed from anywhere, so they can be found before they are needed.
    for (const group of ['Everywhere', 'Reader', 'Selected text', 'Compare', 'Study']) {
      await expect(help.getByRole('table', { name: new RegExp(`^${group}`) })).toBeVisible();
    }
    await expect(help.getByRole('table', { name: /^Compare/ })).toContainText('Next linked statement');
    await expect(help.getByRole('table', { name: /^Study/ })).toContainText('Space');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  });

  test('a document that is not there says so instead of a blank page', async ({ openApp, page }) => {
    await openApp('#/reader/doesnotexist');
    await expect(page.getByRole('heading', { name: 'This document is not in the library' })).toBeVisible();
    await page.getByRole('button', { name: 'Go to the library' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  });
});
