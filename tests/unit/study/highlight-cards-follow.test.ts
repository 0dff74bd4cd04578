import { describe, expect, it } from 'vitest';
import { setup } from '../../helpers/api.js';
import { startStudyBackground } from '../../../electron/core/study/index.js';

// A card the reader made from a highlight keeps pointing at the highlight's words when a new
// version of the document moves them: the background preparation after the import moves it
// (reads never do).
describe('cards from highlights', () => {
  it('follow their highlight into a new version of the document', { timeout: 120_000 }, async () => {
    const s = await setup({ corpus: false });
    const bg = startStudyBackground(s.lib, { log: () => {}, coalesceMs: 0 });
    const idle = async () => {
      for (let i = 0; i < 1200 && bg.status().state !== 'idle'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(bg.status()).toMatchObject({ state: 'idle', error: null });
    };
    const v1 = 'Ministers met in Bucharest.\n\nSweden pledged 270 million euros to Ukraine on Tuesday.\n\nThe talks ended on Wednesday.';
    const id = await s.importText('report.txt', v1);
    const words = 'Sweden pledged 270 million euros to Ukraine';
    const start = v1.indexOf(words);
    const h = await s.call('highlights.create', { docId: id, start, end: start + words.length, color: 'yellow' });
    const hide = v1.indexOf('270 million euros');
    const card = await s.call('cards.fromHighlight', { highlightId: h.id, start: hide, end: hide + '270 million euros'.length });
    expect(card.answer).toBe('270 million euros');

    const v2 = 'A new opening paragraph was added by the editors, pushing everything down.\n\n' + v1;
    expect(await s.importText('report.txt', v2)).toBe(id);
    await idle();
    const after = (await s.call('cards.list', { docId: id })).find((c) => c.id === card.id);
    expect(after).toBeDefined();
    const text = await s.textOf(id);
    const src = after?.sources[0];
    expect(src && text.slice(src.start, src.end)).toContain(words);
    await s.lib.close();
  });
});
