import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignPair } from '../../../electron/core/compare/index.js';
import { getDocumentText } from '../../../electron/core/corpus/store.js';
import { linkBetween, linked, setup, withBackground, type Setup } from './helpers.js';

// Alignment on hand-made pairs: what must be linked, what must not, splits and reordering.

let s: Setup;
beforeAll(async () => {
  s = await setup();
  await withBackground(s);
});
afterAll(async () => s.lib.close());

async function pair(name: string, a: string, b: string): Promise<ReturnType<typeof alignPair>> {
  const idA = await s.importText(`${name}-a.txt`, a);
  const idB = await s.importText(`${name}-b.txt`, b);
  return alignPair(s.lib.db, idA, idB);
}

describe('alignment of two documents', () => {
  it('links a translation-like paraphrase', async () => {
    const al = await pair(
      'paraphrase',
      'The ministers met on Tuesday. We will never recognize Russia’s illegal annexations, which are a flagrant violation of the UN Charter. The talks went on late.',
      'Journalists waited outside. “We will never recognize Russia’s illegal annexations, which blatantly violate the U.N. Charter,” the statement reads. Lunch was served.',
    );
    const link = linkBetween(al, 'flagrant violation of the UN Charter', 'blatantly violate the U.N. Charter');
    expect(link).toBeDefined();
    expect(link?.kind).toBe('variant');
    expect(link?.a.sentenceIndexes).toHaveLength(1);
    expect(link?.b.sentenceIndexes).toHaveLength(1);
    expect(al.links).toHaveLength(1);
  });

  it('does not link sentences that only share the words every report uses', async () => {
    const al = await pair(
      'common',
      'NATO allies agreed to increase their support for Ukraine against Russia.',
      'Russia warned NATO that the support of the allies for Ukraine would lengthen the war.',
    );
    expect(al.links).toEqual([]);
  });

  it('does not link two different statements about the same meeting', async () => {
    const al = await pair(
      'different',
      'NATO foreign ministers will meet in Bucharest on Tuesday to discuss energy security and support for Ukraine.',
      'NATO foreign ministers met in Bucharest on Tuesday and condemned Russian missile strikes on Ukrainian power plants.',
    );
    expect(al.links).toEqual([]);
  });

  it('does not link a statement to its denial', async () => {
    const al = await pair(
      'denial',
      'The alliance will send fighter jets and air defence systems to Ukraine before the winter.',
      'The alliance won’t send fighter jets and air defence systems to Ukraine before the winter.',
    );
    expect(al.links).toEqual([]);
    const both = await pair(
      'both-denied',
      'The alliance will not send fighter jets and air defence systems to Ukraine before the winter.',
      'The alliance will never send fighter jets and air defence systems to Ukraine before the winter.',
    );
    expect(both.links).toHaveLength(1);
  });

  it('links a sentence to both halves when the other source splits it in two', async () => {
    const al = await pair(
      'split',
      'Finland and Sweden take part in the meeting as invited countries, and their accession will make them safer, NATO stronger and the Euro-Atlantic area safer.',
      'Finland and Sweden participate today as invited states to join the Alliance. Accession will make them safer, NATO stronger and the Euro-Atlantic space safer.',
    );
    expect(al.links).toHaveLength(1);
    const [link] = al.links;
    expect(link?.a.sentenceIndexes).toHaveLength(1);
    expect(link?.b.sentenceIndexes).toHaveLength(2);
    expect(link?.b.text).toContain('participate today');
    expect(link?.b.text).toContain('Euro-Atlantic space safer');
  });

  it('finds the partners of statements told in another order', async () => {
    const a = [
      'Allies will provide assistance to Ukraine to repair energy infrastructure as it defends its population from missile attacks.',
      'We reaffirm the decision adopted at the Bucharest Summit in 2008 and all subsequent decisions regarding Georgia and Ukraine.',
      'All those responsible for war crimes, including sexual violence in the conflict, must be held accountable.',
      'It has affected the global food supply and endangered the most vulnerable countries and peoples around the globe.',
    ];
    const b = [
      '"It affects the world\'s food supply and threatens the world\'s most vulnerable countries and peoples."',
      '• The alliance confirms the decisions made at the Bucharest summit in 2008 and all its subsequent decisions regarding Georgia and Ukraine.',
      '"All those responsible for war crimes, including conflict-related sexual violence, must be held accountable."',
      '• Allies will help Ukraine repair its energy infrastructure and protect its population from missile attacks.',
    ];
    const al = await pair('reorder', a.join('\n\n'), b.join('\n\n'));
    expect(linked(al, 'repair energy infrastructure', 'repair its energy infrastructure')).toBe(true);
    expect(linked(al, 'Bucharest Summit in 2008', 'Bucharest summit in 2008')).toBe(true);
    expect(linked(al, 'war crimes', 'war crimes')).toBe(true);
    expect(linked(al, 'global food supply', 'world\'s food supply')).toBe(true);
    expect(al.links).toHaveLength(4);
  });

  it('calls identical wording "same", whatever the case, quote marks and spacing', async () => {
    const al = await pair(
      'same',
      'Reporters asked about the winter. “There can be no lasting peace if the aggressor wins.” Then the meeting closed.',
      'The speech was short. "There can be no lasting peace if the Aggressor wins." Nobody asked questions.',
    );
    const link = linkBetween(al, 'no lasting peace', 'no lasting peace');
    expect(link?.kind).toBe('same');
    expect(link?.score).toBe(1);
  });

  it('does not link attributions alone ("Stoltenberg said") when the statements differ', async () => {
    const al = await pair(
      'attribution',
      'NATO Secretary General Jens Stoltenberg said that “NATO will continue to stand with Ukraine for as long as it takes.”',
      'NATO Secretary General Jens Stoltenberg said that the alliance would reconsider plans for new fighter jets next year.',
    );
    expect(al.links).toEqual([]);
  });

  it('gives offsets into the stored text: each side is exactly that slice, a few sentences at most', async () => {
    const al = await pair(
      'offsets',
      'Intro line.\n\nWe condemn Russia’s cruel actions against the civilian population of Ukraine, violations and abuses against human rights, such as forced deportations and torture.',
      'The ministers condemn "Russia\'s cruelty towards the civilian population in Ukraine and the violation and abuse of human rights, such as forced deportations and torture".',
    );
    expect(al.links.length).toBeGreaterThan(0);
    const ta = getDocumentText(s.lib.db, al.a) ?? '';
    const tb = getDocumentText(s.lib.db, al.b) ?? '';
    for (const l of al.links) {
      expect(ta.slice(l.a.start, l.a.end)).toBe(l.a.text);
      expect(tb.slice(l.b.start, l.b.end)).toBe(l.b.text);
      expect(l.a.sentenceIndexes.length).toBeLessThanOrEqual(3);
      expect(l.b.sentenceIndexes.length).toBeLessThanOrEqual(3);
    }
  });

  it('is symmetric: B against A gives the same links mirrored', async () => {
    const a = await s.importText('sym-a.txt', 'Allies will provide assistance to Ukraine to repair energy infrastructure as it defends its population from missile attacks. Lunch followed.');
    const b = await s.importText('sym-b.txt', 'Ministers spoke. Allies will help Ukraine repair its energy infrastructure and protect its population from missile attacks.');
    const ab = alignPair(s.lib.db, a, b);
    const ba = alignPair(s.lib.db, b, a);
    expect(ab.links.length).toBe(1);
    expect(ba.links.map((l) => [l.b.start, l.a.start, l.score])).toEqual(ab.links.map((l) => [l.a.start, l.b.start, l.score]));
  });
});
