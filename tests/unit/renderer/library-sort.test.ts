import { describe, expect, it } from 'vitest';
import { fold } from '../../../renderer/src/lib/fold.js';
import { filterDocs, sortDocs, type DocLike } from '../../../renderer/src/views/library/sortFilter.js';

const doc = (over: Partial<DocLike>): DocLike => ({
  title: 'T',
  outlet: null,
  author: null,
  published: null,
  file: 'f.txt',
  words: 100,
  addedAt: '2024-01-01T00:00:00Z',
  progress: 0,
  ...over,
});

const docs = [
  doc({ title: 'Beta', outlet: 'Free Press', published: '2022-11-29', words: 400, progress: 0.5 }),
  doc({ title: '“We will never recognize Russia’s annexation”', published: null, words: 300 }),
  doc({ title: 'alpha', outlet: 'Ukrainian World Congress', published: '2022-11-30', words: 500, addedAt: '2024-02-01T00:00:00Z' }),
];

describe('renderer library: filter and sort', () => {
  it('filters on title, outlet and author, ignoring case, accents and quotes', () => {
    expect(fold('Alinața “Russia’s”')).toBe('alinata russias');
    expect(filterDocs(docs, 'free press').map((d) => d.title)).toEqual(['Beta']);
    expect(filterDocs(docs, 'RUSSIAS annex').length).toBe(1);
    expect(filterDocs(docs, '').length).toBe(3);
    expect(filterDocs(docs, 'nothing here')).toEqual([]);
  });

  it('sorts by date published, newest first, undated last', () => {
    expect(sortDocs(docs, 'published').map((d) => d.published)).toEqual(['2022-11-30', '2022-11-29', null]);
  });

  it('sorts by title ignoring case, by length and by progress', () => {
    expect(sortDocs(docs, 'title').map((d) => d.title)[0]).toBe('alpha');
    expect(sortDocs(docs, 'length').map((d) => d.words)).toEqual([500, 400, 300]);
    expect(sortDocs(docs, 'progress')[0].title).toBe('Beta');
    expect(sortDocs(docs, 'added')[0].title).toBe('alpha');
    expect(sortDocs(docs, 'outlet').map((d) => d.outlet)).toEqual(['Free Press', 'Ukrainian World Congress', null]);
  });

  it('sorts numbers by value and ignores case, accents and quotes', () => {
    const titles = ['Report 10', 'report 9', '“Écoles” report', 'ecoles 2', 'Zebra'].map((title) => doc({ title }));
    expect(sortDocs(titles, 'title').map((d) => d.title)).toEqual(['ecoles 2', '“Écoles” report', 'report 9', 'Report 10', 'Zebra']);
  });

  it('does not change the list it was given', () => {
    const before = docs.map((d) => d.title);
    sortDocs(docs, 'title');
    expect(docs.map((d) => d.title)).toEqual(before);
  });
});
