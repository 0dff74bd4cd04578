import { bundledDocs, expect, test } from './fixtures.js';

const UWC = bundledDocs().find((d) => d.id === '4435434e06963c7c');

test.describe('search palette', () => {
  test('keyboard only: Ctrl+K, type "Gripen", Enter lands on the match and flashes it', async ({ openApp, page, shot }) => {
    await openApp();
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Search all documents' });
    await expect(input).toBeFocused();
    await page.keyboard.type('Gripen');

    const results = page.getByRole('listbox', { name: 'Search results' });
    const option = results.getByRole('option').first();
    await expect(option).toBeVisible();
    await expect(option.locator('mark')).toHaveText(/^Gripen$/i);
    // Grouped by document, under the document's title.
    await expect(results.getByRole('group', { name: UWC?.title })).toBeVisible();
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await expect(input).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? '');
    await shot('search-gripen-palette');

    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: UWC?.title })).toBeVisible();
    const flash = page.locator('[data-flash]');
    await expect(flash).toHaveText('Gripen');
    await expect(flash).toBeInViewport();
    await shot('search-gripen-landed');
    // The flash fades and goes; the text itself stays as it was.
    await expect(flash).toHaveCount(0, { timeout: 6000 });
    await expect(page.getByText(/SAAB JAS 39 Gripen fighters/)).toBeInViewport();
    // Focus is in the text, so the keyboard keeps reading from here.
    await expect(page.getByRole('region', { name: /^Text of / })).toBeFocused();
  });

  test('opens from the toolbar, moves with arrows, says when nothing matches', async ({ openApp, page, shot }) => {
    await openApp();
    await page.getByRole('button', { name: /Search/ }).click();
    const input = page.getByRole('combobox', { name: 'Search all documents' });
    await expect(input).toBeFocused();
    await input.fill('support ukraine');
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(options.first()).toBeVisible();
    expect(await options.count()).toBeGreaterThan(1);
    await expect(page.getByText(/\d+ match(es)? in \d+ documents?/)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');
    await shot('search-palette-results');

    await input.fill('zzyzzxq');
    await expect(page.getByText('No matches for “zzyzzxq”')).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    // Focus returns to what opened the palette.
    await expect(page.getByRole('button', { name: /Search/ })).toBeFocused();
  });

  test('a click on a result opens it too, and typing fast only shows the newest query', async ({ openApp, page }) => {
    await openApp();
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Search all documents' });
    await input.pressSequentially('Stoltenberg', { delay: 15 });
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().locator('mark').first()).toHaveText(/Stoltenberg/i);
    await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().click();
    await expect(page.locator('[data-flash]')).toHaveText(/Stoltenberg/i);
  });
});
