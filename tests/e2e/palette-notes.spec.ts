import { expect, test } from './fixtures.js';

// The reader's notes are searchable from the palette, beside the documents.
test('search palette finds a note and opens the highlighted words', async ({ openApp, page, host, shot }) => {
  const doc = (await host.call('docs.get', { id: '4435434e06963c7c' })) as { ok: true; value: { text: string } };
  const start = doc.value.text.indexOf('SAAB JAS 39 Gripen');
  expect(start).toBeGreaterThan(0);
  const created = (await host.call('highlights.create', {
    docId: '4435434e06963c7c',
    start,
    end: start + 'SAAB JAS 39 Gripen'.length,
    color: 'green',
    note: 'Ask whether the fighter deliveries were confirmed (zephyrine)',
  })) as { ok: boolean };
  expect(created.ok).toBe(true);

  await openApp();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('zephyrine');
  const notes = page.getByRole('group', { name: 'Your notes' });
  await expect(notes.getByRole('option')).toHaveCount(1);
  await expect(notes.getByRole('option').locator('mark')).toHaveText(/zephyrine/i);
  await expect(page.getByText(/No matches in the documents; 1 in your notes/)).toBeVisible();
  await shot('palette-notes');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('[data-flash]')).toHaveText('SAAB JAS 39 Gripen');
});
