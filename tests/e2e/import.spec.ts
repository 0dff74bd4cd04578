import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const ARTICLE = [
  'Parallax test dispatch from Bucharest',
  '',
  'Foreign ministers met in the Palace of the Parliament to discuss winter support for the grid.',
  '',
  'A second paragraph mentions the word quizzicality so the search can find this file alone.',
].join('\n');

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3b5e2f30000000049454e44ae426082', 'hex');

async function dropFiles(page: Page, files: Array<{ name: string; type: string; base64: string }>) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, files);
  const target = page.locator('.library');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

test.describe.configure({ mode: 'serial' });

test.describe('import', () => {
  test('imports a file chosen with the file picker and lists it', async ({ openApp, page, shot }) => {
    await openApp();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files…' }).first().click();
    await (await chooser).setFiles({ name: 'dispatch.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });

    const results = page.getByRole('region', { name: /Imported 1 file/ });
    await expect(results).toBeVisible();
    await expect(results.getByRole('listitem')).toContainText(['dispatch.txt']);
    const list = page.getByRole('list', { name: 'Documents' });
    await expect(list.getByRole('listitem')).toHaveCount(6);
    await expect(list.getByRole('link', { name: 'Parallax test dispatch from Bucharest' })).toBeVisible();
    await shot('import-file-picker');

    // The new document is searchable straight away.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('quizzicality');
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('quizzicality');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Parallax test dispatch from Bucharest' })).toBeAttached();
    // The file's first line is its title: shown once, as the title, and still part of the text.
    await expect(page.getByRole('heading', { level: 1, name: 'Parallax test dispatch from Bucharest' })).toHaveClass(/visually-hidden/);
    await expect(page.locator('.reader-article .passage-as-title')).toHaveText('Parallax test dispatch from Bucharest');
    await expect(page.locator('.reader-article .passage-as-title')).toBeInViewport();
  });

  test('reports each dropped file on its own: empty file and PNG renamed .txt fail, the text imports', async ({ openApp, page, shot }) => {
    await openApp();
    await dropFiles(page, [
      { name: 'empty.txt', type: 'text/plain', base64: '' },
      { name: 'photo.txt', type: 'text/plain', base64: PNG.toString('base64') },
      { name: 'second.md', type: 'text/markdown', base64: Buffer.from('# A second dispatch\n\nShort text about the Black Sea region.\n').toString('base64') },
    ]);
    const results = page.getByRole('region', { name: /Imported 1 of 3 files/ });
    await expect(results).toBeVisible();
    const rows = results.getByRole('listitem');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('empty.txt');
    await expect(rows.nth(0)).toContainText(/empty/i);
    await expect(rows.nth(0)).toHaveAttribute('data-error-code', 'EMPTY_FILE');
    await expect(rows.nth(1)).toContainText('photo.txt');
    await expect(rows.nth(1)).toContainText(/PNG|image|not text/i);
    await expect(rows.nth(2)).toContainText('second.md');
    await expect(rows.nth(2)).toContainText('imported');
    // A readable summary is announced too.
    await expect(page.getByText(/1 file imported, 2 files could not be imported/)).toBeVisible();
    await shot('import-errors');
  });

  test('deletes with a confirmation that says what goes with it, and can undo', async ({ openApp, page, shot }) => {
    await openApp();
    const title = 'A second dispatch';
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: `Delete “${title}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${title}”?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('no highlights or notes');
    await shot('delete-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toBeVisible();

    await row.getByRole('button', { name: `Delete “${title}”` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });

  test('undo after deleting an imported report brings back its highlights and note too', async ({ openApp, page, host }) => {
    await openApp();
    const title = 'Parallax test dispatch from Bucharest';
    const docs = await host.call<Array<{ id: string; title: string }>>('docs.list');
    const doc = docs.ok ? docs.value.find((d) => d.title === title) : undefined;
    if (!doc) throw new Error('the imported dispatch is missing');
    const made = await host.call<{ id: string }>('highlights.create', { docId: doc.id, start: 0, end: 37, color: 'pink', note: 'Check the date' });
    expect(made.ok).toBe(true);
    expect((await host.call('notes.set', { docId: doc.id, body: 'My own note' })).ok).toBe(true);

    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await row.getByRole('button', { name: `Delete “${title}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${title}”?` });
    await expect(dialog).toContainText('1 highlight');
    await expect(dialog).toContainText('You can undo this');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByText(/Restored .* with its highlights and notes/)).toBeVisible();
    const back = await host.call<Array<{ id: string; note: string | null; color: string }>>('highlights.list', { docId: doc.id });
    expect(back.ok && back.value.map((h) => [h.id, h.note, h.color])).toEqual([[made.ok ? made.value.id : '', 'Check the date', 'pink']]);
    const note = await host.call<{ body: string }>('notes.get', { docId: doc.id });
    expect(note.ok && note.value.body).toBe('My own note');
  });

  test('an empty library says what to do', async ({ openApp, page, host, shot }) => {
    const docs = await host.call<Array<{ id: string }>>('docs.list');
    if (!docs.ok) throw new Error(docs.error.message);
    for (const d of docs.value) await host.call('docs.delete', { id: d.id });
    await openApp();
    await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
    await expect(page.getByText(/drop them anywhere on this window/)).toBeVisible();
    await shot('library-empty');
  });
});
