import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/handlers.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';
import { tempDir } from '../../helpers/library.js';

// Hostile files are decoded in the import thread: each ends in a named error for that file,
// the rest of the batch goes on, and the main thread answers other requests meanwhile.

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const good = (n: number) => ({ name: `good-${n}.txt`, bytes: enc(`Report ${n}.\n\nThe ministers met in Bucharest and spoke about report number ${n}.`) });
const count = (lib: Library): number => (lib.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

let lib: Library | null = null;
afterEach(async () => {
  await lib?.close();
  lib = null;
});

describe('imports in a worker thread', () => {
  it('refuses deeply nested HTML and Markdown by the input limits, and imports the rest of the batch', async () => {
    lib = await openLibrary({ dataDir: tempDir(), corpusDir: null });
    const out = await lib.importFiles([
      { name: 'divs.html', bytes: enc(`<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`) },
      { name: 'quotes.md', bytes: enc(`${'>'.repeat(5000)} deep`) },
      { name: 'lists.md', bytes: enc(Array.from({ length: 2000 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n')) },
      good(1),
    ]);
    expect(out.map((o) => ('error' in o ? o.error.code : 'ok'))).toEqual(['IMPORT_TOO_COMPLEX', 'IMPORT_TOO_COMPLEX', 'IMPORT_TOO_COMPLEX', 'ok']);
    for (const [i, name] of ['divs.html', 'quotes.md', 'lists.md'].entries()) {
      const o = out[i]!;
      if ('error' in o) expect(o.error.message.startsWith(`${name} is too deeply nested`)).toBe(true);
    }
    expect(count(lib)).toBe(1);
  });

  it('stops a file that runs over the time limit, replaces the thread, and goes on; other requests are answered meanwhile', async () => {
    // Limits raised so the hostile page reaches the parser: only the clock can stop it.
    lib = await openLibrary({ dataDir: tempDir(), corpusDir: null, importLimits: { timeoutMs: 1500, limits: { htmlDepth: 1e9 } } });
    const api = createDispatcher(lib, () => {});
    let importDone = false;
    const importing = lib.importFiles([good(1), { name: 'slow.html', bytes: enc(`<html><body>${'<div>'.repeat(4000)}x${'</div>'.repeat(4000)}</body></html>`) }, good(2)]).finally(() => {
      importDone = true;
    });
    // Answered while the import thread is busy with the hostile page.
    await new Promise((r) => setTimeout(r, 300));
    const list = await api.call('settings.get', {});
    expect(list.ok).toBe(true);
    expect(importDone).toBe(false);
    const out = await importing;
    expect(out.map((o) => ('error' in o ? o.error.code : 'ok'))).toEqual(['ok', 'IMPORT_TOO_COMPLEX', 'ok']);
    const slow = out[1]!;
    if ('error' in slow) expect(slow.error.message).toMatch(/^slow\.html took longer than 1\.5 seconds/);
    expect(count(lib)).toBe(2);
  });

  it('stops a file that needs more memory than the thread may use', async () => {
    lib = await openLibrary({ dataDir: tempDir(), corpusDir: null, importLimits: { memoryMb: 48, timeoutMs: 120_000 } });
    const huge = `<html><body>${'<p>Some words here in the middle of it all, a sentence.</p>\n'.repeat(300_000)}</body></html>`;
    const out = await lib.importFiles([{ name: 'huge.html', bytes: enc(huge) }, good(3)]);
    expect(out.map((o) => ('error' in o ? o.error.code : 'ok'))).toEqual(['IMPORT_TOO_COMPLEX', 'ok']);
    const h = out[0]!;
    if ('error' in h) expect(h.error.message).toMatch(/^huge\.html needs more memory/);
  });

  it('closing the library abandons a file being read: nothing of it is written', async () => {
    lib = await openLibrary({ dataDir: tempDir(), corpusDir: null, importLimits: { timeoutMs: 60_000, limits: { htmlDepth: 1e9 } } });
    const l = lib;
    const importing = l.importFiles([{ name: 'slow.html', bytes: enc(`<html><body>${'<div>'.repeat(4000)}x${'</div>'.repeat(4000)}</body></html>`) }, good(4)]);
    // Long enough for the thread to be inside the parser (or still starting: both are abandoned).
    await new Promise((r) => setTimeout(r, 2500));
    const t0 = Date.now();
    const check = l.db;
    const closed = l.close();
    const out = await importing;
    await closed;
    lib = null;
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(out.map((o) => ('error' in o ? o.error.code : 'ok'))).toEqual(['CANCELLED', 'CANCELLED']);
    expect(check.open).toBe(false);
  });
});
