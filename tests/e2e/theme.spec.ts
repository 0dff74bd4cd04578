import { bundledDocs, chooseTheme, expect, test, THEMES } from './fixtures.js';

test.describe('themes', () => {
  test('follows the system by default', async ({ openApp, page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('switches between light, sepia and dark, and remembers the choice', async ({ openApp, page, shot }) => {
    const doc = bundledDocs()[0];
    await openApp(`#/reader/${doc.id}`);
    await expect(page.getByRole('heading', { level: 1, name: doc.title })).toBeVisible();
    const backgrounds = new Set<string>();
    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await shot(`theme-switch-${theme}`);
    }
    expect(backgrounds.size).toBe(3);
    await chooseTheme(page, 'sepia');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('sepia');
    await chooseTheme(page, 'system');
  });

  test('reads comfortably: bundled font, 60-75 characters a line, adjustable size', async ({ openApp, page }) => {
    const doc = bundledDocs()[0];
    await openApp(`#/reader/${doc.id}`);
    const paragraph = page.locator('p.passage-paragraph').nth(1);
    await expect(paragraph).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('19px Literata'))).toBe(true);
    const font = await paragraph.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('Literata');

    // Characters per full line, measured from the rendered line boxes.
    const perLine = () =>
      paragraph.evaluate((el) => {
        const text = el.textContent ?? '';
        const node = el.firstChild?.nodeType === Node.TEXT_NODE ? el.firstChild : el.querySelector('[data-start]')?.firstChild;
        if (!node) return [];
        const range = document.createRange();
        const tops: number[] = [];
        const counts = new Map<number, number>();
        for (let i = 0; i < Math.min(text.length, (node.textContent ?? '').length); i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          if (!counts.has(top)) tops.push(top);
          counts.set(top, (counts.get(top) ?? 0) + 1);
        }
        return tops.slice(0, -1).map((t) => counts.get(t) ?? 0);
      });
    const lines = await perLine();
    expect(lines.length).toBeGreaterThan(2);
    const average = lines.reduce((a, b) => a + b, 0) / lines.length;
    expect(average).toBeGreaterThanOrEqual(60);
    expect(average).toBeLessThanOrEqual(75);

    const sizeBefore = await paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expect.poll(() => paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(sizeBefore);
    await page.keyboard.press('Control+-');
    await expect.poll(() => paragraph.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(sizeBefore);
  });
});
