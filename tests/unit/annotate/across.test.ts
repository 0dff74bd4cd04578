import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Counterpart } from '../../../electron/core/compare/index.js';
import { setup, spanOf, type Setup } from './helpers.js';

// Highlighting a statement in every source that carries it. The alignment is the compare
// feature's; here it is replaced by a fixed answer so this tests only what annotate does with it.

const counterparts = vi.hoisted(() => ({ value: [] as Counterpart[], calls: [] as Array<{ docId: string; start: number; end: number }> }));

vi.mock('../../../electron/core/compare/index.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../electron/core/compare/index.js')>()),
  findCounterparts: (_db: unknown, docId: string, span: { start: number; end: number }) => {
    counterparts.calls.push({ docId, ...span });
    return counterparts.value;
  },
}));

const BUCHAREST = 'b44e6ea7410dd368';
const FREE_PRESS = 'da58ee4863b15816';
const FOURTH = '4435434e06963c7c';

let s: Setup;
beforeAll(async () => {
  s = await setup({ corpus: true });
});
afterAll(async () => s.lib.close());

async function sentenceIn(docId: string, n: number): Promise<Counterpart> {
  const d = await s.call('docs.get', { id: docId });
  const sentence = d.sentences[n];
  if (!sentence) throw new Error(`no sentence ${n} in ${docId}`);
  return { docId, start: sentence.start, end: sentence.end, text: d.text.slice(sentence.start, sentence.end), score: 0.8, kind: 'same' };
}

describe('across sources', () => {
  it('lists counterparts with their sources and highlights them all, linked in one group', async () => {
    const text = await s.textOf(BUCHAREST);
    const h = await s.call('highlights.create', { docId: BUCHAREST, ...spanOf(text, 'condemn'), color: 'purple', note: 'mine' });
    const a = await sentenceIn(FREE_PRESS, 1);
    const b = await sentenceIn(FOURTH, 2);
    counterparts.value = [a, b];

    const listed = await s.call('highlights.counterparts', { id: h.id });
    expect(counterparts.calls.at(-1)).toEqual({ docId: BUCHAREST, start: h.start, end: h.end });
    expect(listed.map((c) => [c.docId, c.start, c.end, c.highlightId])).toEqual([
      [FREE_PRESS, a.start, a.end, null],
      [FOURTH, b.start, b.end, null],
    ]);
    expect(listed[0]?.title).toMatch(/annexation/);
    expect(listed[0]?.outlet).toBe('Free Press');

    const created = await s.call('highlights.acrossSources', { id: h.id });
    expect(created.map((c) => [c.docId, c.start, c.end, c.color, c.note])).toEqual([
      [FREE_PRESS, a.start, a.end, 'purple', null],
      [FOURTH, b.start, b.end, 'purple', null],
    ]);
    const group = (await s.call('highlights.get', { id: h.id })).groupId;
    expect(group).not.toBeNull();
    expect(created.every((c) => c.groupId === group)).toBe(true);

    // Again: nothing new, the existing ones are reported as highlighted.
    expect(await s.call('highlights.acrossSources', { id: h.id })).toEqual([]);
    expect((await s.call('highlights.counterparts', { id: h.id })).map((c) => c.highlightId)).toEqual(created.map((c) => c.id));
  });

  it('joins an existing highlight on the same words instead of duplicating it', async () => {
    const text = await s.textOf(BUCHAREST);
    const h = await s.call('highlights.create', { docId: BUCHAREST, ...spanOf(text, 'Black Sea region'), color: 'green' });
    const a = await sentenceIn(FREE_PRESS, 3);
    const mine = await s.call('highlights.create', { docId: FREE_PRESS, start: a.start, end: a.end, color: 'blue' });
    counterparts.value = [a];
    expect(await s.call('highlights.acrossSources', { id: h.id })).toEqual([]);
    const joined = await s.call('highlights.get', { id: mine.id });
    expect(joined.groupId).toBe((await s.call('highlights.get', { id: h.id })).groupId);
    expect(joined.color).toBe('blue');
  });

  it('refuses an orphan and an unknown highlight', async () => {
    expect((await s.fails('highlights.acrossSources', { id: 'nosuchhighlight' })).code).toBe('NOT_FOUND');
    const docId = await s.importText('tmp.txt', 'One sentence here.\n\nAnother sentence there.');
    const text = await s.textOf(docId);
    const h = await s.call('highlights.create', { docId, ...spanOf(text, 'One sentence here.'), color: 'yellow' });
    await s.importText('tmp.txt', 'Completely different content now.\n\nNothing of the old.');
    expect((await s.call('highlights.get', { id: h.id })).orphan).toBe(true);
    const err = await s.fails('highlights.acrossSources', { id: h.id });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/could not be placed/);
  });
});
