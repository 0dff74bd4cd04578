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
    // Page furniture ('meta' passages) stays in the stored text but is not rendered.
    const shown = doc.passages.filter((p) => p.kind !== 'meta');
    expect(rendered.length).toBe(shown.length);
    for (const [i, r] of rendered.entries()) {
      expect(r.start).toBe(shown[i].start);
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
    const shown = doc.passages.filter((p) => p.kind !== 'meta');
    expect(result.both).toEqual({ start: shown[1].start, end: shown[2].end, text: doc.text.slice(shown[1].start, shown[2].end) });
    expect(result.outer?.start).toBe(shown[0].start);
    expect(result.outer?.end).toBe(shown[1].end);
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

// ------------------------------------------------------------------ position, progress, word snap

interface Sentence {
  start: number;
  end: number;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A long synthetic report (many screens at any width), imported once per name. */
async function importLongDoc(host: { call: <T>(op: string, input?: unknown) => Promise<{ ok: true; value: T } | { ok: false }> }, name: string, paragraphs: number): Promise<string> {
  const words = ['alliance', 'ministers', 'support', 'deterrence', 'energy', 'partners', 'security', 'winter', 'aid', 'summit'];
  const body: string[] = [`# ${name}`, ''];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 4; s++) {
      const w = (k: number) => words[(p * 7 + s * 3 + k) % words.length];
      sentences.push(`Paragraph ${p + 1}, sentence ${s + 1}: the ${w(0)} of the ${w(1)} met the ${w(2)} of their ${w(3)} and agreed on ${w(4)} for the ${w(5)} ahead.`);
    }
    body.push(sentences.join(' '), '');
  }
  const res = await host.call<Array<{ id?: string; error?: { message: string } }>>('docs.import', { files: [{ name: `${name}.md`, dataBase64: b64(body.join('\n')) }] });
  if (!res.ok || !res.value[0]?.id) throw new Error(`import of ${name} failed: ${JSON.stringify(res)}`);
  return res.value[0].id;
}

/** The first sentence with any part below the top of the reader's scroller, and how far its top is from that edge. */
function firstVisibleSentence(page: Page, sentences: Sentence[]) {
  return page.evaluate((ss) => {
    const h = (window as unknown as { __parallaxSelection: typeof import('../../renderer/src/reader/selection.js') }).__parallaxSelection;
    const container = document.querySelector('[data-passage-root]');
    const scroller = document.querySelector('.reader-scroll');
    if (!container || !scroller) return null;
    const top = scroller.getBoundingClientRect().top;
    for (const [index, s] of ss.entries()) {
      const range = h.domRangeForOffsets(container, s.start, s.end);
      if (!range) continue;
      const rects = Array.from(range.getClientRects()).filter((r) => r.height > 0);
      if (!rects.length) continue;
      if (Math.max(...rects.map((r) => r.bottom)) > top + 1) return { index, px: Math.round(Math.min(...rects.map((r) => r.top)) - top) };
    }
    return null;
  }, sentences);
}

test.describe('reader: the reading position comes back exactly', () => {
  for (const width of [900, 1400]) {
    test(`at ${width} px: scroll, then reopen three times, same first visible sentence`, async ({ page, openApp, host }) => {
      await page.setViewportSize({ width, height: 800 });
      const id = await importLongDoc(host, `Position check ${width}`, 80);
      const doc = await openDoc(page, openApp, host, id);
      const sentences = (await host.call<{ sentences: Sentence[] }>('docs.get', { id })) as { ok: true; value: { sentences: Sentence[] } };
      const scroller = page.locator('.reader-scroll');
      await scroller.hover();
      // Scroll the way a person does (wheel), to somewhere mid-sentence.
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 613);
      await expect.poll(async () => ((await host.call<{ position: number }>('docs.get', { id })) as { ok: true; value: { position: number } }).value.position).toBeGreaterThan(0);
      await page.waitForTimeout(900);
      const before = await firstVisibleSentence(page, sentences.value.sentences);
      expect(before).not.toBeNull();
      expect(before?.index).toBeGreaterThan(5);

      for (let visit = 0; visit < 3; visit++) {
        await page.getByRole('button', { name: '← Library' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
        await page.getByRole('link', { name: `Position check ${width}`, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: `Position check ${width}` })).toBeVisible();
        await expect.poll(() => firstVisibleSentence(page, sentences.value.sentences)).toEqual(before);
        // And it stays there once fonts and decorations have settled.
        await page.waitForTimeout(700);
        expect(await firstVisibleSentence(page, sentences.value.sentences)).toEqual(before);
      }
      expect(doc.text.length).toBeGreaterThan(10_000);

      // Another window width keeps the same sentence at the top.
      await page.setViewportSize({ width: width === 900 ? 1400 : 900, height: 800 });
      await expect.poll(async () => (await firstVisibleSentence(page, sentences.value.sentences))?.index).toBe(before?.index);
      await page.getByRole('button', { name: '← Library' }).click();
      await page.getByRole('link', { name: `Position check ${width}`, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Position check ${width}` })).toBeVisible();
      await expect.poll(async () => (await firstVisibleSentence(page, sentences.value.sentences))?.index).toBe(before?.index);
    });
  }
});

test.describe('reader: progress is what was read', () => {
  const progressOf = async (host: { call: <T>(op: string, input?: unknown) => Promise<{ ok: true; value: T } | { ok: false }> }, id: string) =>
    ((await host.call<{ progress: number }>('docs.get', { id })) as { ok: true; value: { progress: number } }).value.progress;

  test('one jump to the end is not "Finished"; reading down to the end is', async ({ page, openApp, host }) => {
    await page.setViewportSize({ width: 1400, height: 800 });
    const id = await importLongDoc(host, 'Progress check', 24);
    await openDoc(page, openApp, host, id);
    const scroller = page.locator('.reader-scroll');
    await page.waitForTimeout(1200);
    await scroller.press('End');
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: '← Library' }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'Progress check' });
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-label', /Reading progress: \d+% read/);
    expect(await progressOf(host, id)).toBeLessThan(0.5);

    // Now read: a screenful at a time, with a moment on each.
    await page.getByRole('link', { name: 'Progress check', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Progress check' })).toBeVisible();
    await scroller.press('Home');
    await page.waitForTimeout(1200);
    for (let i = 0; i < 40; i++) {
      const atEnd = await scroller.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
      if (atEnd) break;
      await scroller.hover();
      await page.mouse.wheel(0, 500);
      await page.waitForTimeout(1100);
    }
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: '← Library' }).click();
    await expect(row.getByRole('progressbar')).toHaveAttribute('aria-label', 'Reading progress: Finished');
    expect(await progressOf(host, id)).toBeGreaterThanOrEqual(0.98);
  });
});

test.describe('reader: selections snap to words', () => {
  /** Viewport point in the middle of the character at `offset`. */
  function charCentre(page: Page, offset: number) {
    return page.evaluate((o) => {
      const h = (window as unknown as { __parallaxSelection: typeof import('../../renderer/src/reader/selection.js') }).__parallaxSelection;
      const r = h.domRangeForOffsets(document.querySelector('[data-passage-root]') as Element, o, o + 1)?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    }, offset);
  }
  function selected(page: Page) {
    return page.evaluate(() => {
      const h = (window as unknown as { __parallaxSelection: typeof import('../../renderer/src/reader/selection.js') }).__parallaxSelection;
      return h.selectionToRange(document.querySelector('[data-passage-root]') as Element);
    });
  }

  test('a drag from mid-word to mid-word selects whole words; with Alt, the exact range', async ({ page, openApp, host }) => {
    const doc = await openDoc(page, openApp, host, bundledDocs()[0].id);
    const passage = doc.passages.find((p) => p.kind === 'paragraph' && p.end - p.start > 120) ?? doc.passages[1];
    const text = doc.text.slice(passage.start, passage.end);
    // Two words of 5+ letters on the first line, the second some way after the first.
    const words = Array.from(text.matchAll(/\p{L}{5,}/gu)).filter((m) => (m.index ?? 0) < 60);
    const [w1, w2] = [words[0], words[words.length > 2 ? 2 : 1]];
    const s1 = passage.start + (w1.index ?? 0);
    const s2 = passage.start + (w2.index ?? 0);
    const from = await charCentre(page, s1 + 2);
    const to = await charCentre(page, s2 + 2);
    if (!from || !to) throw new Error('characters not rendered');

    await page.mouse.move(from.x - 1, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => selected(page)).toEqual({ start: s1, end: s2 + w2[0].length, text: doc.text.slice(s1, s2 + w2[0].length) });
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();

    await page.mouse.click(5, 5);
    await page.keyboard.down('Alt');
    await page.mouse.move(from.x - 1, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await page.waitForTimeout(100);
    const exact = await selected(page);
    expect(exact?.start).toBeGreaterThan(s1);
    expect(exact?.end).toBeLessThan(s2 + w2[0].length);
  });
});
