import { describe, expect, it } from 'vitest';
import { statementKind, hasCoinedPhrase } from '../../../electron/core/study/gen/candidates.js';
import { blankOptions, findPhrases, phraseDistinctiveness } from '../../../electron/core/study/gen/blanks.js';
import { fastTags } from '../../../electron/core/study/gen/tagger.js';
import { buildIndex, partnersOf, postingsOf } from '../../../electron/core/study/gen/crossdoc.js';
import { sourceLabel, sourceLabels } from '../../../electron/core/study/gen/groupcards.js';
import { cardBudget, comparableSpeakers } from '../../../electron/core/study/gen/assemble.js';
import { checkCard, locateBlank } from '../../../electron/core/study/gen/check.js';

// The phases of card generation, each on its own.

describe('phase 1: candidate key statements', () => {
  it('tells commitments, warnings, demands, decisions, claims and characterisations', () => {
    expect(statementKind('We will never recognize the illegal annexations.')).toBe('commitment');
    expect(statementKind('Experts warned that the dam could fail.')).toBe('warning');
    expect(statementKind('Those responsible must be held accountable.')).toBe('demand');
    expect(statementKind('The council approved the budget on Monday.')).toBe('decision');
    expect(statementKind('The study found that the drug works.')).toBe('claim');
    expect(statementKind('NATO is a defensive alliance.')).toBe('characterisation');
    expect(statementKind('Rain fell.')).toBeNull();
  });
  it('sees a quoted or coined phrase set inside a sentence', () => {
    expect(hasCoinedPhrase('NATO will stand with Ukraine for “as long as it takes”, he said.')).toBe(true);
    expect(hasCoinedPhrase('“We will stand with Ukraine for as long as it takes and beyond that,” he said.')).toBe(false);
  });
});

describe('phase 2: blank choice', () => {
  const d = { idf: () => 0.5, tf: () => 1 };
  const options = (text: string) => blankOptions({ text, spans: [], terms: fastTags(text), kind: statementKind(text), ubiquitous: () => false, d });

  it('prefers the object of the commitment to a name', () => {
    const best = options('The ministers said they will never recognize the illegal annexation of the eastern provinces.')[0];
    expect(best?.text).toMatch(/^illegal annexation/);
    expect(best?.role).toBe('object');
  });
  it('offers the quoted phrase, never with its quotation marks', () => {
    const o = options('Stoltenberg said NATO will support Ukraine for “as long as it takes”.');
    expect(o.some((x) => x.role === 'quote' && x.text === 'as long as it takes')).toBe(true);
  });
  it('offers a passive demand as the blank ("must be held accountable")', () => {
    expect(options('All those responsible for war crimes must be held accountable.').some((x) => x.text === 'held accountable')).toBe(true);
  });
  it('never offers a vague word alone, nor a stopword at either end', () => {
    for (const o of options('We know that there are a lot of ways to support the people of the region.')) {
      expect(['lot', 'ways', 'people']).not.toContain(o.text);
      expect(o.text).not.toMatch(/^(?:the|of|a|to)\s|\s(?:the|of|a|to)$/);
    }
  });
  it('scores rare words higher', () => {
    const rare = { idf: (w: string) => (w.startsWith('annex') ? 1 : 0.1), tf: () => 1 };
    expect(phraseDistinctiveness('illegal annexation', rare)).toBeGreaterThan(phraseDistinctiveness('illegal war', rare));
  });
  it('keeps the quantifier of a promise in its object ("defend every inch of ...")', () => {
    const o = options('NATO will continue to protect our populations and defend every inch of Allied territory at all times.');
    expect(o.some((x) => x.role === 'object' && x.text === 'every inch of Allied territory')).toBe(true);
  });
  it('offers what is taken from someone ("depriving millions of X of [basic services]")', () => {
    const o = options('Russian aggression is depriving millions of Ukrainians of basic services.');
    expect(o[0]?.text).toBe('basic services');
  });
  it('prefers a named programme or a dated event to an ordinary phrase', () => {
    expect(options('He would call on Allies to provide more support through the Comprehensive Assistance Package over the longer term.')[0]?.text).toBe('Comprehensive Assistance Package');
    expect(options('We reaffirm the decision adopted at the Bucharest Summit in 2008 and all other subsequent decisions.')[0]?.text).toBe('Bucharest Summit in 2008');
  });
  it('never ends a phrase on a verb the tagger reads as a noun, nor blanks a measure word', () => {
    const texts = ['The alliance confirms the decisions made at the summit.', 'Our commitment to an open door policy remains steadfast.', 'It shows that our support makes a difference.', 'The army retains a large number of troops.'];
    const all = texts.flatMap((t) => options(t).map((x) => x.text));
    expect(all).not.toContain('alliance confirms');
    expect(all).not.toContain('open door policy remains');
    expect(all).not.toContain('support makes');
    expect(all).not.toContain('large number');
    expect(all).toContain('open door policy');
  });
  it('asks for a set of names several documents name together, and the object of a topic verb counts less', () => {
    const text = 'The ministers of Bosnia and Herzegovina, Georgia and Moldova will discuss their growing cooperation with NATO.';
    const span = (name: string, type: 'place' | 'org', listId: number | null) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, type, text: name, key: name.toLowerCase(), listId });
    const spans = [span('Bosnia and Herzegovina', 'place', 0), span('Georgia', 'place', 0), span('Moldova', 'place', 0), span('NATO', 'org', null)];
    const base = { text, spans, terms: fastTags(text), kind: statementKind(text), ubiquitous: () => false, d };
    const once = blankOptions({ ...base, setDocs: () => 1 }).find((x) => x.role === 'set');
    const repeated = blankOptions({ ...base, setDocs: () => 3 }).find((x) => x.role === 'set');
    expect(repeated?.text).toBe('Bosnia and Herzegovina, Georgia and Moldova');
    expect((repeated?.score ?? 0) - (once?.score ?? 0)).toBeGreaterThan(1);
    const topic = blankOptions(base).find((x) => x.text === 'growing cooperation');
    const promise = options('The ministers will support their growing cooperation with NATO.').find((x) => x.text === 'growing cooperation');
    expect(topic?.score ?? 0).toBeLessThan(promise?.score ?? 0);
  });
  it('finds coined phrases of other documents in one pass', () => {
    const text = 'NATO will stay for as long as it takes, they said.';
    const at = text.indexOf('as long');
    expect(findPhrases(text, new Set(['as long as it takes', 'not back down']))).toEqual([{ start: at, end: at + 'as long as it takes'.length }]);
  });
});

describe('the fast tagger', () => {
  const tags = (s: string) => Object.fromEntries(fastTags(s).map((t) => [t.text, t.tags]));
  it('reads noun/verb words from their neighbours', () => {
    const a = tags('Most wars end at the negotiating table.');
    expect(a.end?.has('Verb')).toBe(true);
    expect(a.negotiating?.has('Adjective')).toBe(true);
    expect(a.table?.has('Noun')).toBe(true);
    const b = tags('It is time to finalise their accession process.');
    expect(b.process?.has('Noun')).toBe(true);
    const c = tags('The war showed our dependency on Russian gas.');
    expect(c.Russian?.has('Adjective')).toBe(true);
    expect(c.gas?.has('Noun')).toBe(true);
  });
});

describe('cross-document: related documents from shared distinctive words', () => {
  it('pairs documents that share rare words and leaves unrelated ones alone', () => {
    const common = ['said', 'year', 'people', 'time'];
    const terms = new Map<string, string[]>([
      ['a', [...common, 'annexation', 'bucharest', 'stoltenberg', 'kuleba', 'moldova', 'gripen']],
      ['b', [...common, 'annexation', 'bucharest', 'stoltenberg', 'kuleba', 'moldova', 'norway']],
      ['c', [...common, 'orchestra', 'baroque', 'cantata', 'conductor', 'tickets', 'violin']],
      ...Array.from({ length: 20 }, (_, i) => [`x${i}`, [...common, `w${i}a`, `w${i}b`, `w${i}c`]] as [string, string[]]),
    ]);
    const index = buildIndex(terms);
    const postings = postingsOf(index);
    expect(partnersOf(index, 'a', postings)).toEqual(['b']);
    expect(partnersOf(index, 'c', postings)).toEqual([]);
  });
});

describe('assembly: budgets, speakers, source labels', () => {
  it('gives an ordinary article at least 3 cards and a long one more', () => {
    expect(cardBudget(120)).toBe(3);
    expect(cardBudget(300)).toBeGreaterThanOrEqual(3);
    expect(cardBudget(2000)).toBeGreaterThan(cardBudget(600));
  });
  it('asks who said only among comparable speakers', () => {
    expect(comparableSpeakers(new Map([['A B', 10], ['C D', 1]]))).toEqual([]);
    expect(comparableSpeakers(new Map([['A B', 2], ['C D', 2]]))).toEqual(['A B', 'C D']);
  });
  it('labels sources by outlet (or the headline’s leading phrase, never cut off) and date, telling equal ones apart', () => {
    expect(sourceLabel({ title: 'T', outlet: 'Reuters', published: '2022-11-30' })).toBe('Reuters, 30 Nov 2022');
    expect(sourceLabel({ title: 'NATO foreign ministers adopt joint statement', outlet: null, published: null })).toBe('NATO foreign ministers adopt joint statement');
    expect(sourceLabel({ title: 'Stoltenberg: NATO will step up support for Ukraine and partners facing Russian pressure', outlet: null, published: null })).toBe('Stoltenberg: NATO will step up support');
    expect(sourceLabel({ title: 'NATO foreign ministers to meet in Bucharest on Russia’s war, support for Ukraine and China', outlet: null, published: '2022-11-29' })).toBe('NATO foreign ministers to meet');
    const labels = sourceLabels([
      { id: 'aaaa1', title: 'x', outlet: 'AP', published: null },
      { id: 'bbbb2', title: 'y', outlet: 'AP', published: null },
    ]);
    expect(new Set(labels.values()).size).toBe(2);
  });
});

describe('the quality checker', () => {
  const passage = 'Norway will help Ukraine purchase gas and allocate NOK 2 billion to this end.';
  it('locates the blank and accepts a well-formed useful card', () => {
    const card = { kind: 'cloze', prompt: 'Norway will help Ukraine purchase gas and allocate [...] to this end.', answer: 'NOK 2 billion', passage };
    expect(locateBlank(card)).toEqual({ start: passage.indexOf('NOK'), end: passage.indexOf('NOK') + 13 });
    expect(checkCard(card)).toMatchObject({ wellFormed: true, useful: true });
  });
  it('rejects a cut word, a given-away answer and a list member', () => {
    expect(checkCard({ kind: 'cloze', prompt: 'Norway will help Ukraine purchase gas and allocate NOK 2 [...] to this end.', answer: 'billion', passage }).wellFormed).toBe(true);
    expect(checkCard({ kind: 'cloze', prompt: 'The [...]-year-old senator said he would run again.', answer: '70', passage: 'The 70-year-old senator said he would run again.' }).wellFormed).toBe(false);
    expect(checkCard({ kind: 'cloze', prompt: 'NATO said [...] would send jets, NATO added.', answer: 'NATO', passage: 'NATO said NATO would send jets, NATO added.' }).wellFormed).toBe(false);
    const list = 'The ministers of Bosnia and Herzegovina, Georgia and Moldova will attend.';
    expect(checkCard({ kind: 'cloze', prompt: 'The ministers of Bosnia and Herzegovina, [...] and Moldova will attend.', answer: 'Georgia', passage: list }).wellFormed).toBe(false);
  });
  it('judges a bare name that is a side detail as not useful', () => {
    const p = 'The council approved the new budget at a meeting in Leeds on Monday.';
    expect(checkCard({ kind: 'cloze', prompt: 'The council approved the new budget at a meeting in [...] on Monday.', answer: 'Leeds', passage: p }).useful).toBe(false);
  });
});
