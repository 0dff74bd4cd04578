import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/handlers.js';
import { listCards, pendingGeneration, startStudyBackground, studyBackgroundOf } from '../../../electron/core/study/index.js';
import type { StudyBackground } from '../../../electron/core/study/index.js';
import { freshLibrary } from './helpers.js';

// Cards are prepared in a worker thread: at first start for the bundled corpus, after each
// import (coalesced), with progress the owning process can report; the owning process keeps
// answering meanwhile, and closing the library ends a run at once.

async function until(what: string, fn: () => boolean, ms = 170_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ARTICLE = [
  'Health ministers of the G7 agreed in Berlin on Friday to build a joint stockpile of vaccines for the next pandemic.',
  '“No country should again wait at the back of the queue,” Germany’s health minister Karl Lauterbach said after the talks.',
  'The stockpile will hold 500 million doses within three years and will be managed by the World Health Organization in Geneva.',
  'Japan promised 1.2 billion dollars for the first year, and Canada said it would share its production capacity with African manufacturers.',
  'Critics said the plan came too late and asked the ministers to waive patents on the vaccines instead.',
].join('\n\n');

describe('the study background', () => {
  it('prepares the bundled corpus at first start off the event loop, then each import, and reports progress', { timeout: 360_000 }, async () => {
    const lib = await freshLibrary();
    try {
      const api = createDispatcher(lib, () => {});
      expect(pendingGeneration(lib.db).pending).toBeGreaterThan(0);
      const bg = startStudyBackground(lib, { log: () => {} }) as StudyBackground;
      expect(studyBackgroundOf(lib)).toBe(bg);
      expect(startStudyBackground(lib)).toBe(bg);

      // At once: preparing, with the documents to do; the library answers meanwhile.
      const first = await api.call('study.status', {});
      expect(first.ok && first.value.state).toBe('preparing');
      expect(first.ok && first.value.total).toBeGreaterThan(0);
      let answeredWhilePreparing = false;
      let ticks = 0;
      const timer = setInterval(() => void ticks++, 20);
      while (bg.status().state === 'preparing') {
        const docs = await api.call('docs.list', {});
        expect(docs.ok).toBe(true);
        if (bg.status().state === 'preparing') answeredWhilePreparing = true;
        await new Promise((r) => setTimeout(r, 100));
      }
      clearInterval(timer);
      expect(answeredWhilePreparing).toBe(true);
      expect(ticks).toBeGreaterThan(0);
      expect(bg.status()).toMatchObject({ state: 'idle', error: null });
      expect(pendingGeneration(lib.db).pending).toBe(0);
      const before = listCards(lib.db).length;
      expect(before).toBeGreaterThan(10);

      // An import: its cards are prepared in the background, with progress seen from here.
      const seen: Array<{ done: number; total: number }> = [];
      const [outcome] = await lib.importFiles([{ name: 'g7-vaccines.txt', bytes: Buffer.from(ARTICLE, 'utf8') }]);
      const docId = outcome && 'id' in outcome ? outcome.id : '';
      expect(bg.status().state).toBe('preparing');
      await until('the import to be prepared', () => {
        const s = bg.status();
        if (s.state === 'preparing') seen.push({ done: s.done, total: s.total });
        return s.state === 'idle';
      });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((p) => p.done <= p.total)).toBe(true);
      expect(listCards(lib.db, { docId }).length).toBeGreaterThan(0);
      expect(pendingGeneration(lib.db).pending).toBe(0);

      // A rebuild through the contract runs in the worker and reports what it did.
      const asked = new Date().toISOString();
      const rebuilt = await api.call('cards.generate', {});
      expect(rebuilt.ok && rebuilt.value.total).toBeGreaterThanOrEqual(before);
      // ...every document's, up to date or not.
      const oldest = lib.db.prepare('SELECT min(generated_at) AS t FROM study_doc_state').get() as { t: string };
      expect(oldest.t >= asked).toBe(true);
    } finally {
      await lib.close();
    }
  });

  it('closing the library ends a run within 2 seconds (the worker is terminated)', { timeout: 120_000 }, async () => {
    const lib = await freshLibrary();
    const bg = startStudyBackground(lib, { log: () => {}, coalesceMs: 0 });
    await until('the run to start', () => bg.status().state === 'preparing');
    // Let the worker get into the work (loading the NLP models, analysing the first document).
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = performance.now();
    await lib.close();
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(2000 + 1000);
    expect(bg.status().state).toBe('idle');
    // No new run starts after close.
    bg.documentsChanged(['x']);
    expect(bg.status().state).toBe('idle');
  });
});
