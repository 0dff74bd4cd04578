import { afterEach, describe, expect, it } from 'vitest';
import { snapshot } from '../../helpers/library.js';
import { REPORT, setup, spanOf, type Setup } from './helpers.js';

// Highlights and notes through the contract (the same path the app, browser host and CLI take).

let s: Setup | undefined;
afterEach(async () => {
  await s?.lib.close();
  s = undefined;
});

async function withReport(): Promise<Setup & { docId: string; text: string }> {
  s = await setup();
  const docId = await s.importText('report.txt', REPORT);
  return Object.assign(s, { docId, text: await s.textOf(docId) });
}

describe('highlights', () => {
  it('creates a highlight that remembers its position and its quote with context', async () => {
    const { call, docId, text } = await withReport();
    const span = spanOf(text, 'pledged further support');
    const h = await call('highlights.create', { docId, ...span, color: 'green', note: 'The key promise.' });
    expect(h).toMatchObject({ docId, ...span, exact: 'pledged further support', color: 'green', note: 'The key promise.', orphan: false, groupId: null });
    expect(h.prefix).toBe(text.slice(span.start - 32, span.start));
    expect(h.suffix).toBe(text.slice(span.end, span.end + 32));
    expect(await call('highlights.list', {})).toEqual([h]);
    expect(await call('highlights.get', { id: h.id })).toEqual(h);
  });

  it('leaves whitespace at the ends of a selection out', async () => {
    const { call, docId, text } = await withReport();
    const span = spanOf(text, ' energy security ');
    const h = await call('highlights.create', { docId, ...span, color: 'yellow' });
    expect([h.start, h.end, h.exact]).toEqual([span.start + 1, span.end - 1, 'energy security']);
  });

  it('refuses selections outside the text, empty or blank ones, and unknown documents, changing nothing', async () => {
    const { fails, lib, docId, text } = await withReport();
    const before = snapshot(lib);
    expect((await fails('highlights.create', { docId, start: 10, end: text.length + 1, color: 'yellow' })).code).toBe('INVALID_INPUT');
    expect((await fails('highlights.create', { docId, start: 10, end: 10, color: 'yellow' })).code).toBe('INVALID_INPUT');
    expect((await fails('highlights.create', { docId, start: 12, end: 10, color: 'yellow' })).code).toBe('INVALID_INPUT');
    const blank = text.indexOf('\n\n');
    const err = await fails('highlights.create', { docId, start: blank, end: blank + 2, color: 'yellow' });
    expect(err).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/only spaces/) });
    expect((await fails('highlights.create', { docId: 'nosuchdoc', start: 0, end: 5, color: 'yellow' })).code).toBe('NOT_FOUND');
    expect((await fails('highlights.create', { docId, start: 0, end: 5, color: 'orange' })).code).toBe('INVALID_INPUT');
    expect(snapshot(lib)).toBe(before);
  });

  it('recolours instead of stacking a duplicate on the same words; overlapping and adjacent ones coexist', async () => {
    const { call, docId, text } = await withReport();
    const a = spanOf(text, 'energy security');
    const first = await call('highlights.create', { docId, ...a, color: 'yellow' });
    const again = await call('highlights.create', { docId, ...a, color: 'blue' });
    expect(again.id).toBe(first.id);
    expect(again.color).toBe('blue');
    const overlapping = await call('highlights.create', { docId, start: a.start + 7, end: a.end + 20, color: 'pink' });
    const adjacent = await call('highlights.create', { docId, start: a.end + 20, end: a.end + 30, color: 'green' });
    const list = await call('highlights.list', { docId });
    expect(list.map((h) => h.id)).toEqual([first.id, overlapping.id, adjacent.id]);
  });

  it('updates colour and note; a null or blank note removes it', async () => {
    const { call, fails, docId, text } = await withReport();
    const h = await call('highlights.create', { docId, ...spanOf(text, 'Western Balkans'), color: 'yellow' });
    const noted = await call('highlights.update', { id: h.id, note: 'Why *here*?\r\nSee below.' });
    expect(noted.note).toBe('Why *here*?\nSee below.');
    expect(noted.updatedAt >= h.updatedAt).toBe(true);
    expect((await call('highlights.update', { id: h.id, color: 'purple' })).note).toBe(noted.note);
    expect((await call('highlights.update', { id: h.id, note: '   ' })).note).toBeNull();
    expect((await call('highlights.update', { id: h.id, note: 'again' })).note).toBe('again');
    expect((await call('highlights.update', { id: h.id, note: null })).note).toBeNull();
    expect((await fails('highlights.update', { id: 'nosuchhighlight', color: 'blue' })).code).toBe('NOT_FOUND');
  });

  it('deletes and restores a highlight exactly (undo)', async () => {
    const { call, fails, lib, docId, text } = await withReport();
    const h = await call('highlights.create', { docId, ...spanOf(text, 'Jens Stoltenberg'), color: 'pink', note: 'Who said it.' });
    const before = snapshot(lib);
    const deleted = await call('highlights.delete', { id: h.id });
    expect(deleted).toEqual(h);
    expect(await call('highlights.list', {})).toEqual([]);
    expect((await fails('highlights.delete', { id: h.id })).code).toBe('NOT_FOUND');
    const restored = await call('highlights.restore', { record: deleted });
    expect(restored).toEqual(h);
    expect(snapshot(lib)).toBe(before);
    // A second undo (double click) changes nothing.
    expect(await call('highlights.restore', { record: deleted })).toEqual(h);
    expect(snapshot(lib)).toBe(before);
  });

  it('cannot restore a highlight whose document is gone', async () => {
    const { call, fails, docId, text } = await withReport();
    const h = await call('highlights.create', { docId, ...spanOf(text, 'Jens Stoltenberg'), color: 'pink' });
    const deleted = await call('highlights.delete', { id: h.id });
    await call('docs.delete', { id: docId });
    expect((await fails('highlights.restore', { record: deleted })).code).toBe('NOT_FOUND');
  });

  it('filters by document, colour and text (case and accents ignored)', async () => {
    const { call, importText, docId, text } = await withReport();
    const other = await importText('other.txt', 'Alianța will continue to protect our populations.\n\nDefend every inch.');
    const otherText = await s?.textOf(other) as string;
    const a = await call('highlights.create', { docId, ...spanOf(text, 'energy security'), color: 'yellow', note: 'Gas prices' });
    const b = await call('highlights.create', { docId, ...spanOf(text, 'Western Balkans'), color: 'blue' });
    const c = await call('highlights.create', { docId: other, ...spanOf(otherText, 'Alianța will continue'), color: 'yellow' });
    expect((await call('highlights.list', { docId })).map((h) => h.id)).toEqual([a.id, b.id]);
    expect((await call('highlights.list', { color: 'yellow' })).map((h) => h.id).sort()).toEqual([a.id, c.id].sort());
    expect((await call('highlights.list', { text: 'GAS' })).map((h) => h.id)).toEqual([a.id]);
    expect((await call('highlights.list', { text: 'alianta' })).map((h) => h.id)).toEqual([c.id]);
    expect((await call('highlights.list', { text: 'balkans western' })).map((h) => h.id)).toEqual([b.id]);
    expect((await s?.fails('highlights.list', { docId: 'nosuchdoc' }))?.code).toBe('NOT_FOUND');
  });
});

describe('re-importing a changed version of a document', () => {
  it('moves highlights with their words, orphans the ones whose words are gone, and stores the result', async () => {
    const { call, importText, lib, docId, text } = await withReport();
    const shifted = await call('highlights.create', { docId, ...spanOf(text, 'Western Balkans'), color: 'yellow' });
    const edited = await call('highlights.create', { docId, ...spanOf(text, 'The allies pledged further support to Ukraine for as long as it takes'), color: 'green' });
    const gone = await call('highlights.create', { docId, ...spanOf(text, 'withdraw its forces from Ukraine immediately'), color: 'pink', note: 'Demand.' });
    // A short word that occurs five times: the highlight is on the last one.
    const last = spanOf(text, 'Ukraine also asked');
    const word = await call('highlights.create', { docId, start: last.start, end: last.start + 7, color: 'blue' });

    const v2 = REPORT.replace('Ministers meet in Bucharest', 'Ministers meet in Bucharest\n\nUpdated on Thursday with reactions from Kyiv.')
      .replace('pledged further support', 'pledged additional support')
      .replace('Russia must withdraw its forces from Ukraine immediately, the joint statement says.\n\n', '');
    expect(await importText('report.txt', v2)).toBe(docId);
    const newText = await s?.textOf(docId) as string;

    const list = await call('highlights.list', { docId });
    const byId = new Map(list.map((h) => [h.id, h]));
    expect(byId.get(shifted.id)).toMatchObject({ ...spanOf(newText, 'Western Balkans'), exact: 'Western Balkans', orphan: false });
    expect(byId.get(edited.id)).toMatchObject({
      ...spanOf(newText, 'The allies pledged additional support to Ukraine for as long as it takes'),
      exact: 'The allies pledged additional support to Ukraine for as long as it takes',
      orphan: false,
    });
    expect(byId.get(gone.id)).toMatchObject({ orphan: true, exact: 'withdraw its forces from Ukraine immediately', note: 'Demand.' });
    const moved = spanOf(newText, 'Ukraine also asked');
    expect(byId.get(word.id)).toMatchObject({ start: moved.start, end: moved.start + 7, exact: 'Ukraine', orphan: false });

    // Stored with the new content hash: the next read re-anchors nothing and changes nothing.
    const hashes = lib.db.prepare('SELECT DISTINCT h.anchored_hash = d.content_hash AS same FROM highlights h JOIN documents d ON d.id = h.doc_id').all();
    expect(hashes).toEqual([{ same: 1 }]);
    const before = snapshot(lib);
    await call('highlights.list', {});
    expect(snapshot(lib)).toBe(before);

    // The old version back: the orphan finds its words again.
    await importText('report.txt', REPORT);
    const back = await call('highlights.get', { id: gone.id });
    expect(back).toMatchObject({ ...spanOf(text, 'withdraw its forces from Ukraine immediately'), orphan: false });
  });

  it('re-anchors on any read path, not only the list', async () => {
    const { call, importText, docId, text } = await withReport();
    const h = await call('highlights.create', { docId, ...spanOf(text, 'Western Balkans'), color: 'yellow' });
    await importText('report.txt', 'An added first line.\n\n' + REPORT);
    const newText = await s?.textOf(docId) as string;
    expect(await call('highlights.get', { id: h.id })).toMatchObject(spanOf(newText, 'Western Balkans'));
  });
});

describe('document notes', () => {
  it('sets, reads, lists and clears a free note per document', async () => {
    const { call, fails, docId } = await withReport();
    expect(await call('notes.get', { docId })).toEqual({ docId, body: '', updatedAt: null });
    const set = await call('notes.set', { docId, body: 'Compare with the **Free Press** report.' });
    expect(set).toMatchObject({ docId, body: 'Compare with the **Free Press** report.' });
    expect(await call('notes.get', { docId })).toEqual(set);
    expect(await call('notes.list', {})).toEqual([set]);
    expect(await call('notes.set', { docId, body: '  \n' })).toEqual({ docId, body: '', updatedAt: null });
    expect(await call('notes.list', {})).toEqual([]);
    expect((await fails('notes.set', { docId: 'nosuchdoc', body: 'x' })).code).toBe('NOT_FOUND');
    expect((await fails('notes.get', { docId: 'nosuchdoc' })).code).toBe('NOT_FOUND');
  });

  it('finds notes and highlighted words from the search palette', async () => {
    const { call, docId, text } = await withReport();
    await call('notes.set', { docId, body: 'The Bucharest declaration echoes Madrid.' });
    const h = await call('highlights.create', { docId, ...spanOf(text, 'energy security'), color: 'green', note: 'Gas and Madrid again' });
    const q = await call('highlights.create', { docId, ...spanOf(text, 'Western Balkans'), color: 'blue' });
    const hits = await call('notes.search', { query: 'madrid' });
    expect(hits.map((x) => [x.kind, x.highlightId])).toEqual([
      ['note', null],
      ['highlight', h.id],
    ]);
    expect(hits[0]?.title).toBe('Ministers meet in Bucharest');
    const mark = hits[1]?.marks[0] as [number, number];
    expect(hits[1]?.snippet.slice(mark[0], mark[1])).toBe('Madrid');
    const quoteHit = await call('notes.search', { query: 'balkans' });
    expect(quoteHit).toEqual([expect.objectContaining({ kind: 'highlight', highlightId: q.id, field: 'quote', start: q.start, end: q.end, color: 'blue' })]);
    expect(await call('notes.search', { query: '   ' })).toEqual([]);
  });
});

describe('deleting a document', () => {
  it('counts its highlights and notes for the confirmation, then takes them with it', async () => {
    const { call, lib, docId, text } = await withReport();
    await call('highlights.create', { docId, ...spanOf(text, 'energy security'), color: 'green', note: 'a note' });
    await call('highlights.create', { docId, ...spanOf(text, 'Western Balkans'), color: 'blue' });
    await call('notes.set', { docId, body: 'document note' });
    expect(await call('docs.deleteImpact', { id: docId })).toMatchObject({ highlights: 2, notes: 2 });
    expect(await call('docs.delete', { id: docId })).toEqual({ deleted: docId, highlights: 2, notes: 2 });
    expect(lib.db.prepare('SELECT count(*) AS n FROM highlights').get()).toEqual({ n: 0 });
    expect(lib.db.prepare('SELECT count(*) AS n FROM doc_notes').get()).toEqual({ n: 0 });
  });
});
