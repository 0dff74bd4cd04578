import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// Highlights and notes as a reader uses them: select with the mouse and with Shift+arrows,
// highlight, write a note, reload and find everything, delete and undo, and the Notes view.

const DOC = 'b44e6ea7410dd368';
const READER_TEXT = '.reader-article [data-passage-root]';

interface Highlight {
  id: string;
  docId: string;
  start: number;
  end: number;
  exact: string;
  color: string;
  note: string | null;
  orphan: boolean;
}

async function openReader(openApp: (hash?: string) => Promise<Page>, page: Page): Promise<void> {
  await openApp(`#/reader/${DOC}`);
  await expect(page.locator('.reader-article [data-passage]').first()).toBeVisible();
}

/**
 * Viewport points just inside the first and last characters of `words` in the reader's text,
 * measured once the fonts are in and the layout has stopped moving (the web font, a restored
 * reading position or the side panel can shift the text after it first appears).
 */
async function wordBox(page: Page, words: string, root = READER_TEXT): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  let last = await measureWords(page, words, root);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(120);
    const next = await measureWords(page, words, root);
    if (next.x1 === last.x1 && next.y1 === last.y1 && next.x2 === last.x2 && next.y2 === last.y2) return next;
    last = next;
  }
  return last;
}

async function measureWords(page: Page, words: string, rootSelector: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  const box = await page.evaluate(([w, sel]) => {
    const root = document.querySelector(sel);
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(w);
      if (at < 0) continue;
      const probe = document.createRange();
      probe.setStart(n, at);
      probe.setEnd(n, at + w.length);
      const r = probe.getBoundingClientRect();
      if (r.top < 80 || r.bottom > window.innerHeight - 40) {
        n.parentElement?.scrollIntoView({ block: 'center' });
      }
      const first = document.createRange();
      first.setStart(n, at);
      first.setEnd(n, at + 1);
      const last = document.createRange();
      last.setStart(n, at + w.length - 1);
      last.setEnd(n, at + w.length);
      const a = first.getBoundingClientRect();
      const b = last.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    return null;
  }, [words, rootSelector] as const);
  if (!box) throw new Error(`“${words}” is not in the rendered text`);
  return box;
}

async function selectWithMouse(page: Page, words: string): Promise<void> {
  const b = await wordBox(page, words);
  await page.mouse.move(b.x1, b.y1);
  await page.mouse.down();
  await page.mouse.move((b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2, { steps: 4 });
  await page.mouse.move(b.x2, b.y2, { steps: 4 });
  await page.mouse.up();
}

/** Show the reader's side panel (it starts open on wide windows). */
async function openSidePanel(page: Page) {
  const toggle = page.getByRole('button', { name: 'Side panel' });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const panel = page.getByRole('region', { name: 'Side panel' });
  await expect(panel).toBeVisible();
  return panel;
}

async function list(host: { call: (op: string, input?: unknown) => Promise<unknown> }, docId?: string): Promise<Highlight[]> {
  const res = (await host.call('highlights.list', docId ? { docId } : {})) as { ok: boolean; value: Highlight[] };
  expect(res.ok).toBe(true);
  return res.value;
}

test.describe('highlights and notes', () => {
  test('mouse: select, highlight, note, reload, see them; delete and undo', async ({ openApp, page, host, shot, axe }) => {
    await openReader(openApp, page);

    await selectWithMouse(page, 'Black Sea region');
    const toolbar = page.getByRole('toolbar', { name: 'Selection' });
    await expect(toolbar).toBeVisible();
    await expect(toolbar.getByRole('button', { name: 'Highlight yellow' })).toBeVisible();
    await shot('highlights-selection-toolbar');
    await toolbar.getByRole('button', { name: 'Highlight green' }).click();

    const mark = page.locator('.reader-article [data-highlight-id].hl-green');
    await expect(mark).toHaveText('Black Sea region');
    await expect(toolbar).toBeHidden();
    const [created] = await list(host, DOC);
    expect(created).toMatchObject({ exact: 'Black Sea region', color: 'green', note: null, orphan: false });

    // Click it: the card offers colours, a note, copy and delete.
    await mark.click();
    const card = page.getByRole('dialog', { name: 'Highlight' });
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: 'Add note' }).click();
    await card.getByRole('textbox', { name: /Note/ }).fill('Why the **Black Sea** matters:\n- grain\n- security');
    await card.getByRole('button', { name: 'Save note' }).click();
    await expect(card.locator('.note-md strong')).toHaveText('Black Sea');
    await expect(card.locator('.note-md li')).toHaveCount(2);
    await shot('highlights-popover-note');
    await axe('reader-highlight-popover');
    await card.getByRole('button', { name: 'Pink' }).click();
    await expect(page.locator(`[data-highlight-id="${created?.id}"]`)).toHaveClass(/hl-pink/);
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();

    // Everything survives a reload.
    await page.reload();
    const again = page.locator(`.reader-article [data-highlight-id="${created?.id}"]`);
    await expect(again).toHaveText('Black Sea region');
    await expect(again).toHaveClass(/hl-pink/);
    await expect(again).toHaveClass(/hl-noted/);
    await again.click();
    await expect(card.locator('.note-md strong')).toHaveText('Black Sea');

    // Delete, then undo from the notification: the same highlight (id, note) comes back.
    await card.getByRole('button', { name: 'Delete' }).click();
    await expect(again).toHaveCount(0);
    expect(await list(host, DOC)).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(again).toHaveText('Black Sea region');
    const [restored] = await list(host, DOC);
    expect(restored).toMatchObject({ id: created?.id, exact: 'Black Sea region', color: 'pink', note: expect.stringContaining('Black Sea') });
  });

  test('keyboard: Shift+arrows select, a digit highlights, the side panel lists it', async ({ openApp, page, host, shot }) => {
    // The pink "Black Sea region" the test nests into is made here when an earlier test did not
    // leave it (a retry runs with a fresh library).
    if (!(await list(host, DOC)).some((h) => h.exact === 'Black Sea region' && h.color === 'pink')) {
      const d = (await host.call('docs.get', { id: DOC })) as { value: { text: string } };
      const start = d.value.text.indexOf('Black Sea region');
      expect(start).toBeGreaterThan(-1);
      expect((await host.call('highlights.create', { docId: DOC, start, end: start + 'Black Sea region'.length, color: 'pink' })).ok).toBe(true);
    }
    await openReader(openApp, page);
    const b = await wordBox(page, 'Western Balkans');
    // A click puts the caret before "Western"; Shift+Right fifteen times selects the two words.
    await page.mouse.click(b.x1, b.y1);
    for (let i = 0; i < 'Western Balkans'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Western Balkans');
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
    await page.keyboard.press('3');
    const mark = page.locator('.reader-article [data-highlight-id].hl-blue');
    await expect(mark).toHaveText('Western Balkans');
    const blue = (await list(host, DOC)).find((h) => h.color === 'blue');
    expect(blue).toMatchObject({ exact: 'Western Balkans' });

    // Extend with Shift+Left too, then H highlights in the last colour used (blue).
    const c = await wordBox(page, 'Black Sea region');
    await page.mouse.click(c.x2 + 1, c.y2);
    for (let i = 0; i < 'Sea region'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Sea region');
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
    await page.keyboard.press('h');
    await expect(page.locator('.reader-article [data-highlight-id].hl-blue', { hasText: 'Sea region' })).toHaveCount(1);
    // "Sea region" sits inside the pink "Black Sea region": the two overlap and nest.
    await expect(page.locator('.hl-pink .hl-blue')).toHaveText('Sea region');

    const panel = await openSidePanel(page);
    await expect(panel.getByRole('button', { name: 'Blue highlight: Western Balkans' })).toBeVisible();
    await shot('highlights-side-panel');
  });

  test('a key pressed before a click’s word snap runs keeps the keyboard’s selection', async ({ openApp, page, host }) => {
    await openReader(openApp, page);
    for (const h of await list(host, DOC)) await expect(page.locator(`[data-highlight-id="${h.id}"]`).first()).toBeVisible();
    await wordBox(page, 'Western Balkans');
    // The snap after a mouse selection waits a tick; on a busy machine Shift+arrows can come
    // first. Played in one task so the order is certain: pointer down/up, a selection of
    // "Western B", Shift+Right, and only then the tick. (A re-render that drops the selection
    // meanwhile gives "", and the play is run again; the bug gives "Western Balkans" every time.)
    const play = () => page.evaluate(async (root) => {
      const container = document.querySelector(root);
      if (!container) return 'no text';
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      let node: Node | null = walker.nextNode();
      while (node && !(node.textContent ?? '').includes('Western Balkans')) node = walker.nextNode();
      if (!node) return 'no words';
      const at = (node.textContent ?? '').indexOf('Western Balkans');
      const target = node.parentElement ?? container;
      target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 }));
      target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0 }));
      const sel = window.getSelection();
      sel?.collapse(node, at);
      sel?.extend(node, at + 'Western B'.length);
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
      return sel?.toString() ?? '';
    }, READER_TEXT);
    await expect(async () => expect(await play()).toBe('Western Ba')).toPass({ timeout: 10_000 });
  });

  test('highlight mode turns every selection into a highlight; adjacent highlights stay apart', async ({ openApp, page, host }) => {
    await openReader(openApp, page);
    const panel = await openSidePanel(page);
    await panel.getByRole('radio', { name: 'Yellow' }).click();
    await panel.getByRole('button', { name: 'Highlight mode' }).click();
    await expect(panel.getByRole('button', { name: 'Highlight mode' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('status').filter({ hasText: 'Highlight mode' })).toBeVisible();

    await selectWithMouse(page, 'Foreign Ministers');
    await expect(page.locator('.reader-article .hl-yellow', { hasText: 'Foreign Ministers' })).toHaveCount(1);
    await selectWithMouse(page, 'adopted a joint');
    await expect(page.locator('.reader-article .hl-yellow', { hasText: 'adopted a joint' })).toHaveCount(1);
    const texts = (await list(host, DOC)).map((h) => h.exact);
    expect(texts).toEqual(expect.arrayContaining(['Foreign Ministers', 'adopted a joint']));

    await page.getByRole('button', { name: 'Turn off' }).click();
    await expect(panel.getByRole('button', { name: 'Highlight mode' })).toHaveAttribute('aria-pressed', 'false');
    const before = (await list(host, DOC)).length;
    await selectWithMouse(page, 'joint statement');
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
    expect((await list(host, DOC)).length).toBe(before);

    // Two highlights that touch (one ends where the other starts) stay two, each clickable.
    const d = (await host.call('docs.get', { id: DOC })) as { value: { text: string } };
    const at = d.value.text.indexOf('Bucharest, in which');
    const a = (await host.call('highlights.create', { docId: DOC, start: at, end: at + 6, color: 'green' })) as { value: Highlight };
    const b = (await host.call('highlights.create', { docId: DOC, start: at + 6, end: at + 9, color: 'green' })) as { value: Highlight };
    await page.reload();
    await expect(page.locator(`[data-highlight-id="${a.value.id}"]`)).toHaveText('Buchar');
    await expect(page.locator(`[data-highlight-id="${b.value.id}"]`)).toHaveText('est');
    await page.locator(`[data-highlight-id="${b.value.id}"]`).click();
    await expect(page.getByRole('dialog', { name: 'Highlight' }).locator('blockquote')).toHaveText('est');
  });

  test('the Notes view lists, filters, opens, shows what could not be placed, exports and imports', async ({ openApp, page, host, shot, axe }) => {
    // A document whose new version loses a highlighted sentence: that highlight is an orphan.
    const v1 = 'Field notes\n\nThe convoy left at dawn with medical supplies.\n\nOfficials promised a second convoy next week.';
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    const imported = (await host.call('docs.import', { files: [{ name: 'field-notes.txt', dataBase64: b64(v1) }] })) as { value: Array<{ id: string }> };
    const fieldId = imported.value[0]?.id as string;
    const doc = (await host.call('docs.get', { id: fieldId })) as { value: { text: string } };
    const at = doc.value.text.indexOf('Officials promised a second convoy');
    await host.call('highlights.create', { docId: fieldId, start: at, end: at + 'Officials promised a second convoy'.length, color: 'purple', note: 'Check next week' });
    await host.call('docs.import', { files: [{ name: 'field-notes.txt', dataBase64: b64('Field notes\n\nThe convoy left at dawn with medical supplies.') }] });
    await host.call('notes.set', { docId: DOC, body: 'The joint statement is the **anchor** text.' });
    // This test stands alone: its own blue highlight on "Western Balkans" (if an earlier test left none).
    const bucharest = (await host.call('docs.get', { id: DOC })) as { value: { text: string } };
    const wb = bucharest.value.text.indexOf('Western Balkans');
    await host.call('highlights.create', { docId: DOC, start: wb, end: wb + 'Western Balkans'.length, color: 'blue' });
    const all = await list(host);
    const count = (pred: (h: Highlight) => boolean) => all.filter(pred).length;

    await openApp('#/notes');
    await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
    const groups = page.locator('.notes-group');
    await expect(groups.first()).toBeVisible();
    await expect(page.getByText('The joint statement is the')).toBeVisible();
    const orphans = page.getByRole('list', { name: /could not be placed/ });
    await expect(orphans).toContainText('Officials promised a second convoy');
    await expect(page.getByRole('heading', { name: 'Could not be placed (1)' })).toBeVisible();
    await shot('notes-view');
    await axe('notes-view');

    // Filters: colour, then text, then document.
    await page.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio', { name: 'Blue' }).click();
    await expect(page.locator('.notes-card')).toHaveCount(count((h) => h.color === 'blue'));
    // Export exports what is shown: with the blue filter on, the blue highlights and nothing else.
    const [shownMd] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export shown as Markdown' }).click()]);
    const shownText = fs.readFileSync((await shownMd.path()) as string, 'utf8');
    const kinds = Array.from(shownText.matchAll(/^— (?:.+ · )?(\w+) highlight$/gm), (m) => m[1]);
    expect(kinds.length).toBe(count((h) => h.color === 'blue'));
    expect(new Set(kinds)).toEqual(new Set(['blue']));
    expect(shownText).toMatch(/^— Paragraph \d+ · blue highlight$/m);
    expect(shownText).not.toMatch(/characters \d/);
    await page.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio', { name: 'Any' }).click();
    await expect(page.locator('.notes-card')).toHaveCount(all.length);
    await page.getByRole('searchbox').fill('balkans');
    await expect(page.locator('.notes-card')).toHaveCount(count((h) => /balkans/i.test(h.exact + (h.note ?? ''))));
    await page.getByRole('searchbox').fill('');
    await page.getByRole('combobox', { name: 'Document' }).selectOption(fieldId);
    await expect(page.locator('.notes-card')).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Document' }).selectOption('');

    // Export both formats.
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
    expect(md.suggestedFilename()).toMatch(/\.md$/);
    const mdText = fs.readFileSync((await md.path()) as string, 'utf8');
    expect(mdText).toContain('> Western Balkans');
    expect(mdText).toContain('### Could not be placed');
    const [w3c] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export W3C JSON-LD' }).click()]);
    expect(w3c.suggestedFilename()).toMatch(/\.jsonld$/);
    const w3cPath = (await w3c.path()) as string;
    const collection = JSON.parse(fs.readFileSync(w3cPath, 'utf8')) as { type: string; total: number };
    expect(collection.type).toBe('AnnotationCollection');

    // Importing the same file again adds nothing.
    const countBefore = (await list(host)).length;
    await page.getByTestId('annotations-import-input').setInputFiles({ name: 'mine.jsonld', mimeType: 'application/ld+json', buffer: fs.readFileSync(w3cPath) });
    await expect(page.getByText(/Imported 0 annotations from mine\.jsonld; \d+ skipped/)).toBeVisible();
    expect((await list(host)).length).toBe(countBefore);
    // A file that is not annotations is refused, saying why.
    await page.getByTestId('annotations-import-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await expect(page.getByText(/cannot be imported/)).toBeVisible();

    // A quote opens its place in the document, flashed.
    await page.getByRole('link', { name: 'Western Balkans', exact: true }).click();
    await expect(page.locator('[data-flash]')).toHaveText('Western Balkans');
    await expect(page.locator('[data-flash]')).toBeInViewport();
  });
});

test.describe('highlights in the compare view, across sources, in the dark theme', () => {
  test('select in a column, highlight, open it; it shows in the reader too', async ({ openApp, page, host, shot }) => {
    const other = 'da58ee4863b15816';
    await openApp(`#/compare?docs=${DOC},${other}`);
    const column = page.locator('[data-passage-root]').first();
    await expect(column.locator('[data-passage]').first()).toBeVisible();
    // Select a few words inside the first column with the mouse.
    const box = await wordBox(page, 'humanitarian law', '[data-passage-root]');
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 6 });
    await page.mouse.up();
    const bar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await expect(bar).toBeVisible();
    await shot('highlights-compare-selection');
    await bar.getByRole('button', { name: 'Highlight purple' }).click();
    const mark = column.locator('[data-highlight-id].hl-purple');
    await expect(mark).toHaveText('humanitarian law');
    const made = (await list(host, DOC)).find((h) => h.color === 'purple' && h.exact === 'humanitarian law');
    expect(made).toBeDefined();
    await mark.first().click();
    await expect(page.getByRole('dialog', { name: 'Highlight' })).toBeVisible();
    await shot('highlights-compare-popover');
    await page.keyboard.press('Escape');
    await openApp(`#/reader/${DOC}`);
    await expect(page.locator(`.reader-article [data-highlight-id="${made?.id}"]`)).toHaveText('humanitarian law');
  });

  test('the same statement in other sources: shown on the highlight, highlighted in all at once; copy with citation', async ({ openApp, page, host, shot }) => {
    const d = (await host.call('docs.get', { id: DOC })) as { value: { text: string } };
    const words = 'never recognize Russia’s illegal';
    const at = d.value.text.indexOf(words);
    expect(at).toBeGreaterThan(0);
    const made = (await host.call('highlights.create', { docId: DOC, start: at, end: at + words.length, color: 'pink' })) as { value: Highlight };
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openReader(openApp, page);
    const mark = page.locator(`.reader-article [data-highlight-id="${made.value.id}"]`);
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    const card = page.getByRole('dialog', { name: 'Highlight' });
    await expect(card.getByText(/The same statement appears in 2 other sources/)).toBeVisible();
    await shot('highlights-across-sources');
    await card.getByRole('button', { name: 'Highlight in all' }).click();
    await expect(page.getByText('Highlighted in 2 other sources.')).toBeVisible();
    await expect(card.getByText('Highlighted in all of them.')).toBeVisible();
    const all = await list(host);
    const group = all.filter((h) => h.color === 'pink' && h.docId !== DOC && /recogni[sz]e Russia/.test(h.exact));
    expect(group.map((h) => h.docId).sort()).toEqual(['4435434e06963c7c', 'da58ee4863b15816']);

    await card.getByRole('button', { name: 'Copy with citation' }).click();
    await expect(page.getByText('Copied the quote with its citation.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`“${words}” — NATO foreign ministers adopt joint statement in Bucharest: support for Ukraine “as long as necessary”. 29 November 2022.`);
  });

  test('dark theme keeps highlights readable', async ({ openApp, page, host, shot }) => {
    const d = (await host.call('docs.get', { id: DOC })) as { value: { text: string } };
    const at = d.value.text.indexOf('energy blackmail');
    await host.call('highlights.create', { docId: DOC, start: at, end: at + 16, color: 'yellow', note: 'Gas as a weapon' });
    await host.call('highlights.create', { docId: DOC, start: at + 7, end: at + 40, color: 'green' });
    await openApp(`#/reader/${DOC}`);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    const mark = page.locator('.reader-article .hl-yellow', { hasText: 'energy' });
    await mark.first().scrollIntoViewIfNeeded();
    await mark.first().click();
    await expect(page.getByRole('dialog', { name: 'Highlight' })).toBeVisible();
    await shot('highlights-dark');
  });
});
