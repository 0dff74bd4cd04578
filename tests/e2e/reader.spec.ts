import { buildSync } from 'esbuild';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bundledDocs, expect, ROOT, test } from './fixtures.js';

// The selection helpers the highlight feature builds on, checked against the real rendered
// reader in Chromium: bundled on the fly and evaluated in the page (through the DevTools
// protocol, so the page's CSP stays as strict as ever).
const helperSource = buildSync({
  entryPoints: [path.join(ROOT, 'renderer/src/reader/selection.ts')],
  bundle: true,
  format: 'iife',
  globalName: '__ps',
  write: false,
  target: 'es2022',
}).outputFiles[0].text;
const installHelpers = `(() => { ${helperSource}; window.__parallaxSelection = __ps; })()`;

interface Doc {
  id: string;
  text: string;
  passages: Array<{ index: number; start: number; end: number; kind: string }>;
}

async function openDoc(page: Page, openApp: (hash?: string) => Promise<Page>, host: { call: <T>(op: string, input?: unknown) => Promise<{ ok: true; value: T } | { ok: false }> }, id: string, hash = '') {
  const res = await host.call<Doc>('docs.get', { id });
  if (!res.ok) throw new Error('docs.get failed');
  await openApp(`#/reader/${id}${hash}`);
  await expect(page.locator('[data-passage]').first()).toBeVisible();
  await page.evaluate(installHelpers);
  // The injected copy of the module has its own registry: give it the text PassageText gave the app's.
  await page.evaluate((text) => {
    const h = (window as unknown as { __parallaxSelection: typeof import('../../renderer/src/reader/selection.js') }).__parallaxSelection;
    h.registerDocumentText(document.querySelector('[data-passage-root]') as Element, text);
  }, res.value.text);
  return res.value;
}

/** In the page: select [start, end) through the DOM, then read it back as offsets. */
function roundTrip(page: Page, pairs: Array<[number, number]>) {
  return page.evaluate((ps) => {
    const h = (window as unknown as { __parallaxSelection: typeof import('../../renderer/src/reader/selection.js') }).__parallaxSelection;
    const container = document.querySelector('[data-passage-root]') as Element;
    const sel = window.getSelection() as Selection;
    return ps.map(([s, e]) => {
      const range = h.domRangeForOffsets(container, s, e);
      if (!range) return null;
      sel.removeAllRanges();
      sel.addRange(range);
      return h.selectionToRange(container, sel);
    });
  }, pairs);
}

test.describe('reader: passages and offsets', () => {
  test('every passage element carries its offsets and holds exactly that text', async ({ page, openApp, host }) => {
    const doc = await openDoc(page, openApp, host, bundledDocs()[3].id);
    const rendered = await page.locator('[data-passage]').evaluateAll((els) =>
      els.map((el) => ({ start: Number((el as HTMLElement).dataset.start), end: Number((el as HTMLElement).dataset.end), text: el.textContent })),
    );
    expect(rendered.length).toBe(doc.passages.length);
    for (const [i, r] of rendered.entries()) {
      expect(r.start).toBe(doc.passages[i].start);
      expect(r.text).toBe(doc.text.slice(r.start, r.end));
    }
  });

  test('a selection maps back to the exact document offsets, within and across passages', async ({ page, openApp, host }) => {
    const doc = await openDoc(page, openApp, host, bundledDocs()[0].id);
    const inside = doc.passages.filter((p) => p.end - p.start > 20);
    // Deterministic spread of ranges: inside one passage, across two, across many.
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < inside.length; i++) {
      const p = inside[i];
      pairs.push([p.start + 3, p.end - 5]);
      pairs.push([p.start, p.end]);
      const q = inside[Math.min(inside.length - 1, i + 2)];
      if (q !== p) pairs.push([p.start + 7, q.start + 9]);
    }
    const results = await roundTrip(page, pairs);
    for (const [i, [s, e]] of pairs.entries()) {
      expect(results[i], `range ${s}-${e}`).toEqual({ start: s, end: e, text: doc.text.slice(s, e) });
    }
  });

  test('selections that start or end on element boundaries snap to the nearest text', async ({ page, openApp, host }) => {
    const doc = await openDoc(page, openApp, host, bundledDocs()[0].id);
    const result = await page.evaluate(() => {
      const h = (window as unknown as { __parallaxSelection: typeof import('../../renderer/src/reader/selection.js') }).__parallaxSelection;
      const container = document.querySelector('[data-passage-root]') as Element;
      const ps = container.querySelectorAll('[data-passage]');
      const range = document.createRange();
      range.setStart(ps[1], 0);
      range.setEnd(ps[2], ps[2].childNodes.length);
      const sel = window.getSelection() as Selection;
      sel.removeAllRanges();
      sel.addRange(range);
      const both = h.selectionToRange(container, sel);
      // From the container's first child (before any passage) to between two passages.
      const outer = document.createRange();
      outer.setStart(container, 0);
      outer.setEnd(container, 2);
      sel.removeAllRanges();
      sel.addRange(outer);
      return { both, outer: h.selectionToRange(container, sel) };
    });
    expect(result.both).toEqual({ start: doc.passages[1].start, end: doc.passages[2].end, text: doc.text.slice(doc.passages[1].start, doc.passages[2].end) });
    expect(result.outer?.start).toBe(doc.passages[0].start);
    expect(result.outer?.end).toBe(doc.passages[1].end);
  });

  test('decorations split the text without moving any offset', async ({ page, openApp, host }) => {
    // "Gripen" in the UWC report is flashed by a decoration, which nests spans in its passage.
    const id = '4435434e06963c7c';
    const res = await host.call<Doc>('docs.get', { id });
    if (!res.ok) throw new Error('docs.get failed');
    const at = res.value.text.indexOf('Gripen');
    const doc = await openDoc(page, openApp, host, id, `?at=${at}&end=${at + 6}&flash=1`);
    await expect(page.locator('[data-flash]')).toHaveText('Gripen');
    const pairs: Array<[number, number]> = [
      [at - 10, at + 3],
      [at + 2, at + 12],
      [at, at + 6],
      [at - 40, at + 40],
    ];
    const results = await roundTrip(page, pairs);
    for (const [i, [s, e]] of pairs.entries()) expect(results[i]).toEqual({ start: s, end: e, text: doc.text.slice(s, e) });
  });

  test('a mouse selection gives the offsets of the words under it', async ({ page, openApp, host }) => {
    const doc = await openDoc(page, openApp, host, bundledDocs()[1].id);
    const p = page.locator('[data-passage]').first();
    const box = await p.boundingBox();
    if (!box) throw new Error('no passage box');
    await page.mouse.move(box.x + 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 8, { steps: 5 });
    await page.mouse.up();
    const r = await page.evaluate(() => {
      const h = (window as unknown as { __parallaxSelection: typeof import('../../renderer/src/reader/selection.js') }).__parallaxSelection;
      return { range: h.selectionToRange(document.querySelector('[data-passage-root]') as Element), dom: window.getSelection()?.toString() };
    });
    expect(r.range).not.toBeNull();
    expect(r.range?.start).toBe(doc.passages[0].start);
    expect(r.range?.text).toBe(r.dom);
  });
});
