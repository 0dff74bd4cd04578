import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../electron/core/library.js';
import type { Db } from '../../../electron/core/db/open.js';
import { keyPassages } from '../../../electron/core/study/index.js';
import { refreshGeneratedCards } from '../../../electron/core/study/sync.js';
import { ingestDocument } from '../../../electron/core/corpus/ingest.js';
import { STOPWORDS, fold } from '../../../electron/core/study/text.js';
import { comparableSpeakers } from '../../../electron/core/study/gen/assemble.js';
import { freshLibrary, BLANK } from './helpers.js';
import { storedCards } from './gen-cards.js';

// The deck generated from the bundled corpus (five reports of the NATO meeting in Bucharest),
// and the generation rules on small libraries made for one rule each.

const BOILERPLATE = ['Video of the day', '#StandWithUkraine', 'EPA-EFE', 'JuanJo Martin', 'UKRAINIAN WORLD CONGRESS', 'NATO Summit Madrid Group Free Press', 'November 30,2022 330'];

interface Row {
  id: string;
  kind: string;
  prompt: string;
  answer: string;
  passage: string;
  options: string;
  answers: string;
}

function rows(db: Db): Row[] {
  return db.prepare("SELECT id, kind, prompt, answer, passage, options, answers FROM cards WHERE origin = 'generated' AND deleted = 0").all() as Row[];
}

function siblingKeys(db: Db, id: string): string[] {
  return (db.prepare('SELECT key FROM card_siblings WHERE card_id = ? ORDER BY key').all(id) as Array<{ key: string }>).map((r) => r.key);
}

describe('cards generated from the bundled corpus', () => {
  let lib: Library;
  let cards: Row[];
  beforeAll(async () => {
    lib = await freshLibrary();
    refreshGeneratedCards(lib.db);
    cards = rows(lib.db);
  }, 120_000);
  afterAll(async () => lib?.close());

  it('makes a focused deck of clozes and which-sources questions', () => {
    expect(cards.length).toBeGreaterThan(30);
    expect(cards.length).toBeLessThan(150);
    const kinds = new Set(cards.map((c) => c.kind));
    expect(kinds.has('cloze')).toBe(true);
    expect(kinds.has('which-sources')).toBe(true);
  });

  it('never blanks a stopword and never repeats a prompt', () => {
    for (const c of cards.filter((x) => x.kind === 'cloze')) {
      const words = fold(c.answer).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      expect(words.every((w) => STOPWORDS.has(w)), c.answer).toBe(false);
    }
    expect(new Set(cards.map((c) => c.prompt)).size).toBe(cards.length);
  });

  it('never uses boilerplate (bylines, captions, hashtags, "Video of the day")', () => {
    for (const c of cards) for (const b of BOILERPLATE) expect(`${c.prompt} ${c.passage}`, c.id).not.toContain(b);
    for (const id of ['da58ee4863b15816', '4435434e06963c7c']) {
      for (const k of keyPassages(lib.db, id, { limit: 100 })) for (const b of BOILERPLATE) expect(k.text).not.toContain(b);
    }
  });

  it('makes at most one cloze per sentence (the sentence it blanks)', () => {
    const first = lib.db.prepare(
      'SELECT t.doc_id || \':\' || t.idx AS k FROM card_sources s JOIN sentences t ON t.doc_id = s.doc_id AND t.start < s.end AND s.start < t.end WHERE s.card_id = ? AND s.ord = 0',
    );
    const seen = new Map<string, string>();
    for (const c of cards.filter((x) => x.kind === 'cloze')) {
      for (const { k } of first.all(c.id) as Array<{ k: string }>) {
        expect(seen.get(k), `${c.prompt} / ${seen.get(k)}`).toBeUndefined();
        seen.set(k, c.prompt);
      }
    }
  });

  it('gives every card sibling keys: its sentences, and the statement group when several sources carry it', () => {
    for (const c of cards) {
      const keys = siblingKeys(lib.db, c.id);
      expect(keys.some((k) => /^s:[0-9a-f]{16}:\d+$/.test(k)), c.prompt).toBe(true);
      if (c.kind === 'which-sources') expect(keys.some((k) => k.startsWith('g:'))).toBe(true);
    }
  });

  it('asks which sources carry a statement as choose-all-that-apply with short labels', () => {
    const which = cards.filter((c) => c.kind === 'which-sources');
    expect(which.length).toBeGreaterThan(0);
    for (const c of which) {
      const options = JSON.parse(c.options) as string[];
      const answers = JSON.parse(c.answers) as string[];
      expect(options.length).toBeGreaterThanOrEqual(3);
      expect(answers.length).toBeGreaterThanOrEqual(2);
      for (const a of answers) expect(options).toContain(a);
      for (const o of options) expect(o.length).toBeLessThanOrEqual(45);
      expect(c.answer).toBe(answers.join('; '));
    }
  });

  it('asks what the one dominant speaker said instead of who said it', () => {
    // Jens Stoltenberg is nearly the only person quoted in the five reports.
    expect(cards.some((c) => c.kind === 'who-said')).toBe(false);
    expect(cards.some((c) => c.kind === 'cloze' && c.prompt.startsWith('Jens Stoltenberg: '))).toBe(true);
  });

  it('keeps every source inside its document, the cloze passage first', () => {
    const stored = storedCards(lib.db);
    for (const c of stored) expect(c.docIds.length).toBeGreaterThan(0);
    const src = lib.db.prepare('SELECT s.doc_id, s.start, s.end, d.text FROM card_sources s JOIN documents d ON d.id = s.doc_id WHERE s.card_id = ? ORDER BY s.ord');
    for (const c of cards) {
      const list = src.all(c.id) as Array<{ doc_id: string; start: number; end: number; text: string }>;
      for (const s of list) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(s.text.length);
      }
      if (c.kind === 'cloze') expect(list[0]?.text.slice(list[0].start, list[0].end)).toBe(c.passage);
    }
  });

  it('ranks key passages with reasons and never boilerplate', () => {
    const keys = keyPassages(lib.db, '4435434e06963c7c');
    expect(keys.length).toBeGreaterThan(3);
    for (const k of keys) expect(k.reasons.length).toBeGreaterThan(0);
    expect(keys.map((k) => k.score)).toEqual([...keys.map((k) => k.score)].sort((a, b) => b - a));
  });
});

// ---------------------------------------------------------------- small libraries

function add(db: Db, file: string, raw: string, meta: { title?: string; outlet?: string; published?: string } = {}): string {
  return ingestDocument(db, { file, origin: 'imported', raw, title: meta.title ?? file, outlet: meta.outlet ?? null, published: meta.published ?? null, language: 'en', author: null }).doc.id;
}

const FILLER =
  'The talks in the capital went on late into the evening. Delegations from many countries attended the meetings and the dinners. ' +
  'Officials said the schedule had been agreed weeks before. Reporters waited outside the hall for most of the afternoon. ';

describe('generation rules on small libraries', () => {
  it('makes at least three cards from an ordinary article of 300+ words', async () => {
    const lib = await freshLibrary({ corpus: false });
    try {
      const text = [
        'The city council approved a new budget on Monday that doubles spending on public transport.',
        'The mayor said the plan would cut commuting times and reduce air pollution in the centre.',
        'Critics warned that the higher spending could force the council to raise local taxes next year.',
        FILLER,
        'The budget includes a fleet of electric buses and a new tram line to the northern suburbs.',
        FILLER,
        'Opposition members demanded an independent review of the costs before any contract is signed.',
        FILLER,
        FILLER,
        FILLER,
        FILLER,
      ].join('\n\n');
      expect(text.split(/\s+/).length).toBeGreaterThanOrEqual(300);
      const id = add(lib.db, 'budget.txt', text, { title: 'Council doubles transport budget' });
      refreshGeneratedCards(lib.db);
      const mine = storedCards(lib.db).filter((c) => c.docIds.includes(id));
      expect(mine.length).toBeGreaterThanOrEqual(3);
    } finally {
      await lib.close();
    }
  });

  it('asks who said a quotation only when the library has several comparable speakers', () => {
    expect(comparableSpeakers(new Map([['Jens Stoltenberg', 9], ['Dmytro Kuleba', 1]]))).toEqual([]);
    expect(comparableSpeakers(new Map([['Jens Stoltenberg', 3]]))).toEqual([]);
    expect(comparableSpeakers(new Map([['Anna Lindh', 3], ['Carl Bildt', 2], ['Maria Palme', 2]]))).toEqual(['Anna Lindh', 'Carl Bildt', 'Maria Palme']);
  });

  it('makes who-said cards as a choice among the library’s speakers', async () => {
    const lib = await freshLibrary({ corpus: false });
    try {
      add(lib.db, 'a.txt', `“We will never accept a border drawn by force in our region,” Anna Lindh said on Monday.\n\n${FILLER}`, { title: 'Lindh rejects border' });
      add(lib.db, 'b.txt', `“Our farmers need a fair price for the grain they sell abroad,” Carl Bildt said in a speech.\n\n${FILLER}`, { title: 'Bildt on grain' });
      add(lib.db, 'c.txt', `“The new railway will connect the two largest ports within five years,” Maria Palme said in an interview.\n\n${FILLER}`, { title: 'Palme railway' });
      refreshGeneratedCards(lib.db);
      const who = rows(lib.db).filter((c) => c.kind === 'who-said');
      expect(who.length).toBeGreaterThanOrEqual(2);
      for (const c of who) {
        const options = JSON.parse(c.options) as string[];
        expect(options.length).toBeGreaterThanOrEqual(3);
        expect(options.length).toBeLessThanOrEqual(4);
        expect(options).toContain(c.answer);
        expect(JSON.parse(c.answers)).toEqual([c.answer]);
        expect(c.prompt).not.toContain(c.answer.split(' ').at(-1) as string);
      }
    } finally {
      await lib.close();
    }
  });

  it('blanks the phrase that carries the claim, not a name, and never the speaker', async () => {
    const lib = await freshLibrary({ corpus: false });
    try {
      add(lib.db, 'a.txt', `The ministers said they will never recognize the illegal annexation of the eastern provinces.\n\n${FILLER}`, { title: 'Ministers' });
      refreshGeneratedCards(lib.db);
      const c = rows(lib.db).find((x) => x.kind === 'cloze' && x.passage.includes('never recognize'));
      expect(c?.answer).toMatch(/illegal annexation/);
      expect(c?.prompt).toContain(BLANK);
    } finally {
      await lib.close();
    }
  });
});
