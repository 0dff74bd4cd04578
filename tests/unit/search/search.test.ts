import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentText, getPassages } from '../../../electron/core/corpus/store.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';
import type { SearchResultCore } from '../../../electron/core/search/types.js';
import { CORPUS, buf, cleanTmp, isFormOf, tmpDir } from './helpers.js';

// The search as the library ships it (worker threads, run from source), over the bundled corpus.

let lib: Library;
const search = (q: string, limit = 50): Promise<SearchResultCore> => lib.search.query(q, { limit });

beforeAll(async () => {
  lib = await openLibrary({ dataDir: tmpDir(), corpusDir: CORPUS });
  await lib.search.ready();
});
afterAll(async () => {
  await lib?.close();
  cleanTmp();
});

/** Every hit's offsets and marks point at a form of one of the words. */
function expectPointsAt(res: SearchResultCore, words: string[], prefix = false): void {
  expect(res.hits.length).toBeGreaterThan(0);
  for (const h of res.hits) {
    const text = getDocumentText(lib.db, h.docId)!;
    const passage = getPassages(lib.db, h.docId).find((p) => p.index === h.passageIndex)!;
    expect(h.start).toBeGreaterThanOrEqual(passage.start);
    expect(h.end).toBeLessThanOrEqual(passage.end);
    const best = text.slice(h.start, h.end);
    expect(words.some((w) => isFormOf(best, w, prefix)), `${h.docId}: “${best}”`).toBe(true);
    expect(h.marks.length).toBeGreaterThan(0);
    for (const [s, e] of h.marks) {
      const marked = h.snippet.slice(s, e);
      expect(words.some((w) => isFormOf(marked, w, prefix)), `mark “${marked}”`).toBe(true);
    }
    expect(h.snippet.length).toBeLessThanOrEqual(260);
  }
}

describe('search over the bundled corpus', () => {
  it('finds Gripen, Stoltenberg and russia (including Russia’s) at the matched words', async () => {
    const gripen = await search('Gripen');
    expect(gripen.hits.map((h) => h.docId)).toContain('4435434e06963c7c');
    expectPointsAt(gripen, ['gripen']);

    const stoltenberg = await search('Stoltenberg');
    expect(new Set(stoltenberg.hits.map((h) => h.docId))).toContain('f707968108d80172');
    expectPointsAt(stoltenberg, ['stoltenberg']);

    const russia = await search('russia');
    expectPointsAt(russia, ['russia']);
    // “Russia’s” is reached by the plain word: some match is followed by a possessive.
    const possessive = russia.hits.some((h) => /^[’']s/.test(getDocumentText(lib.db, h.docId)!.slice(h.end, h.end + 2)));
    expect(possessive).toBe(true);
    expect(russia.total).toBeGreaterThan(russia.hits.length - 1);
  });

  it('finds NATO’s and quoted words by the plain word', async () => {
    const res = await search('NATO', 200);
    // Some marked “NATO” is followed by a possessive in the snippet.
    const possessive = res.hits.some((h) => h.marks.some(([, e]) => /^[’']s/.test(h.snippet.slice(e, e + 2))));
    expect(possessive).toBe(true);
    expectPointsAt(res, ['nato']);
    // A word opening a quotation: “Russia’s cruel actions …” is found by russia.
    const quoted = await search('russia');
    expect(quoted.hits.some((h) => h.marks.some(([st]) => h.snippet[st - 1] === '“'))).toBe(true);
  });

  it('matches a phrase only where its words are adjacent', async () => {
    const res = await search('"energy blackmail"');
    expect(res.hits.length).toBeGreaterThan(0);
    for (const h of res.hits) {
      expect(getDocumentText(lib.db, h.docId)!.slice(h.start, h.end).toLowerCase()).toBe('energy blackmail');
      expect(h.snippet.slice(h.marks[0]![0], h.marks[0]![1]).toLowerCase()).toBe('energy blackmail');
    }
    expect(res.hits.map((h) => h.docId)).toContain('b44e6ea7410dd368');
  });

  it('matches phrases through possessives and stop words', async () => {
    const res = await search('"Russia’s war of aggression"');
    expect(res.hits.length).toBeGreaterThan(0);
    for (const h of res.hits) expect(getDocumentText(lib.db, h.docId)!.slice(h.start, h.end).replace(/['’]/g, "'")).toMatch(/^Russia's war of aggression$/i);
    // Same words, not adjacent in that order: no match.
    expect((await search('"aggression of war"')).hits).toEqual([]);
  });

  it('expands prefixes', async () => {
    const res = await search('annex*');
    expect(res.hits.map((h) => h.docId)).toContain('da58ee4863b15816');
    expectPointsAt(res, ['annex'], true);
  });

  it('returns nothing for an empty query', async () => {
    expect(await search('')).toEqual({ hits: [], total: 0, hint: null });
    expect(await search('   ')).toEqual({ hits: [], total: 0, hint: null });
  });

  it('never throws on hostile queries, answering with hits or a hint', async () => {
    const hostile = ['"', '*', ':', '~2', '+-', 'x'.repeat(10_000), '"energy blackmail', 'title:', 'title:nato', 'outlet:"free press"', 'foo:bar', '\\', '((', '^', '🙂', '*annex', 'a*', '-russia', 'nato '.repeat(2_000).slice(0, 10_000)];
    for (const q of hostile) {
      const res = await search(q);
      expect(Array.isArray(res.hits), q.slice(0, 20)).toBe(true);
    }
    // Nothing searchable in them: each is answered with a hint.
    for (const q of ['"', '*', ':', '~2', '+-', '\\', '((', '^', 'the', '-russia']) {
      const res = await search(q);
      expect(res.hits, q).toEqual([]);
      expect(res.hint, q).toBeTruthy();
    }
    const titleOnly = await search('title:nato');
    expect(titleOnly.hits.length).toBeGreaterThan(0);
  });

  it('makes an import searchable at once, as a new segment, without rebuilding', async () => {
    const before = await lib.search.stats!();
    const [o] = await lib.importFiles([{ name: 'zorblatt.txt', bytes: buf('Zorblatt minutes\n\nThe zorblatt committee met on energy matters; energy is not blackmail.\n') }]);
    expect(o && 'id' in o).toBe(true);
    const id = (o as { id: string }).id;
    const res = await search('zorblatt');
    expect(res.hits.map((h) => h.docId)).toEqual([id, id]);
    const after = await lib.search.stats!();
    expect(after.documents).toBe(before.documents + 1);
    expect(after.passages).toBeGreaterThan(before.passages);
    // Non-adjacent words are not the phrase.
    expect((await search('"energy blackmail"')).hits.map((h) => h.docId)).not.toContain(id);
    expect((await search('energy blackmail')).hits.map((h) => h.docId)).toContain(id);

    await lib.deleteDocument(id);
    expect((await search('zorblatt')).hits).toEqual([]);
    expect((await lib.search.stats!()).documents).toBe(before.documents);
  });

  it('reports status for the UI', () => {
    const s = lib.search.status();
    expect(s.state).toBe('ready');
    expect(s.progress).toBe(1);
    expect(s.documents).toBeGreaterThanOrEqual(5);
  });

  it('drops a superseded query', async () => {
    const ac = new AbortController();
    const p = lib.search.query('russia', { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
    const pre = new AbortController();
    pre.abort();
    await expect(lib.search.query('nato', { signal: pre.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    // The engine still answers afterwards.
    expect((await search('nato')).hits.length).toBeGreaterThan(0);
  });
});
