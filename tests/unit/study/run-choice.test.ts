import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../electron/api/handlers.js';
import type { Library } from '../../../electron/core/library.js';
import { checkChoice, listCards, refreshCards, type Card } from '../../../electron/core/study/index.js';
import { freshLibrary } from './helpers.js';

// Choice cards (who said it: one of 3-4 speakers; which sources: all that apply) are graded
// automatically from the options chosen, then the reader rates them as any other card.

const card = (choice: 'one' | 'all', options: string[], answers: string[]) => ({ choice, options, answers });

describe('checkChoice', () => {
  it('one answer: right only with the right option', () => {
    const c = card('one', ['Stoltenberg', 'Kuleba', 'Blinken'], ['Kuleba']);
    expect(checkChoice(c, ['Kuleba'])).toMatchObject({ correct: true, suggestedRating: 3, note: null });
    expect(checkChoice(c, ['Blinken'])).toMatchObject({ correct: false, suggestedRating: 1, expected: 'Kuleba', typed: 'Blinken' });
    expect(() => checkChoice(c, ['Kuleba', 'Blinken'])).toThrow(/Choose one/);
  });
  it('all that apply: every right one and no other; one slip among four is "nearly" (Hard)', () => {
    const c = card('all', ['A', 'B', 'C', 'D'], ['A', 'C']);
    expect(checkChoice(c, ['C', 'A'])).toMatchObject({ correct: true, suggestedRating: 3 });
    const missed = checkChoice(c, ['A']);
    expect(missed).toMatchObject({ correct: false, suggestedRating: 2 });
    expect(missed.note).toContain('Also right: C');
    const extra = checkChoice(c, ['A', 'C', 'D']);
    expect(extra).toMatchObject({ correct: false, suggestedRating: 2 });
    expect(extra.note).toContain('Not right: D');
    expect(checkChoice(c, ['B', 'D'])).toMatchObject({ correct: false, suggestedRating: 1 });
    expect(checkChoice(c, [])).toMatchObject({ correct: false, suggestedRating: 1 });
  });
  it('refuses options the card does not have, and cards without options', () => {
    expect(() => checkChoice(card('one', ['A', 'B'], ['A']), ['Z'])).toThrow(/not one of this card's options/);
    expect(() => checkChoice({ choice: null, options: [], answers: [] }, ['A'])).toThrow(/no options/);
  });
});

describe('choice cards of the bundled deck', () => {
  let lib: Library;
  let api: Dispatcher;
  let c: Card;
  beforeAll(async () => {
    lib = await freshLibrary();
    refreshCards(lib.db);
    api = createDispatcher(lib, () => {});
    c = listCards(lib.db).find((x) => x.choice !== null) as Card;
  });
  afterAll(async () => lib?.close());

  it('has choice cards whose answers are among their options', () => {
    expect(c).toBeDefined();
    expect(c.options.length).toBeGreaterThanOrEqual(2);
    expect(c.answers.length).toBeGreaterThanOrEqual(1);
    for (const a of c.answers) expect(c.options).toContain(a);
    expect(c.choice).toBe(c.kind === 'which-sources' ? 'all' : 'one');
  });

  it('checks and grades a choice through the contract, and logs what was chosen', async () => {
    const right = await api.call('study.check', { cardId: c.id, chosen: c.answers });
    expect(right.ok && right.value.correct).toBe(true);
    const wrongOption = c.options.find((o) => !c.answers.includes(o));
    if (wrongOption) {
      const wrong = await api.call('study.check', { cardId: c.id, chosen: [wrongOption] });
      expect(wrong.ok && wrong.value.correct).toBe(false);
    }
    const bad = await api.call('study.check', { cardId: c.id, chosen: ['not an option'] });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    const graded = await api.call('study.grade', { cardId: c.id, rating: 3, chosen: c.answers });
    expect(graded.ok && graded.value.check?.correct).toBe(true);
    const log = lib.db.prepare("SELECT typed, correct FROM review_log WHERE card_id = ? AND kind = 'review'").get(c.id) as { typed: string; correct: number };
    expect(log).toEqual({ typed: c.answers.join('; '), correct: 1 });
  });
});
