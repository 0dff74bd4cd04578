import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../../electron/core/corpus/ingest.js';
import { getDocumentText } from '../../../electron/core/corpus/store.js';
import { openDatabase, type Db } from '../../../electron/core/db/open.js';
import { buildSegment } from '../../../electron/core/search/build.js';
import { parseQuery } from '../../../electron/core/search/query.js';
import { Searcher } from '../../../electron/core/search/searcher.js';
import { PassageReader, liveFingerprints, readSourceDocs } from '../../../electron/core/search/store.js';
import type { SearchHitCore } from '../../../electron/core/search/types.js';
import { cleanTmp, tmpDir } from './helpers.js';

// Issue 14: an unquoted multi-word query ranks passages holding every word first (and, among
// those, the words as typed), and a hit's offsets cover every matched word.

let db: Db;
let searcher: Searcher;
const ids = new Map<string, string>();

// BM25 alone would put `energyOnly` first for "energy blackmail": "energy" three times in a
// short passage outscores one "energy" and one "blackmail" in a longer one.
const DOCS: Record<string, string> = {
  energyOnly: 'Energy, energy and energy.',
  blackmailOnly: 'Blackmail was the word of the day, blackmail and more blackmail.',
  apart:
    'Ministers spoke about energy supplies for the winter months ahead, and several of them later described the attacks on the grid as blackmail by Moscow.',
  together:
    'The foreign ministers met for two long days in the Palace of the Parliament and, among many other matters, they condemned Russian energy blackmail aimed at the people of Ukraine this winter. ' +
    'It was a long statement, read out in full by the chair and repeated by several of the delegations in their own words after the meeting. '.repeat(3),
  farApart:
    'Energy prices rose. ' + 'The meeting then turned to a long list of other questions that filled the afternoon and the evening, including the accession of new members, the support for partners in the region, the budget and the plans for next year. '.repeat(2) + 'Blackmail was mentioned last.',
};

beforeAll(() => {
  db = openDatabase(path.join(tmpDir('rank'), 'library.sqlite'));
  for (const [name, text] of Object.entries(DOCS)) {
    const { doc } = ingestDocument(db, { file: `${name}.txt`, origin: 'imported', raw: text, title: name, outlet: null, published: null, language: 'en', author: null });
    ids.set(doc.id, name);
  }
  searcher = new Searcher(new PassageReader(db));
  searcher.addSegment(1, buildSegment(readSourceDocs(db, [...ids.keys()])), liveFingerprints(db));
});
afterAll(() => {
  db?.close();
  cleanTmp();
});

const names = (hits: SearchHitCore[]): string[] => hits.map((h) => ids.get(h.docId) ?? h.docId);
const matched = (h: SearchHitCore): string => getDocumentText(db, h.docId)!.slice(h.start, h.end);

describe('multi-word ranking', () => {
  it('puts passages holding every word first, the words as typed before the words apart', () => {
    const res = searcher.query('energy blackmail', 10);
    const order = names(res.hits);
    expect(order.slice(0, 3)).toEqual(['together', 'apart', 'farApart']);
    expect(new Set(order.slice(3))).toEqual(new Set(['energyOnly', 'blackmailOnly']));
    expect(res.total).toBe(5);
  });

  it('would not without it: BM25 alone scores the one-word passage higher', () => {
    const res = searcher.query('energy blackmail', 10);
    const score = (name: string): number => res.hits.find((h) => ids.get(h.docId) === name)!.score;
    expect(score('energyOnly')).toBeGreaterThan(score('together'));
  });

  it('covers every matched word with the hit offsets, so the reader marks both', () => {
    const [together, apart] = searcher.query('energy blackmail', 10).hits;
    expect(matched(together!)).toBe('energy blackmail');
    expect(matched(apart!)).toMatch(/^energy .* blackmail$/);
    // The snippet marks each matched word (words standing together as one mark).
    for (const h of [together!, apart!]) {
      const marked = h.marks.map(([s, e]) => h.snippet.slice(s, e).toLowerCase()).join(' | ');
      expect(marked).toMatch(/energy/);
      expect(marked).toMatch(/blackmail/);
    }
    expect(together!.marks.map(([s, e]) => together!.snippet.slice(s, e))).toEqual(['energy blackmail']);
  });

  it('keeps offsets to a readable stretch when the words are far apart', () => {
    const far = searcher.query('energy blackmail', 10).hits.find((h) => ids.get(h.docId) === 'farApart')!;
    expect(far.end - far.start).toBeLessThanOrEqual(160);
    expect(['Energy', 'Blackmail']).toContain(matched(far));
  });

  it('ranks by every word for three words, and a one-word query as before', () => {
    // Only `together` and `apart` hold all three words.
    expect(new Set(names(searcher.query('winter energy blackmail', 10).hits).slice(0, 2))).toEqual(new Set(['together', 'apart']));
    const one = searcher.query('blackmail', 10);
    expect(matched(one.hits[0]!).toLowerCase()).toBe('blackmail');
    expect(one.hits.map((h) => h.score)).toEqual([...one.hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('a quoted phrase still requires adjacency; words typed together are only a preference', () => {
    expect(names(searcher.query('"energy blackmail"', 10).hits)).toEqual(['together']);
    expect(parseQuery('energy blackmail').adjacent).toEqual([['energi', 'blackmail']]);
    expect(parseQuery('+energy blackmail').adjacent).toEqual([]);
    expect(parseQuery('energy "blackmail" winter').adjacent).toEqual([]);
    expect(parseQuery('title:energy blackmail winter').adjacent).toEqual([['blackmail', 'winter']]);
  });
});
