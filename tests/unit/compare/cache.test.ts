import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alignPair, getStatements } from '../../../electron/core/compare/index.js';
import { ALIGNER_VERSION, loadCompareDoc, pairLinks } from '../../../electron/core/compare/store.js';
import { getDocumentMeta } from '../../../electron/core/corpus/store.js';
import { linked, setup, withBackground, type Setup } from './helpers.js';

// Alignments are cached in SQLite by both documents' content hash: a re-imported, changed
// document never meets the links computed for its old text.

const FIRST = [
  'The ministers met on Tuesday.',
  'All those responsible for war crimes, including sexual violence in the conflict, must be held accountable.',
  'We reaffirm the decision adopted at the Bucharest Summit in 2008 and all subsequent decisions regarding Georgia and Ukraine.',
].join('\n\n');
const SECOND = [
  'Reporters waited outside.',
  '"All those responsible for war crimes, including conflict-related sexual violence, must be held accountable."',
  'The weather was cold.',
].join('\n\n');
const SECOND_CHANGED = [
  'Reporters waited outside.',
  'The weather was cold.',
  'The alliance confirms the decisions made at the Bucharest summit in 2008 and all its subsequent decisions regarding Georgia and Ukraine.',
].join('\n\n');

let s: Setup;
beforeEach(async () => {
  s = await setup();
  await withBackground(s);
});
afterEach(async () => s.lib.close());

const rows = (): Array<{ hash_a: string; hash_b: string; version: number }> =>
  s.lib.db.prepare('SELECT hash_a, hash_b, version FROM compare_pairs').all() as Array<{ hash_a: string; hash_b: string; version: number }>;

describe('the alignment cache', () => {
  it('stores links under both content hashes and serves them from there', async () => {
    const a = await s.importText('first.txt', FIRST);
    const b = await s.importText('second.txt', SECOND);
    const before = alignPair(s.lib.db, a, b);
    expect(linked(before, 'war crimes', 'war crimes')).toBe(true);
    const hashes = [getDocumentMeta(s.lib.db, a)?.contentHash, getDocumentMeta(s.lib.db, b)?.contentHash].sort();
    expect(rows().map((r) => [r.hash_a, r.hash_b, r.version])).toContainEqual([hashes[0], hashes[1], ALIGNER_VERSION]);

    const again = pairLinks(s.lib.db, loadCompareDoc(s.lib.db, b), loadCompareDoc(s.lib.db, a));
    expect(again.cached).toBe(true);
    expect(alignPair(s.lib.db, a, b)).toEqual(before);
  });

  it('recomputes after a changed document is re-imported, and drops rows of the old text', async () => {
    const a = await s.importText('first.txt', FIRST);
    const b = await s.importText('second.txt', SECOND);
    const oldHash = getDocumentMeta(s.lib.db, b)?.contentHash;
    alignPair(s.lib.db, a, b);

    const b2 = await s.importText('second.txt', SECOND_CHANGED);
    expect(b2).toBe(b);
    expect(getDocumentMeta(s.lib.db, b)?.contentHash).not.toBe(oldHash);
    const fresh = pairLinks(s.lib.db, loadCompareDoc(s.lib.db, a), loadCompareDoc(s.lib.db, b));
    expect(fresh.cached).toBe(false);
    const after = alignPair(s.lib.db, a, b);
    expect(linked(after, 'war crimes', 'war crimes')).toBe(false);
    expect(linked(after, 'Bucharest Summit in 2008', 'Bucharest summit in 2008')).toBe(true);

    getStatements(s.lib.db);
    expect(rows().some((r) => r.hash_a === oldHash || r.hash_b === oldHash)).toBe(false);
  });

  it('ignores rows written by another version of the aligner', async () => {
    const a = await s.importText('first.txt', FIRST);
    const b = await s.importText('second.txt', SECOND);
    alignPair(s.lib.db, a, b);
    s.lib.db.prepare('UPDATE compare_pairs SET version = version + 100, links = ?').run('[[0,1,0,1,0.5,0]]');
    const fresh = pairLinks(s.lib.db, loadCompareDoc(s.lib.db, a), loadCompareDoc(s.lib.db, b));
    expect(fresh.cached).toBe(false);
    expect(linked(alignPair(s.lib.db, a, b), 'war crimes', 'war crimes')).toBe(true);
  });

  it('rebuilds statements when the library changes', async () => {
    const a = await s.importText('first.txt', FIRST);
    await s.importText('second.txt', SECOND);
    const before = getStatements(s.lib.db).filter((st) => st.sources.some((x) => x.docId === a));
    expect(before.some((st) => st.text?.includes('war crimes'))).toBe(true);
    await s.importText('second.txt', SECOND_CHANGED);
    const after = getStatements(s.lib.db).filter((st) => st.sources.some((x) => x.docId === a));
    expect(after.some((st) => st.text?.includes('war crimes'))).toBe(false);
    expect(after.some((st) => st.sources.some((x) => x.text.includes('Bucharest summit in 2008')))).toBe(true);
  });
});
