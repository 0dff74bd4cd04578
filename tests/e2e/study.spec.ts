import type { Page } from '@playwright/test';
import { chooseTheme, expect, test, THEMES } from './fixtures.js';

// Study: a session by keyboard only, as a new reader would do it; the other tabs; axe in
// every theme. Tests in this file share one library and run in order.

const card = (page: Page) => page.locator('article.study-card');

async function openStudy(page: Page): Promise<void> {
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('link', { name: /^Study/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();
}

test('a study session by keyboard only: reveal, grade, type an answer, undo, finish', async ({ openApp, page, host, shot, axe }) => {
  // Five new cards a day keeps the session short.
  const set = await host.call('study.settings', { newPerDay: 5 });
  expect(set.ok).toBe(true);
  await openApp();
  await expect(page.getByRole('link', { name: /^Study/ })).toContainText('5 new');
  await openStudy(page);
  await expect(card(page)).toBeFocused();
  await shot('study-question');

  // 1. Space shows the answer and the source passage; the buttons show the next intervals.
  const first = await card(page).getAttribute('data-card-id');
  await page.keyboard.press('Space');
  await expect(page.getByText('Answer', { exact: true })).toBeVisible();
  await expect(page.locator('.study-passage')).toBeVisible();
  await expect(page.getByRole('button', { name: /Good next in 10m/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /./ }).filter({ has: page.locator('xpath=ancestor::figcaption') }).first()).toBeVisible();
  await shot('study-answer');
  await axe('study-answer');

  // 2. 3 grades Good: the next card comes.
  await page.keyboard.press('3');
  await expect(card(page)).not.toHaveAttribute('data-card-id', first ?? '');
  await expect(page.getByText('1 card done')).toBeVisible();

  // 3. Type a wrong answer (T focuses the field), Enter checks it: "Not quite", Again is suggested.
  const second = await card(page).getAttribute('data-card-id');
  await page.keyboard.press('t');
  await expect(page.getByRole('textbox', { name: /Your answer/ })).toBeFocused();
  await page.keyboard.type('definitely not this');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Not quite' })).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByText('2 cards done')).toBeVisible();

  // 4. U takes the last grade back: the same card again, the count goes back.
  await page.keyboard.press('u');
  await expect(card(page)).toHaveAttribute('data-card-id', second ?? '');
  await expect(page.getByText('1 card done')).toBeVisible();

  // 5. Type the right answer for this card (read through the contract), Enter: "Right".
  const right = await host.call<{ answer: string }>('cards.get', { id: second });
  expect(right.ok).toBe(true);
  // The card is drawn again after the undo: T focuses its field once it is there (typing
  // before that would go to the review's own shortcuts, as it would for a person).
  const field = page.getByRole('textbox', { name: /Your answer/ });
  await expect(async () => {
    await page.keyboard.press('t');
    await expect(field).toBeFocused({ timeout: 1000 });
  }).toPass();
  await field.fill('');
  await page.keyboard.type(right.ok ? right.value.answer : '');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Right|^Nearly/ })).toBeVisible();
  await page.keyboard.press('3');

  // 6. Work through the rest with Space and 4 (Easy) until the summary (learning steps of the
  // first card may come round again within the session).
  for (let i = 0; i < 30; i++) {
    if (await page.getByRole('heading', { name: 'Session done' }).isVisible()) break;
    await expect(card(page)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
    await page.keyboard.press('4');
    await expect(page.locator('.study-revealed')).toHaveCount(0, { timeout: 5000 }).catch(() => undefined);
  }
  await expect(page.getByRole('heading', { name: 'Session done' })).toBeVisible();
  await shot('study-summary');

  // The reviews were recorded through the contract and survive in the library.
  const stats = await host.call<{ totalReviews: number }>('study.stats', {});
  expect(stats.ok && stats.value.totalReviews).toBeGreaterThanOrEqual(6);
});

test('the source link opens the passage in the reader', async ({ openApp, page, host }) => {
  await host.call('study.settings', { newPerDay: 20 });
  await openApp('#/study');
  await expect(card(page)).toBeFocused();
  await page.keyboard.press('Space');
  const link = page.locator('.study-source-caption a').first();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: /^Text of/ })).toBeVisible();
  await expect(page.locator('[data-flash]').first()).toBeVisible();
});

test('cards can be edited, suspended and deleted from the list; key passages and statistics show', async ({ openApp, page, shot }) => {
  await openApp('#/study?p.tab=cards');
  const list = page.getByRole('list', { name: 'Cards' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const firstRow = list.getByRole('listitem').first();
  await firstRow.getByRole('button', { name: /^Edit the card/ }).click();
  const answer = firstRow.getByRole('textbox', { name: 'Answer' });
  await answer.fill('An answer of my own');
  await firstRow.getByRole('button', { name: 'Save' }).click();
  await expect(list.getByText('An answer of my own')).toBeVisible();
  const edited = list.getByRole('listitem').filter({ hasText: 'An answer of my own' });
  await edited.getByRole('button', { name: /^Suspend the card/ }).click();
  await expect(edited.getByText('Suspended', { exact: true })).toBeVisible();
  await shot('study-cards');

  // Keyboard through the tabs: arrow keys move between them.
  await page.getByRole('tab', { name: 'Cards' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Key passages' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('list', { name: /Key passages/ }).getByRole('listitem').first()).toBeVisible();
  await shot('study-key-passages');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Statistics & settings' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Reviews per day')).toBeVisible();
  await shot('study-stats');
});

test('the study view passes axe in every theme', async ({ openApp, page, axe, shot }) => {
  for (const theme of THEMES) {
    await openApp('#/study');
    await chooseTheme(page, theme);
    await openStudy(page);
    await axe(`study-${theme}`);
    for (const tab of ['Cards', 'Key passages', 'Statistics & settings']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      await page.waitForLoadState('networkidle');
      await axe(`study-${tab.split(' ')[0]?.toLowerCase()}-${theme}`);
    }
    if (theme === 'dark') await shot('study-stats-dark');
  }
});

// ---------------------------------------------------------------- off the read path, siblings, popover

const SHOTS = '/tmp/shots';

interface CardLite {
  id: string;
  siblingKeys: string[];
  kind: string;
  highlightId: string | null;
}

test('the card list shows siblings together; screenshots of the review session (light, dark) and the list', async ({ openApp, page, host }) => {
  await host.call('study.settings', { newPerDay: 500 });
  await page.setViewportSize({ width: 1200, height: 900 });
  await openApp('#/study?p.tab=cards');
  await chooseTheme(page, 'light');
  const marks = page.locator('.study-sibling-mark');
  await expect(marks.first()).toBeVisible();
  await expect(marks.first()).toHaveText(/Sibling 1 of \d/);
  // Siblings follow each other: the row after "sibling 1 of n" is "sibling 2 of n".
  const first = page.locator('li.study-row-sibling-first').first();
  await expect(first.locator('xpath=following-sibling::li[1]').locator('.study-sibling-mark')).toHaveText(/Sibling 2 of \d/);
  await first.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/study-cards-siblings.png` });

  for (const theme of ['light', 'dark'] as const) {
    await openApp('#/study');
    await chooseTheme(page, theme);
    await openStudy(page);
    await expect(card(page)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/study-review-${theme}.png` });
    const choice = page.locator('.study-choices input').first();
    if (await choice.isVisible()) await choice.check();
    await page.getByRole('button', { name: /^(Show answer|Check)/ }).click();
    await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/study-review-${theme}-answer.png` });
  }
  // A choice card: the other new cards are set aside for a moment, so the session shows one.
  const listed = await host.call<Array<CardLite & { choice: string | null; state: string; suspended: boolean }>>('cards.list', {});
  expect(listed.ok).toBe(true);
  if (!listed.ok) return;
  const aside = listed.value.filter((c) => !c.choice && !c.suspended);
  expect(listed.value.some((c) => c.choice)).toBe(true);
  for (const c of aside) await host.call('cards.update', { id: c.id, suspended: true });
  try {
    await openApp('#/study');
    await chooseTheme(page, 'light');
    const first = page.locator('.study-choices input').first();
    await expect(first).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/study-choice-card.png` });
    // Keyboard only: Space ticks the focused option, Tab to the next, Enter checks.
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(page.locator('.study-choice-mark').first()).toBeVisible();
    await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/study-choice-card-checked.png` });
    await chooseTheme(page, 'dark');
    await page.screenshot({ path: `${SHOTS}/study-choice-card-checked-dark.png` });
  } finally {
    for (const c of aside) await host.call('cards.update', { id: c.id, suspended: false });
  }
});

test('cards are prepared in the background after an import: the Study view says so and still lets you review', async ({ openApp, page, host }) => {
  test.setTimeout(240_000);
  await host.call('study.settings', { newPerDay: 500 });
  await openApp('#/study');
  await expect(card(page)).toBeVisible();
  // 150 new reports of one story: enough work that the preparation is still running when the
  // view's idle status poll (every 2 s) comes round, even on an idle machine.
  const ministers = ['Terje Aasland', 'Mika Lintilä', 'Dan Jørgensen', 'Ebba Busch', 'Guðlaugur Þórðarson'];
  const cities = ['Oslo', 'Helsinki', 'Copenhagen', 'Stockholm', 'Reykjavik', 'Tallinn', 'Riga', 'Vilnius'];
  const files = Array.from({ length: 150 }, (_, i) => {
    const who = ministers[i % ministers.length] as string;
    const where = cities[i % cities.length] as string;
    const lines = [
      `Nordic fund ${i + 1} for Ukraine's power grid`,
      `Energy ministers of the Nordic and Baltic countries agreed in ${where} on Monday to set up a fund to repair Ukraine's power grid before the coldest weeks of the winter.`,
      `"We will not let the winter decide this war," ${who} told reporters after the meeting, adding that every transformer sent keeps a hospital warm and a water pump running.`,
      `The fund starts with ${300 + i * 7} million euros; Norway will pay half of the first amount, and the fund is open to other donors, the joint statement said.`,
      `Russian missile and drone strikes have damaged about ${30 + (i % 20)} percent of Ukraine's energy infrastructure since October, according to the government in Kyiv.`,
      `Kyiv has asked its partners for transformers, generators and high-voltage cables rather than money alone, ${who} said.`,
      `Denmark promised to send ${2 + (i % 6)} mobile power stations within a month, while Sweden offered engineers to train Ukrainian repair crews in Lviv.`,
      `The European Commission welcomed the decision and said it would propose a similar instrument to the member states in January.`,
      `Critics in ${where} said the plan came too late and asked the ministers to protect the grid with air defence systems instead.`,
    ];
    // Four rounds of the story per report (figures varied) so each report is a few hundred words.
    const rounds = [0, 1, 2, 3].flatMap((k) => lines.map((l) => l.replace(/\d+/gu, (n) => String(Number(n) + k * 11))));
    return { name: `fund-${i}.txt`, dataBase64: Buffer.from(rounds.join('\n\n')).toString('base64') };
  });
  const imported = await host.call<Array<{ id?: string }>>('docs.import', { files });
  expect(imported.ok).toBe(true);
  const server = await host.call<{ state: string }>('study.status', {});
  expect(server.ok && server.value.state).toBe('preparing');
  const banner = page.getByRole('status').filter({ hasText: /Preparing cards: \d+ of \d+ documents/ });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner.getByRole('progressbar')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/study-preparing.png` });
  // Meanwhile the cards that are ready can be reviewed.
  await expect(card(page)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
  // When it is done the banner goes, and the new documents have cards.
  await expect(banner).toHaveCount(0, { timeout: 120_000 });
  const status = await host.call<{ state: string }>('study.status', {});
  expect(status.ok && status.value.state).toBe('idle');
  const ids = imported.ok ? imported.value.flatMap((o) => (o.id ? [o.id] : [])) : [];
  expect(ids).toHaveLength(150);
  const all = await host.call<Array<CardLite & { docIds: string[] }>>('cards.list', {});
  expect(all.ok && all.value.filter((c) => c.docIds.some((d) => ids.includes(d))).length).toBeGreaterThan(0);
});

test('a review session never shows two sibling cards on the same day', async ({ openApp, page, host }) => {
  test.setTimeout(240_000);
  await host.call('study.settings', { newPerDay: 60 });
  await openApp('#/study');
  await chooseTheme(page, 'light');
  let shotChoice = false;
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    if (await page.getByRole('heading', { name: 'Session done' }).isVisible()) break;
    if (await page.getByRole('heading', { name: 'Nothing to study right now' }).isVisible()) break;
    await expect(card(page)).toBeVisible();
    const id = (await card(page).getAttribute('data-card-id')) ?? '';
    if (!seen.includes(id)) seen.push(id);
    const choice = page.locator('.study-choices input').first();
    const isChoice = await choice.isVisible();
    if (isChoice) {
      // Choice cards: options by keyboard (the first has the focus), Enter checks.
      await expect(choice).toBeFocused();
      await page.keyboard.press('Space');
      await expect(choice).toBeChecked();
      if (!shotChoice) await page.screenshot({ path: `${SHOTS}/study-choice-card.png` });
      await page.keyboard.press('Enter');
      await expect(page.locator('.study-choice-mark').first()).toBeVisible();
      if (!shotChoice) await page.screenshot({ path: `${SHOTS}/study-choice-card-checked.png` });
      shotChoice = true;
    } else await page.getByRole('button', { name: /^Show answer/ }).click();
    await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
    await page.keyboard.press('4');
    await expect(card(page).and(page.locator(`[data-card-id="${id}"]`))).toHaveCount(0, { timeout: 5000 }).catch(() => undefined);
  }
  expect(seen.length).toBeGreaterThan(5);
  const cards = await Promise.all(seen.map(async (id) => (await host.call<CardLite>('cards.get', { id })) as { ok: true; value: CardLite }));
  for (let a = 0; a < cards.length; a++) {
    for (let b = a + 1; b < cards.length; b++) {
      const x = cards[a]?.value as CardLite;
      const y = cards[b]?.value as CardLite;
      expect(x.siblingKeys.filter((k) => y.siblingKeys.includes(k)), `${x.id} / ${y.id}`).toEqual([]);
    }
  }
  // The deck has siblings (so the check above had something to avoid), and the queue says it buried some.
  const queue = await host.call<{ buried: number }>('study.queue', {});
  const all = await host.call<CardLite[]>('cards.list', {});
  expect(all.ok && all.value.some((c) => all.value.some((d) => d.id !== c.id && d.siblingKeys.some((k) => c.siblingKeys.includes(k))))).toBe(true);
  expect(queue.ok).toBe(true);
});

test('a card from the highlight popover, in a dialog that fits a 900 px window; the blank is whole words', async ({ openApp, page, host }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  const docs = await host.call<Array<{ id: string }>>('docs.list', {});
  const docId = docs.ok ? (docs.value[0]?.id as string) : '';
  const doc = await host.call<{ text: string; sentences: Array<{ start: number; end: number }> }>('docs.get', { id: docId });
  expect(doc.ok).toBe(true);
  if (!doc.ok) return;
  // A long highlight (three sentences), so the dialog has many words to show.
  const s = doc.value.sentences;
  const from = s[2]?.start ?? 0;
  const to = s[5]?.end ?? 200;
  const h = await host.call<{ id: string; start: number; end: number; exact: string }>('highlights.create', { docId, start: from, end: to, color: 'yellow' });
  expect(h.ok).toBe(true);
  if (!h.ok) return;
  await openApp(`#/reader/${docId}`);
  const mark = page.locator(`.reader-article [data-highlight-id="${h.value.id}"]`).first();
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  const popover = page.getByRole('dialog', { name: 'Highlight' });
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: 'Make card' }).click();
  const dialog = page.getByRole('dialog', { name: 'New card from a highlight' });
  await expect(dialog).toBeVisible();
  // Not clipped: the dialog and its buttons are inside the window.
  const box = await dialog.boundingBox();
  expect(box).not.toBeNull();
  if (box) {
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    expect(box.x + box.width).toBeLessThanOrEqual(900);
  }
  const make = dialog.getByRole('button', { name: 'Make the card' });
  await expect(make).toBeInViewport();
  // Pick the second word of the highlight alone (the keyboard works too: Tab to it, Space).
  const words = dialog.getByRole('group', { name: 'Words of the highlight' }).getByRole('button');
  const word = (await words.nth(1).textContent()) ?? '';
  await words.nth(1).focus();
  await page.keyboard.press('Space');
  await expect(dialog.locator('.study-fromhl-preview')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/study-card-from-highlight-900.png` });
  await make.click();
  await expect(dialog).toHaveCount(0);
  const cards = await host.call<Array<CardLite & { answer: string; prompt: string }>>('cards.list', { kind: 'highlight' });
  const made = cards.ok ? cards.value.find((c) => c.highlightId === h.value.id) : undefined;
  expect(made).toBeDefined();
  // Whole words: the answer is the word without its punctuation, never a piece of one.
  const bare = word.replace(/^[“"‘'(]+|[.,;:!?”"’)]+$/gu, '');
  expect(made?.answer).toBe(bare);
  expect(h.value.exact).toMatch(new RegExp(`(^|[^\\p{L}\\p{N}])${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}\\p{N}]|$)`, 'u'));
});
