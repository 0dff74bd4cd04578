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
  // The first alignment of a fresh library is computed on the spot (slow on a busy machine).
  await expect(column(page, JOINT.title).locator('.cmp-linked').first()).toBeVisible({ timeout: 30_000 });
}

/** Scroll a column (as a wheel would: it becomes the one the others follow) to a pixel top. */
async function scrollColumn(page: Page, col: Locator, top: number): Promise<void> {
  await col.hover();
  await page.mouse.wheel(0, 1);
  await col.evaluate((el, y) => el.scrollTo({ top: y }), top);
}

/** The scroll top that puts `el` on its column's reading line (30 % down). */
async function readingLineTop(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const scroller = node.closest('.cmp-scroll') as HTMLElement;
    return node.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - scroller.clientHeight * 0.3;
  });
}

const scrollTopOf = (el: Locator): Promise<number> => el.evaluate((node) => node.scrollTop);

/** The n-th column's "only here" toggle, with its list open (it may be open already: the comparison remembers it). */
async function openOnlyHere(page: Page, n: number) {
  const toggle = page.getByRole('button', { name: /only here/ }).nth(n);
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return toggle;
}

test.describe('compare', () => {
  test('chooses two reports and shows them side by side with what they share linked', async ({ openApp, page, shot }) => {
    await openApp();
    await page.getByRole('link', { name: 'Compare' }).click();
    await expect(page.getByRole('group', { name: /Choose two to five reports/ })).toBeVisible();
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
    await openApp('#/compare?p.mode=matrix');
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

  for (const width of [900, 1400]) {
    test(`keeps the columns side by side at ${width} px, each scrolling on its own`, async ({ openApp, page, shot }) => {
      await page.setViewportSize({ width, height: 800 });
      await openPair(page, openApp);
      const a = column(page, JOINT.title);
      const b = column(page, UWC.title);
      await expect(page.getByRole('tablist', { name: 'Source shown' })).toHaveCount(0);
      const boxA = await a.boundingBox();
      const boxB = await b.boundingBox();
      if (!boxA || !boxB) throw new Error('a column has no box');
      // Side by side, both inside the window, each a readable width and most of the height.
      expect(boxB.x).toBeGreaterThanOrEqual(boxA.x + boxA.width - 2);
      expect(boxB.x + boxB.width).toBeLessThanOrEqual(width + 1);
      expect(boxA.width).toBeGreaterThan(width * 0.4);
      expect(boxA.height).toBeGreaterThan(400);
      expect(boxA.y + boxA.height).toBeLessThanOrEqual(801);
      // Each column scrolls (the page does not); the other follows in step.
      await a.hover();
      await page.mouse.wheel(0, 900);
      await expect.poll(() => scrollTopOf(a)).toBeGreaterThan(200);
      await scrollColumn(page, a, await readingLineTop(a.locator('.cmp-linked', { hasText: 'We reaffirm the decision adopted' })));
      await expect.poll(() => scrollTopOf(b)).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
      expect(await page.locator('#main').evaluate((m) => m.scrollTop)).toBe(0);
      const before = await scrollTopOf(a);
      await page.getByRole('checkbox', { name: 'Scroll in step' }).uncheck();
      await b.hover();
      await page.mouse.wheel(0, 600);
      await expect.poll(() => scrollTopOf(b)).toBeGreaterThan(300);
      expect(await scrollTopOf(a)).toBe(before);
      await shot(`compare-columns-${width}`);
    });
  }

  test('under 800 px shows one source at a time, and switching keeps the aligned place', async ({ openApp, page, shot, axe }) => {
    await page.setViewportSize({ width: 700, height: 900 });
    await openPair(page, openApp);
    const tabs = page.getByRole('tablist', { name: 'Source shown' });
    await expect(tabs.getByRole('tab')).toHaveCount(2);
    await expect(tabs.getByRole('tab').first()).toHaveAttribute('aria-selected', 'true');
    const a = column(page, JOINT.title);
    await expect(a).toBeVisible();
    await expect(column(page, UWC.title)).toHaveCount(0);
    const boxA = await a.boundingBox();
    expect(boxA && boxA.width > 600).toBe(true);

    // Read down to the 2008 sentence, then switch: the other source opens at its partner.
    const mine = a.locator('.cmp-linked', { hasText: 'We reaffirm the decision adopted' });
    await scrollColumn(page, a, await readingLineTop(mine));
    const mineTop = await topInColumn(mine);
    await tabs.getByRole('tab').nth(1).click();
    await expect(tabs.getByRole('tab').nth(1)).toHaveAttribute('aria-selected', 'true');
    const b = column(page, UWC.title);
    await expect(b).toBeVisible();
    await expect(a).toHaveCount(0);
    const partner = b.locator('.cmp-linked', { hasText: 'confirms the decisions made' });
    await expect(partner).toBeInViewport();
    await expect.poll(async () => Math.abs((await topInColumn(partner)) - mineTop)).toBeLessThan(60);
    await shot('compare-one-pane-700');
    await axe('compare-one-pane-700');

    // The keyboard: arrows move between the tabs, and back on the first pane the place holds.
    await tabs.getByRole('tab').nth(1).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.getByRole('tab').first()).toBeFocused();
    await expect(tabs.getByRole('tab').first()).toHaveAttribute('aria-selected', 'true');
    await expect(mine).toBeInViewport();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('marks linked text with lines, never with a fill a highlight could be taken for', async ({ openApp, page }) => {
    await openPair(page, openApp);
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      const a = column(page, JOINT.title);
      await a.locator('.cmp-linked', { hasText: 'flagrant violation of the UN Charter' }).click();
      await a.locator('.cmp-linked', { hasText: 'Bucharest Summit in 2008' }).hover();
      await expect(page.locator('.cmp-partner').first()).toBeAttached();
      // Word differences on from the keyboard, so the pointer stays where it is.
      await page.keyboard.press('d');
      await expect(page.locator('.cmp-diff').first()).toBeAttached();
      const found = await page.evaluate(() => {
        const root = getComputedStyle(document.documentElement);
        const highlight = ['yellow', 'green', 'blue', 'pink', 'purple'].map((c) => root.getPropertyValue(`--hl-${c}`).trim());
        const marks = ['.cmp-linked.cmp-same', '.cmp-linked.cmp-variant', '.cmp-current', '.cmp-partner', '.cmp-hover', '.cmp-only', '.cmp-diff'];
        return {
          highlight,
          marks: marks.map((sel) => {
            const el = document.querySelector(sel);
            if (!el) return { sel, missing: true, background: '', line: '' };
            const cs = getComputedStyle(el);
            const passage = el.closest('[data-passage]');
            const rule = passage ? getComputedStyle(passage).borderLeftStyle : '';
            return { sel, missing: false, background: cs.backgroundColor, line: `${cs.textDecorationLine} ${cs.textDecorationStyle} rule:${rule}` };
          }),
        };
      });
      expect(found.highlight.every((c) => c.startsWith('#'))).toBe(true);
      for (const m of found.marks) {
        expect(m.missing, `${m.sel} is on the page (${theme})`).toBe(false);
        // No fill at all: transparent backgrounds, so only the five highlights colour the text.
        expect(m.background, `${m.sel} background (${theme})`).toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
      }
      // The cues are lines: underlines for linked text and differences, a rule beside the
      // paragraph of the current statement (solid) and of the partners (dashed).
      expect(found.marks.find((m) => m.sel === '.cmp-linked.cmp-same')?.line).toMatch(/^underline solid/);
      expect(found.marks.find((m) => m.sel === '.cmp-linked.cmp-variant')?.line).toMatch(/^underline dashed/);
      expect(found.marks.find((m) => m.sel === '.cmp-diff')?.line).toMatch(/^underline wavy/);
      expect(found.marks.find((m) => m.sel === '.cmp-current')?.line).toContain('rule:solid');
      expect(found.marks.find((m) => m.sel === '.cmp-partner')?.line).toMatch(/rule:(dashed|solid)/);
      await page.keyboard.press('d');
      await expect(page.locator('.cmp-diff')).toHaveCount(0);
    }
    await chooseTheme(page, 'system');
  });

  test('Back from a matrix cell returns to the matrix where it was', async ({ openApp, page }) => {
    await page.setViewportSize({ width: 1280, height: 500 });
    await openApp('#/compare?p.mode=matrix');
    const table = page.getByRole('table');
    await expect(table).toBeVisible();
    const wrap = page.locator('.cmp-matrix-wrap');
    // A cell far down the table (so the place to come back to is well away from the top).
    const cell = table.getByRole('row').last().getByRole('button').first();
    await cell.scrollIntoViewIfNeeded();
    const top = await scrollTopOf(wrap);
    expect(top).toBeGreaterThan(100);
    await page.waitForTimeout(400);
    const open = async () => {
      await cell.click();
      await expect(page.locator('[data-flash]').first()).toBeVisible();
    };
    await open();
    // The button...
    await page.getByRole('button', { name: /Back to the comparison/ }).click();
    await expect(table).toBeVisible();
    await expect.poll(() => scrollTopOf(wrap)).toBe(top);
    await expect(page.getByRole('button', { name: /Back to the comparison/ })).toHaveCount(0);
    // ...and Alt+← (then the browser's own Back) do the same.
    await open();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(table).toBeVisible();
    await expect.poll(() => scrollTopOf(wrap)).toBe(top);
    await open();
    await page.goBack();
    await expect(table).toBeVisible();
    await expect.poll(() => scrollTopOf(wrap)).toBe(top);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('Back from a passage, the Compare tab and a reload all return to the same columns and places', async ({ openApp, page, host, shot }) => {
    await openPair(page, openApp);
    // The second column's "only here" list is open throughout: it is part of what comes back.
    const onlyHere = await openOnlyHere(page, 1);
    const a = column(page, JOINT.title);
    const b = column(page, UWC.title);
    await scrollColumn(page, a, await readingLineTop(a.locator('.cmp-linked', { hasText: 'We reaffirm the decision adopted' })));
    await expect.poll(() => scrollTopOf(b)).toBeGreaterThan(0);
    await page.waitForTimeout(400);
    const where = async () => [Math.round(await scrollTopOf(a)), Math.round(await scrollTopOf(b))];
    const before = await where();
    const near = async (): Promise<boolean> => {
      const now = await where();
      return Math.abs((now[0] as number) - (before[0] as number)) <= 2 && Math.abs((now[1] as number) - (before[1] as number)) <= 2;
    };

    // Into the reader from the "only here" list, and Back.
    const list = page.getByRole('region', { name: /^Only in / });
    await list.getByRole('listitem').filter({ hasText: 'MiG-29' }).getByRole('button', { name: 'Read in context' }).click();
    await expect(page.locator('[data-flash]').first()).toContainText('MiG-29');
    await shot('compare-back-button');
    await page.getByRole('button', { name: /Back to the comparison/ }).click();
    await expect(column(page, UWC.title).locator('.cmp-linked').first()).toBeVisible();
    await expect.poll(near).toBe(true);
    await expect(onlyHere).toHaveAttribute('aria-expanded', 'true');

    // Another view, then the Compare tab: the same comparison, the same places.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Library' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await nav.getByRole('link', { name: 'Compare' }).click();
    await expect(column(page, JOINT.title).locator('.cmp-linked').first()).toBeVisible();
    await expect(column(page, UWC.title)).toBeVisible();
    await expect.poll(near).toBe(true);
    await expect(onlyHere).toHaveAttribute('aria-expanded', 'true');
    await expect(list).toBeVisible();

    // A reload of the bare Compare tab (the library's settings hold the comparison).
    await page.goto(page.url().replace(/#.*$/, '#/compare'));
    await page.reload();
    await expect(column(page, JOINT.title).locator('.cmp-linked').first()).toBeVisible();
    await expect.poll(near).toBe(true);
    await expect(onlyHere).toHaveAttribute('aria-expanded', 'true');
    // Closed, it stays closed (once the library has it: the write waits for scrolling to settle).
    await onlyHere.click();
    await expect(list).toHaveCount(0);
    await expect
      .poll(async () => {
        const got = await host.call<Record<string, string>>('settings.get', {});
        return got.ok ? (JSON.parse(got.value['compare.last'] ?? '{}') as { onlyHere?: number[] }).onlyHere : null;
      })
      .toEqual([]);
    await page.reload();
    await expect(column(page, JOINT.title).locator('.cmp-linked').first()).toBeVisible();
    await expect(onlyHere).toHaveAttribute('aria-expanded', 'false');
    // Choosing other sources is one click away.
    await page.getByRole('button', { name: 'Choose sources…' }).click();
    await expect(page.getByRole('group', { name: /Choose two to five reports/ })).toBeVisible();
  });

  test('"only here" sentences can be reached, highlighted and made into a card', async ({ openApp, page, shot }) => {
    await openPair(page, openApp);
    const b = column(page, UWC.title);
    await openOnlyHere(page, 1);
    const list = page.getByRole('region', { name: /^Only in / });
    const item = list.getByRole('listitem').filter({ hasText: 'MiG-29' });
    await expect(item).toHaveCount(1);

    // Jump: the sentence comes into view, outlined and selected (the highlight bar appears).
    await item.getByRole('button', { name: /MiG-29/ }).click();
    const target = b.locator('.cmp-only.cmp-target', { hasText: 'MiG-29' });
    await expect(target).toBeInViewport();
    await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible();
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toContain('MiG-29');
    await shot('compare-only-here');

    // Highlight it from the list.
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await item.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect(b.locator('.hl', { hasText: 'MiG-29' }).first()).toBeVisible();
    await expect(item.getByRole('button', { name: 'Highlighted' })).toBeDisabled();

    // A card from it: the card dialog opens on that very highlight.
    await item.getByRole('button', { name: 'Make a card' }).click();
    const dialog = page.getByRole('dialog', { name: 'New card from a highlight' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Highlight' })).toHaveValue(/.+/);
    expect(await dialog.getByRole('combobox', { name: 'Highlight' }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toContain('MiG-29');
    await dialog.getByRole('button', { name: /MiG-29/ }).first().click();
    await dialog.getByRole('button', { name: 'Make the card' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText(/Card made/)).toBeVisible();
  });

  test('draws words that differ but mean the same as equivalent, not as changes', async ({ openApp, page, host }) => {
    const pair = await host.call<{ links: Array<{ diff: { parts: Array<{ op: string; a: { start: number; end: number } | null; aText: string; bText: string }> } }> }>('compare.pair', { a: JOINT.id, b: UWC.id });
    if (!pair.ok) throw new Error(pair.error.message);
    const equivalents = pair.value.links.flatMap((l) => l.diff.parts.filter((p) => p.op === 'equivalent' && p.a && p.a.end > p.a.start));
    // The bundled pair has synonyms the aligner matches by meaning (e.g. a verb for its synonym).
    expect(equivalents.length).toBeGreaterThan(0);
    await openPair(page, openApp);
    await page.keyboard.press('d');
    const a = column(page, JOINT.title);
    const marked = a.locator('[data-cmp-diff="equivalent"]');
    await expect(marked.first()).toBeAttached();
    // Each is dotted, titled "Same meaning", never drawn as a change.
    const first = equivalents[0] as (typeof equivalents)[number];
    const el = a.locator(`[data-cmp-diff="equivalent"][data-start="${first.a?.start}"]`).or(a.locator('[data-cmp-diff="equivalent"]', { hasText: first.aText.trim() })).first();
    await expect(el).toHaveClass(/cmp-equivalent/);
    await expect(el).not.toHaveClass(/cmp-diff/);
    await expect(el).toHaveAttribute('title', new RegExp(`^Same meaning: the other source has “${first.bText.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`));
    expect(await el.evaluate((n) => getComputedStyle(n).textDecorationStyle)).toBe('dotted');
    await expect(a.locator('.cmp-diff[data-cmp-diff="equivalent"]')).toHaveCount(0);
    await expect(page.getByText('dotted', { exact: true })).toBeVisible();
  });

  test('opens five sources side by side, scrolling sideways when they do not fit', async ({ openApp, page, shot }) => {
    const ids = docs.map((d) => d.id).slice(0, 5);
    expect(ids).toHaveLength(5);
    for (const width of [1400, 900]) {
      await page.setViewportSize({ width, height: 800 });
      await openApp(`#/compare?docs=${ids.join(',')}`);
      // Ten pairs to align on first opening: allow for a busy machine.
      for (const d of docs.slice(0, 5)) await expect(column(page, d.title)).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('.cmp-column')).toHaveCount(5);
      const widths = await page.locator('.cmp-column').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      // Never narrower than a readable column (17rem).
      for (const w of widths) expect(w).toBeGreaterThanOrEqual(17 * 16 - 1);
      const strip = page.locator('.cmp-columns');
      const overflow = await strip.evaluate((el) => el.scrollWidth - el.clientWidth);
      if (width === 900) {
        expect(overflow).toBeGreaterThan(0);
        await strip.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
        await expect(column(page, docs[4]?.title ?? '')).toBeInViewport();
      } else expect(overflow).toBeLessThanOrEqual(1);
      await shot(`compare-five-${width}`);
    }
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
      await page.getByRole('button', { name: 'Choose sources…' }).click();
      await expect(page.getByRole('group', { name: /Choose two to five reports/ })).toBeVisible();
      await axe(`compare-chooser-${theme}`);
    });
  }
});
