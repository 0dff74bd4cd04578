import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../electron/core/library.js';
import { refreshGeneratedCards } from '../../../electron/core/study/sync.js';
import { checkCard } from '../../../electron/core/study/gen/check.js';
import { foldPhrase } from '../../../electron/core/study/text.js';
import { freshLibrary } from './helpers.js';
import { KEY_FACTS } from './key-facts.js';
import { storedCards, type StoredCard } from './gen-cards.js';

// The deck of the bundled corpus, judged by the same checker as the quality bench: no
// malformed card, and the key facts of the five reports asked for (in a card's answer).

describe('the bundled deck by the quality checker', () => {
  let lib: Library;
  let cards: StoredCard[];
  let outlets: string[];
  beforeAll(async () => {
    lib = await freshLibrary();
    refreshGeneratedCards(lib.db);
    cards = storedCards(lib.db);
    outlets = (lib.db.prepare('SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL').all() as Array<{ outlet: string }>).map((r) => r.outlet);
  }, 120_000);
  afterAll(async () => lib?.close());

  it('has no malformed card', () => {
    const bad = cards.map((c) => ({ prompt: c.prompt, answer: c.answer, v: checkCard(c, outlets) })).filter((x) => !x.v.wellFormed);
    expect(bad).toEqual([]);
    expect(cards.length).toBeGreaterThan(20);
  });

  it('asks for the key facts of the five reports (in the answers)', () => {
    const covered = KEY_FACTS.filter((f) => cards.some((c) => c.docIds.includes(f.doc) && ` ${foldPhrase(c.answer)} `.includes(` ${foldPhrase(f.phrase)} `)));
    const missing = KEY_FACTS.filter((f) => !covered.includes(f)).map((f) => f.fact);
    const useful = cards.filter((c) => checkCard(c, outlets).useful).length;
    process.stdout.write(`[study] bundled deck: ${cards.length} cards, ${useful} useful; key facts covered ${covered.length}/${KEY_FACTS.length}; missing: ${missing.join(' | ')}\n`);
    expect(covered.length / KEY_FACTS.length).toBeGreaterThanOrEqual(0.94);
  });
});
