import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../electron/core/library.js';
import { ensureCards, keyPassages, listCards, type Card } from '../../../electron/core/study/index.js';
import { analyse, type LoadedDoc } from '../../../electron/core/study/analysis.js';
import { generateCards } from '../../../electron/core/study/generate.js';
import { STOPWORDS, fold } from '../../../electron/core/study/text.js';
import { segment } from '../../../electron/core/corpus/segment.js';
import { freshLibrary, malformed, BLANK } from './helpers.js';

// The deck generated from the bundled corpus (five reports of the NATO meeting in Bucharest).

const BOILERPLATE = ['Video of the day', '#StandWithUkraine', 'EPA-EFE', 'JuanJo Martin', 'UKRAINIAN WORLD CONGRESS', 'NATO Summit Madrid Group Free Press', 'November 30,2022 330'];

/** Facts a teacher would ask about this meeting; each is found in some card's answer (or, for quotations and decisions, its question). */
const FACTS: Array<{ fact: string; answer?: RegExp; anywhere?: RegExp }> = [
  { fact: '€270 million from Sweden', answer: /€270 million/ },
  { fact: '$53 million for the energy system', answer: /\$53 million/ },
  { fact: 'NOK 2 billion from Norway', answer: /NOK 2 billion/ },
  { fact: 'MiG-29 jets', answer: /MiG-29/ },
  { fact: 'F-16 jets', answer: /F-16/ },
  { fact: 'Gripen fighters', answer: /Gripen/ },
  { fact: '2008 Bucharest Summit', answer: /2008/ },
  { fact: 'the 15 November 2022 incident in Poland', answer: /November 15, 2022|Poland/ },
  { fact: 'meeting on 29-30 November 2022', answer: /29-30 November 2022/ },
  { fact: 'Stoltenberg', answer: /Stoltenberg/ },
  { fact: 'Kuleba', answer: /Kuleba/ },
  { fact: 'Darchiashvili', answer: /Darchiashvili/ },
  { fact: 'Osmani', answer: /Osmani/ },
  { fact: 'Putin', answer: /Putin/ },
  { fact: 'Bucharest', answer: /^Bucharest$/ },
  { fact: 'Kherson', answer: /Kherson/ },
  { fact: 'Black Sea', answer: /Black Sea/ },
  { fact: 'Western Balkans', answer: /Western Balkans/ },
  { fact: '“as long as it takes”', answer: /as long as it takes/i },
  { fact: '“We will not back down”', answer: /not back down/i },
  { fact: 'never recognize the illegal annexations', anywhere: /never recognize Russia.s illegal annexation/i },
  { fact: 'Finland and Sweden joining', answer: /Finland|Sweden/ },
  { fact: 'support for Bosnia and Herzegovina', answer: /Bosnia and Herzegovina/ },
  { fact: 'support for Georgia', answer: /^Georgia$/ },
  { fact: 'support for Moldova', answer: /Moldova/ },
  { fact: 'repairing the energy infrastructure', anywhere: /repair (?:its )?(?:\[\.\.\.\]|energy infrastructure)/ },
  { fact: 'Open Door Policy', answer: /Open Door Policy/i },
  { fact: 'U.S. Department of State', answer: /Department of State/ },
  { fact: 'Norway', answer: /^Norway$/ },
  { fact: 'political and practical support', answer: /political and practical support/ },
];

describe('cards generated from the bundled corpus', () => {
  let lib: Library;
  let cards: Card[];

  beforeAll(async () => {
    lib = await freshLibrary();
    ensureCards(lib.db);
    cards = listCards(lib.db);
  });
  afterAll(async () => lib?.close());

  it('makes a focused deck of every kind that has data', () => {
    expect(cards.length).toBeGreaterThan(30);
    expect(cards.length).toBeLessThan(150);
    const kinds = new Set(cards.map((c) => c.kind));
    expect(kinds.has('cloze')).toBe(true);
    expect(kinds.has('who-said')).toBe(true);
  });

  it('makes every card well-formed: one blank, the answer in the passage, nothing given away', () => {
    const bad = cards.map((c) => [c.id, c.prompt, malformed(c)]).filter(([, , why]) => why !== null);
    expect(bad).toEqual([]);
  });

  it('never blanks a stopword', () => {
    for (const c of cards.filter((x) => x.kind === 'cloze')) {
      const words = fold(c.answer).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      expect(words.every((w) => STOPWORDS.has(w)), c.answer).toBe(false);
    }
  });

  it('has no duplicate prompts', () => {
    const prompts = cards.map((c) => c.prompt);
    expect(new Set(prompts).size).toBe(prompts.length);
  });

  it('never uses boilerplate (bylines, captions, hashtags, "Video of the day")', () => {
    for (const c of cards) for (const b of BOILERPLATE) expect(`${c.prompt} ${c.passage}`, c.id).not.toContain(b);
    for (const id of ['da58ee4863b15816', '4435434e06963c7c']) {
      for (const k of keyPassages(lib.db, id, { limit: 100 })) for (const b of BOILERPLATE) expect(k.text).not.toContain(b);
    }
  });

  it('covers the facts a teacher would ask about (at least 80%)', () => {
    const missing = FACTS.filter((f) =>
      !cards.some((c) => (f.answer ? f.answer.test(c.answer) : false) || (f.anywhere ? f.anywhere.test(`${c.prompt} ${c.answer}`) : false)),
    ).map((f) => f.fact);
    expect(missing.length / FACTS.length, `missing: ${missing.join(', ')}`).toBeLessThanOrEqual(0.2);
    // The figures are the surest facts: all of them.
    for (const re of [/€270 million/, /\$53 million/, /NOK 2 billion/, /MiG-29/, /F-16/, /2008/, /29-30 November 2022/]) {
      expect(cards.some((c) => re.test(c.answer)), String(re)).toBe(true);
    }
  });

  it('makes one card per item of a list', () => {
    const jets = cards.filter((c) => c.kind === 'cloze' && c.passage.includes('MiG-29 and F-16'));
    expect(jets.map((c) => c.answer).sort()).toEqual(['F-16', 'MiG-29']);
  });

  it('asks who said a quotation the text attributes, with the speaker as the answer', () => {
    const who = cards.filter((c) => c.kind === 'who-said');
    expect(who.length).toBeGreaterThan(2);
    const takes = who.find((c) => /as long as it takes/.test(c.prompt));
    expect(takes?.answer).toBe('Jens Stoltenberg');
    expect(takes?.alternatives).toContain('Stoltenberg');
    // The quotation never names its own speaker.
    for (const c of who) expect(c.prompt).not.toMatch(new RegExp(c.answer.split(' ').at(-1) as string));
  });

  it('merges the same fact from several sources into one card listing them all', () => {
    const takes = cards.filter((c) => c.kind === 'cloze' && c.answer === 'as long as it takes' && c.passage.startsWith('Previewing the meeting'));
    expect(takes).toHaveLength(1);
    expect(takes[0]?.docIds.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every source inside its document', () => {
    const texts = new Map<string, string>();
    for (const c of cards) {
      for (const s of c.sources) {
        if (!texts.has(s.docId)) texts.set(s.docId, (lib.db.prepare('SELECT text FROM documents WHERE id = ?').get(s.docId) as { text: string }).text);
        const text = texts.get(s.docId) as string;
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(s.end).toBeGreaterThan(s.start);
      }
      if (c.kind === 'cloze') {
        const first = c.sources[0];
        expect(texts.get(first?.docId ?? '')?.slice(first?.start, first?.end)).toBe(c.passage);
      }
    }
  });

  it('ranks key passages with reasons and never boilerplate', () => {
    const keys = keyPassages(lib.db, '4435434e06963c7c');
    expect(keys.length).toBeGreaterThan(3);
    for (const k of keys) expect(k.reasons.length).toBeGreaterThan(0);
    expect(keys.map((k) => k.score)).toEqual([...keys.map((k) => k.score)].sort((a, b) => b - a));
    expect(keys.some((k) => k.text.includes('€270 million'))).toBe(true);
  });
});

// ---------------------------------------------------------------- synthetic libraries

function doc(id: string, text: string, extra: Partial<LoadedDoc> = {}): LoadedDoc {
  const seg = segment(text);
  return { id, title: `Report ${id}`, outlet: `Outlet ${id.toUpperCase()}`, published: null, text, passages: seg.passages, sentences: seg.sentences, ...extra };
}

describe('generation rules on small libraries', () => {
  it('makes no which-sources card without alignment statements, and one when they exist', () => {
    const a = doc('a', 'The ministers agreed to send 300 armoured vehicles to Kharkiv before the winter.\n');
    const b = doc('b', 'Ministers agreed to send 300 armoured vehicles to Kharkiv before winter began.\n');
    const without = generateCards(analyse([a, b], [], []));
    expect(without.some((c) => c.kind === 'which-sources')).toBe(false);
    const st = [{ id: 's1', sources: [{ docId: 'a', start: 0, end: a.text.trim().length, text: '', kind: 'same' as const }, { docId: 'b', start: 0, end: b.text.trim().length, text: '', kind: 'same' as const }] }];
    const withStatements = generateCards(analyse([a, b], [], st));
    const which = withStatements.filter((c) => c.kind === 'which-sources');
    expect(which).toHaveLength(1);
    expect(which[0]?.answer).toBe('Outlet A; Outlet B');
  });

  it('asks about a disagreement instead of making single-answer cards from it', () => {
    const a = doc('a', 'Sweden announced a record aid package for Ukraine worth €270 million, including air defence systems.\n');
    const b = doc('b', 'Sweden announced a record aid package for Ukraine worth €250 million, including air defence systems.\n');
    const cards = generateCards(analyse([a, b], [], []));
    expect(cards.some((c) => c.kind === 'cloze' && /€2[57]0 million/.test(c.answer))).toBe(false);
    const d = cards.find((c) => c.kind === 'disagreement');
    expect(d?.answer).toContain('€270 million');
    expect(d?.answer).toContain('€250 million');
    expect(d?.prompt).toContain(BLANK);
  });

  it('merges near-duplicates from two sources into one card with both', () => {
    const a = doc('a', 'Norway will help Ukraine purchase gas and allocate NOK 2 billion to this end.\n');
    const b = doc('b', 'Norway will also help Ukraine to purchase gas, allocating NOK 2 billion for this purpose.\n');
    const cards = generateCards(analyse([a, b], [], [])).filter((c) => c.answer === 'NOK 2 billion');
    expect(cards).toHaveLength(1);
    expect(new Set(cards[0]?.sources.map((s) => s.docId))).toEqual(new Set(['a', 'b']));
  });

  it('does not blank a name the rest of the sentence gives away', () => {
    const a = doc('a', 'NATO said on Tuesday that NATO would send 40 jets, and the Swedish minister said Sweden would pay €10 million.\n');
    const cards = generateCards(analyse([a], [], []));
    expect(cards.some((c) => c.answer === 'NATO')).toBe(false);
    expect(cards.some((c) => c.answer === 'Sweden')).toBe(false);
  });
});
