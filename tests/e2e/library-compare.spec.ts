import { bundledDocs, expect, test } from './fixtures.js';

const docs = bundledDocs();
const JOINT = docs.find((d) => d.id === 'b44e6ea7410dd368') ?? docs[0];
const FREE = docs.find((d) => d.id === 'da58ee4863b15816') ?? docs[1];

test('tick two reports in the library and open them side by side', async ({ openApp, page, shot, axe }) => {
  await openApp();
  const compare = page.getByRole('button', { name: /^Compare/ });
  await expect(compare).toBeDisabled();
  await page.getByRole('checkbox', { name: `Select “${JOINT.title}” to compare` }).check();
  await expect(compare).toBeDisabled();
  await page.getByRole('checkbox', { name: `Select “${FREE.title}” to compare` }).check();
  await expect(compare).toHaveText('Compare 2 side by side');
  await shot('library-compare-selected');
  await axe('library-compare-selected');
  await compare.click();
  await expect(page.getByRole('region', { name: `Text of ${JOINT.title}` })).toBeVisible();
  await expect(page.getByRole('region', { name: `Text of ${FREE.title}` })).toBeVisible();
  await expect(page.locator('.cmp-scroll .cmp-linked').first()).toBeVisible();
});

test('tick all five reports: Compare 5 opens five columns', async ({ openApp, page }) => {
  await openApp();
  const all = bundledDocs();
  expect(all.length).toBeGreaterThanOrEqual(5);
  for (const d of all.slice(0, 5)) await page.getByRole('checkbox', { name: `Select “${d.title}” to compare` }).check();
  const compare = page.getByRole('button', { name: /^Compare/ });
  await expect(compare).toHaveText('Compare 5 side by side');
  await compare.click();
  // Ten pairs to align on first opening: allow for a busy machine.
  for (const d of all.slice(0, 5)) await expect(page.getByRole('region', { name: `Text of ${d.title}` })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.cmp-column')).toHaveCount(5);
  expect(new URL(page.url()).hash).toContain(all.slice(0, 5).map((d) => d.id).join('%2C'));
});
