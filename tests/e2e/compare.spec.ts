import type { Locator, Page } from '@playwright/test';
import { bundledDocs, chooseTheme, expect, test, THEMES } from './fixtures.js';

// Compare, used as a new reader would: choose two reports, read them side by side, follow a
// linked statement from one to the other by mouse and by keyboard, see the word differences,
// the coverage matrix, and the reader's way in ("Other sources").

const docs = bundledDocs();
const JOINT = docs.find((d) => d.id === 'b44e6ea7410dd368') ?? docs[0];
const UWC = docs.find((d) => d.id === '4435434e06963c7c') ?? docs[1];

const column = (page: Page, title: string): Locator => page.getByRole('region', { name: `Text of ${title}` });

/** How far an element is from the top of its column's visible area, in pixels. */
async function topInColumn(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const scroller = node.closest('.cmp-scroll') as HTMLElement;
    return node.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  });
}

async function openPair(page: Page, openApp: (hash?: string) => Promise<Page>): Promise<void> {
  await openApp(`#/compare?docs=${JOINT.id},${UWC.id}`);
  await expect(column(page, JOINT.title).locator('.cmp-linked').first()).toBeVisible();
}

test.describe('compare', () => {
  test('chooses two reports and shows them side by side with what they share linked', async ({ openApp, page, shot }) => {
    await openApp();
    await page.getByRole('link', { name: 'Compare' }).click();
    await expect(page.getByRole('group', { name: /Choose two to four reports/ })).toBeVisible();
    const compare = page.getByRole('button', { name: /^Compare/ });
    await expect(compare).toBeDisabled();
    await page.getByRole('checkbox', { name: new RegExp(JOINT.title.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
    await page.getByRole('checkbox', { name: new RegExp(UWC.title.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
    await compare.click();

    const a = column(page, JOINT.title);
    const b = column(page, UWC.title);
    await expect(a).toBeVisible();
    await expect(b).toBeVisible();
    // The annexation sentence is linked in both columns; sentences with no partner are marked.
    await expect(a.locator('.cmp-linked', { hasText: 'flagrant violation of the UN Charter' })).toHaveCount(1);
    await expect(b.locator('.cmp-linked', { hasText: 'blatantly violate' })).toHaveCount(1);
    await expect(b.locator('.cmp-only', { hasText: 'MiG-29' })).toHaveCount(1);
    await expect(b.locator('.cmp-only', { hasText: 'MiG-29' })).toHaveAttribute('title', 'Only in this source');
    await expect(page.getByText(/\d+ linked · \d+ only here/).first()).toBeVisible();
    await shot('compare-columns');
  });

  test('pointing at a linked sentence marks its partner; clicking brings the partner level with it', async ({ openApp, page }) => {
    await openPair(page, openApp);
    const a = column(page, JOINT.title);
    const b = column(page, UWC.title);
    const mine = a.locator('.cmp-linked', { hasText: 'Bucharest Summit in 2008' });
    const partner = b.locator('.cmp-linked', { hasText: 'Bucharest summit in 2008' });
    await mine.scrollIntoViewIfNeeded();
    await mine.hover();
    await expect(partner).toHaveClass(/cmp-partner/);

    await mine.click();
    await expect(mine).toHaveClass(/cmp-current/);
    await expect(partner).toHaveClass(/cmp-current/);
    await expect(partner).toBeInViewport();
    await expect.poll(async () => Math.abs((await topInColumn(partner)) - (await topInColumn(mine)))).toBeLessThan(40);
  });

  test('scrolling one column keeps the other in step by alignment', async ({ openApp, page }) => {
    await openPair(page, openApp);
    const a = column(page, JOINT.title);
    const b = column(page, UWC.title);
    const mine = a.locator('.cmp-linked', { hasText: 'We reaffirm the decision adopted' });
    const partner = b.locator('.cmp-linked', { hasText: 'confirms the decisions made' });
    // Scroll the first column (as a wheel would) so the 2008 sentence sits near the top third.
    await a.hover();
    const target = await mine.evaluate((node) => {
      const scroller = node.closest('.cmp-scroll') as HTMLElement;
      return node.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - scroller.clientHeight * 0.3;
    });
    await page.mouse.wheel(0, 1);
    await a.evaluate((el, top) => el.scrollTo({ top }), target);
    await expect(partner).toBeInViewport();
    await expect.poll(async () => Math.abs((await topInColumn(partner)) - (await topInColumn(mine)))).toBeLessThan(60);
  });

  test('walks from one linked statement to the next from the keyboard', async ({ openApp, page }) => {
    await openPair(page, openApp);
    await page.getByRole('region', { name: `Text of ${JOINT.title}` }).focus();
    await page.keyboard.press('j');
    await expect(page.getByRole('status').filter({ hasText: /Linked statement 1 of \d+/ })).toBeAttached();
    const current = page.locator('.cmp-linked.cmp-current');
    await expect(current.first()).toBeVisible();
    const first = await current.first().textContent();
    await page.keyboard.press('j');
    await expect(page.getByRole('status').filter({ hasText: /Linked statement 2 of/ })).toBeAttached();
    await expect(current.first()).not.toHaveText(first ?? '');
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.getByRole('status').filter({ hasText: /Linked statement 1 of/ })).toBeAttached();
    // Both columns mark the statement.
    await expect(column(page, JOINT.title).locator('.cmp-current').first()).toBeVisible();
    await expect(column(page, UWC.title).locator('.cmp-current').first()).toBeVisible();

    // Linked sentences are reachable with Tab and chosen with Enter.
    const linked = column(page, UWC.title).locator('[data-cmp-s][role="button"]').first();
    await linked.focus();
    await expect(linked).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(linked).toHaveClass(/cmp-current/);
    await expect(linked).toHaveAttribute('aria-pressed', 'true');

    // ← goes to its partner in the other column; j then moves the focus with the current statement.
    const group = await linked.getAttribute('data-cmp-group');
    await page.keyboard.press('ArrowLeft');
    const partner = column(page, JOINT.title).locator(`[data-cmp-group="${group}"][role="button"]`).first();
    await expect(partner).toBeFocused();
    await page.keyboard.press('j');
    await expect(column(page, JOINT.title).locator('[data-cmp-s][role="button"]:focus')).toHaveClass(/cmp-current/);
  });

  test('shows word differences inline, with numbers, names and quotations called out', async ({ openApp, page, shot }) => {
    await openPair(page, openApp);
    await expect(page.locator('.cmp-diff')).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Word differences' }).check();
    const a = column(page, JOINT.title);
    await expect(a.locator('.cmp-diff', { hasText: 'flagrant violation of' })).toHaveCount(1);
    await expect(column(page, UWC.title).locator('.cmp-diff', { hasText: 'blatantly violate' })).toHaveCount(1);
    await a.locator('.cmp-linked', { hasText: 'We will never recognize' }).first().click();
    await shot('compare-differences');
    await page.keyboard.press('d');
    await expect(page.locator('.cmp-diff')).toHaveCount(0);
  });

  test('the coverage matrix shows who carries what, and a cell opens the passage', async ({ openApp, page, shot }) => {
    await openApp('#/compare');
    await page.getByRole('button', { name: 'Coverage matrix' }).click();
    const table = page.getByRole('table');
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveCount(docs.length + 1);
    const row = table.getByRole('row', { name: /We will never recognize Russia’s illegal annexations/ });
    await expect(row.getByRole('button')).toHaveCount(3);
    await shot('compare-matrix');
    await row.getByRole('button', { name: /Free Press/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /We will never recognize/ })).toBeVisible();
    await expect(page.locator('[data-flash]').first()).toContainText('never recognize');
  });

  test('the reader offers the passage in other sources and the way into side by side', async ({ openApp, page }) => {
    await openApp(`#/reader/${UWC.id}`);
    const panelButton = page.getByRole('button', { name: 'Side panel' });
    if ((await panelButton.getAttribute('aria-expanded')) !== 'true') await panelButton.click();
    const tab = page.getByRole('tab', { name: 'Other sources' });
    if (await tab.count()) await tab.click();
    const text = page.getByRole('region', { name: `Text of ${UWC.title}` });
    await text.evaluate((el) => {
      const target = [...el.querySelectorAll('[data-passage]')].find((p) => p.textContent?.includes('confirms the decisions')) as HTMLElement;
      target.scrollIntoView({ block: 'start' });
    });
    const found = page.getByRole('listitem').filter({ hasText: 'Bucharest Summit in 2008' });
    await expect(found).toBeVisible();
    await found.getByRole('button', { name: 'Side by side' }).click();
    await expect(column(page, UWC.title)).toBeVisible();
    await expect(column(page, JOINT.title)).toBeVisible();
  });

  test('adds a third source and takes it away again', async ({ openApp, page, shot }) => {
    await openPair(page, openApp);
    const third = docs.find((d) => d.id === 'da58ee4863b15816') ?? docs[2];
    await page.getByRole('combobox', { name: 'Add a source' }).selectOption(third.id);
    const c = column(page, third.title);
    await expect(c).toBeVisible();
    await expect(c.locator('.cmp-linked', { hasText: 'illegal annexation' }).first()).toBeVisible();
    // Pointing at the annexation sentence in the first column marks it in both others.
    const mine = column(page, JOINT.title).locator('.cmp-linked', { hasText: 'flagrant violation of the UN Charter' });
    await mine.scrollIntoViewIfNeeded();
    await mine.hover();
    await expect(column(page, UWC.title).locator('.cmp-partner').first()).toBeVisible();
    await expect(c.locator('.cmp-partner').first()).toBeVisible();
    await shot('compare-three');
    await page.getByRole('button', { name: `Remove ${third.title} from the comparison` }).click();
    await expect(c).toHaveCount(0);
    await expect(column(page, UWC.title)).toBeVisible();
  });

  test('works at 1280x800 and stacks the columns in a narrow window', async ({ openApp, page, shot }) => {
    await openPair(page, openApp);
    const a = column(page, JOINT.title);
    const b = column(page, UWC.title);
    const boxA = await a.boundingBox();
    const boxB = await b.boundingBox();
    expect(boxA && boxB && boxB.x > boxA.x + boxA.width - 2).toBe(true);
    await page.setViewportSize({ width: 700, height: 900 });
    await expect
      .poll(async () => {
        const x = await a.boundingBox();
        const y = await b.boundingBox();
        return x && y ? y.y >= x.y + x.height - 2 : false;
      })
      .toBe(true);
    await shot('compare-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  for (const theme of THEMES) {
    test(`has no serious accessibility problems (${theme})`, async ({ openApp, page, axe }) => {
      await openPair(page, openApp);
      await chooseTheme(page, theme);
      await page.getByRole('checkbox', { name: 'Word differences' }).check();
      await column(page, JOINT.title).locator('.cmp-linked').first().click();
      await axe(`compare-columns-${theme}`);
      await page.getByRole('button', { name: 'Coverage matrix' }).click();
      await expect(page.getByRole('table')).toBeVisible();
      await axe(`compare-matrix-${theme}`);
      await page.goto(page.url().replace(/#.*$/, '#/compare'));
      await page.getByRole('button', { name: 'Side by side' }).click();
      await expect(page.getByRole('group', { name: /Choose two to four reports/ })).toBeVisible();
      await axe(`compare-chooser-${theme}`);
    });
  }
});
