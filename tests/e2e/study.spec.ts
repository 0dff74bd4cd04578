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
  await page.keyboard.press('t');
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
