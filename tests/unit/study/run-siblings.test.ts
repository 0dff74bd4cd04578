import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../electron/core/library.js';
import { buildQueue, dueCounts, gradeCard, listCards, refreshCards, setSettings, type Card } from '../../../electron/core/study/index.js';
import { siblingGroups } from '../../../electron/core/study/siblingKeys.js';
import { clock, DAY, freshLibrary, MIN } from './helpers.js';

// Siblings (cards sharing a sentence, a statement group or a highlight) are never shown on
// the same day: after one is reviewed the others wait until tomorrow, and new cards are
// introduced one per sibling group a day. The card list shows siblings together.

const shares = (a: Card, b: Card): boolean => a.siblingKeys.some((k) => b.siblingKeys.includes(k));

function noTwoSiblings(cards: Card[]): void {
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i] as Card;
      const b = cards[j] as Card;
      expect(shares(a, b), `${a.id} and ${b.id} share ${a.siblingKeys.filter((k) => b.siblingKeys.includes(k)).join(', ')}`).toBe(false);
    }
  }
}

describe('sibling cards in a review session', () => {
  let lib: Library;
  const t = clock();
  beforeAll(async () => {
    lib = await freshLibrary();
    refreshCards(lib.db, { now: t.now() });
    // Enough new cards a day that the whole deck could come at once.
    setSettings(lib.db, { newPerDay: 9999 });
  });
  afterAll(async () => lib?.close());

  it('every card has sibling keys, and the deck has sibling groups to bury', () => {
    const cards = listCards(lib.db);
    expect(cards.length).toBeGreaterThan(10);
    for (const c of cards) expect(c.siblingKeys.length, c.id).toBeGreaterThan(0);
    const groups = siblingGroups(
      cards.map((c) => c.id),
      new Map(cards.map((c) => [c.id, c.siblingKeys])),
    );
    expect(groups.size).toBeGreaterThan(1);
  });

  it('introduces new cards one per sibling group a day', () => {
    const q = buildQueue(lib.db, { now: t.now(), limit: 1000 });
    const all = listCards(lib.db);
    expect(q.items.length).toBeGreaterThan(0);
    // Some cards were held back, because the deck has siblings.
    expect(q.buried).toBeGreaterThan(0);
    expect(q.items.length + q.buried).toBe(all.length);
    noTwoSiblings(q.items.map((i) => i.card));
    // The counts the badge shows agree with the session.
    expect(dueCounts(lib.db, t.now()).total.new).toBe(q.newCount);
  });

  it('after a card is reviewed, its siblings wait until tomorrow; the card itself comes back for its learning steps', () => {
    const all = listCards(lib.db);
    const first = all.find((c) => all.some((o) => o.id !== c.id && shares(c, o))) as Card;
    const siblings = all.filter((o) => o.id !== first.id && shares(first, o)).map((o) => o.id);
    expect(siblings.length).toBeGreaterThan(0);
    gradeCard(lib.db, first.id, 1, { now: t.now() });
    t.advance(MIN);
    const q = buildQueue(lib.db, { now: t.now(), limit: 1000 });
    const ids = q.items.map((i) => i.card.id);
    for (const s of siblings) expect(ids).not.toContain(s);
    expect(ids).toContain(first.id);
    noTwoSiblings(q.items.map((i) => i.card));
    // Work through the whole session: never two siblings the same day.
    const seen: Card[] = [getCardFrom(all, first.id)];
    for (let n = 0; n < 500; n++) {
      const next = buildQueue(lib.db, { now: t.now(), limit: 1 }).items[0];
      if (!next) break;
      if (!seen.some((c) => c.id === next.card.id)) seen.push(next.card);
      gradeCard(lib.db, next.card.id, 4, { now: t.now() });
    }
    noTwoSiblings(seen);
    // Tomorrow the group comes again: one of the buried siblings, or the first card itself
    // when its next review falls tomorrow (then the others wait again), never both.
    t.advance(DAY);
    const tomorrow = buildQueue(lib.db, { now: t.now(), limit: 1000 }).items.map((i) => i.card.id);
    const fromGroup = [first.id, ...siblings].filter((id) => tomorrow.includes(id));
    expect(fromGroup.length).toBeGreaterThanOrEqual(1);
    if (tomorrow.includes(first.id)) expect(siblings.filter((s) => tomorrow.includes(s) && shares(first, getCardFrom(all, s)))).toEqual([]);
  });

  it('lists siblings together, after the best of them', () => {
    const cards = listCards(lib.db);
    const groups = siblingGroups(
      cards.map((c) => c.id),
      new Map(cards.map((c) => [c.id, c.siblingKeys])),
    );
    // Each group's members are adjacent in the list.
    const seenGroups: string[] = [];
    let prev: string | undefined;
    for (const c of cards) {
      const g = groups.get(c.id);
      if (g && g !== prev) {
        expect(seenGroups, `group ${g} is split`).not.toContain(g);
        seenGroups.push(g);
      }
      prev = g;
    }
  });
});

function getCardFrom(cards: Card[], id: string): Card {
  return cards.find((c) => c.id === id) as Card;
}

describe('siblingGroups', () => {
  it('joins cards through shared keys, transitively, and leaves loners out', () => {
    const keys = new Map([
      ['a', ['s:d:1']],
      ['b', ['s:d:1', 'g:7']],
      ['c', ['g:7']],
      ['d', ['s:d:2']],
      ['e', ['h:x']],
      ['f', ['h:x']],
    ]);
    const g = siblingGroups(['a', 'b', 'c', 'd', 'e', 'f'], keys);
    expect(g.get('a')).toBe('a');
    expect(g.get('b')).toBe('a');
    expect(g.get('c')).toBe('a');
    expect(g.has('d')).toBe(false);
    expect(g.get('e')).toBe('e');
    expect(g.get('f')).toBe('e');
  });
});
