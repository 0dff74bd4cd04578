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

    // Progress counts what was read: stay on the first screen until it counts, then jump on.
    await expect
      .poll(async () => {
        const r = await host.call<{ progress: number }>('docs.get', { id: doc.id });
        return r.ok ? r.value.progress : 0;
      })
      .toBeGreaterThan(0);
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

  test('paints a skeleton at once, and asks nothing of the study feature before the list is there', async ({ openApp, page }) => {
    const events: string[] = [];
    await page.route('**/api/docs.list', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    page.on('request', (r) => {
      const op = /\/api\/([\w.]+)/.exec(r.url())?.[1];
      if (op) events.push(`start ${op}`);
    });
    page.on('requestfinished', (r) => {
      const op = /\/api\/([\w.]+)/.exec(r.url())?.[1];
      if (op === 'docs.list') events.push('done docs.list');
    });
    await openApp();
    // While the view's code and then its list are on their way: a skeleton shaped like the list
    // (never a bare "Loading…"), then the view's heading above the skeleton.
    const list = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
    await expect(page.locator('[data-skeleton]')).toBeVisible();
    expect(await list.count()).toBe(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await expect(list).toHaveCount(5);
    await expect(page.locator('[data-skeleton]')).toHaveCount(0);
    await page.waitForTimeout(500);
    const listed = events.indexOf('done docs.list');
    expect(listed).toBeGreaterThanOrEqual(0);
    const early = events.slice(0, listed).filter((e) => /^start (study|cards)\./.test(e) && e !== 'start study.status');
    expect(early, events.join('\n')).toEqual([]);
  });

  test('a large library keeps only the rows on screen in the page, and filters and sorts them all', async ({ openApp, page, host }) => {
    const N = 150;
    const b64 = (t: string) => Buffer.from(t, 'utf8').toString('base64');
    for (let from = 0; from < N; from += 50) {
      const files = Array.from({ length: Math.min(50, N - from) }, (_, k) => {
        const i = from + k;
        return { name: `synthetic-${String(i).padStart(3, '0')}.txt`, dataBase64: b64(`Synthetic ${i % 2 ? 'winter' : 'summer'} report ${String(i).padStart(3, '0')}\n\nA short text number ${i} about the alliance and its plans.`) };
      });
      const res = await host.call<unknown[]>('docs.import', { files });
      expect(res.ok).toBe(true);
    }
    await openApp();
    await expect(page.getByText(`${N + 5} documents`)).toBeVisible();
    const list = page.getByRole('list', { name: 'Documents' });
    await expect(list.getByRole('listitem').first()).toBeVisible();
    const rendered = await list.getByRole('listitem').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(45);
    // Each row says where it stands in the whole list.
    await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(N + 5));

    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    // Scrolled to the end, the last title is there (rendered on demand), and still few rows in the DOM.
    await page.locator('#main').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(list.getByRole('link', { name: 'Synthetic winter report 149', exact: true })).toBeVisible();
    expect(await list.getByRole('listitem').count()).toBeLessThan(45);

    await page.getByRole('searchbox', { name: 'Filter' }).fill('winter');
    await expect(page.getByText(`${N / 2} of ${N + 5} shown`)).toBeVisible();
    expect(await list.getByRole('listitem').count()).toBeLessThan(45);
    await page.getByRole('searchbox', { name: 'Filter' }).fill('report 149');
    await expect(list.getByRole('listitem')).toHaveCount(1);
  });
});
