import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../electron/api/handlers.js';
import type { OpName } from '../../../electron/api/contract.js';
import type { Library } from '../../../electron/core/library.js';
import { createHighlight } from '../../../electron/core/annotate/index.js';
import { pendingGeneration, refreshCards } from '../../../electron/core/study/index.js';
import { freshLibrary, snapshot } from '../../helpers/library.js';

// Reads never write: every read operation of the study contract leaves the database as it
// was (no change on the connection, the same rows, the same bytes on disk), even when the
// cards are out of date (a document was imported after the deck was made, a highlight was
// made, or no card was ever generated).

const bytes = (lib: Library): string => {
  const h = crypto.createHash('sha1');
  for (const f of [lib.dbPath, `${lib.dbPath}-wal`]) h.update(fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0));
  return h.digest('hex');
};
const changes = (lib: Library): number => (lib.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

const NEW_DOC = [
  'Finance ministers of the Nordic countries agreed on Monday to a common fund for grid repairs in Ukraine.',
  '“We will not let the winter decide this war,” the Danish minister said after the meeting in Oslo.',
  'The fund starts with 400 million euros and is open to other donors, the statement said.',
  'Norway promised to double its share if the alliance matched it before March.',
].join('\n\n');

async function expectReadsPure(lib: Library, api: Dispatcher): Promise<void> {
  const docId = (lib.db.prepare('SELECT id FROM documents ORDER BY id LIMIT 1').get() as { id: string }).id;
  const card = lib.db.prepare('SELECT id FROM cards WHERE deleted = 0 ORDER BY id LIMIT 1').get() as { id: string } | undefined;
  const reads: Array<[OpName, unknown]> = [
    ['cards.list', {}],
    ['cards.list', { docId }],
    ['cards.list', { state: 'due' }],
    ['cards.export', { format: 'anki' }],
    ['cards.export', { format: 'json' }],
    ['study.queue', {}],
    ['study.queue', { docId, limit: 5 }],
    ['study.stats', {}],
    ['study.dueCounts', {}],
    ['study.status', {}],
    ['study.settings', {}],
    ['study.keyPassages', { docId }],
    ...(card
      ? ([
          ['cards.get', { id: card.id }],
          ['study.preview', { cardId: card.id }],
          ['study.check', { cardId: card.id, typed: 'something' }],
        ] as Array<[OpName, unknown]>)
      : []),
  ];
  for (const [name, input] of reads) {
    const before = { changes: changes(lib), rows: snapshot(lib), bytes: bytes(lib) };
    const res = await api.call(name, input);
    expect(res.ok, `${name} ${JSON.stringify(input)}: ${JSON.stringify(res)}`).toBe(true);
    expect({ op: name, changes: changes(lib) }).toEqual({ op: name, changes: before.changes });
    expect(snapshot(lib) === before.rows, `${name} changed rows`).toBe(true);
    expect(bytes(lib) === before.bytes, `${name} changed the database file`).toBe(true);
  }
}

describe('study reads write nothing', () => {
  let lib: Library;
  let api: Dispatcher;
  beforeAll(async () => {
    lib = await freshLibrary();
    await lib.search.ready();
    api = createDispatcher(lib, () => {});
  });
  afterAll(async () => lib?.close());

  it('before any card was generated (the bundled corpus, fresh)', async () => {
    expect(pendingGeneration(lib.db).pending).toBeGreaterThan(0);
    await expectReadsPure(lib, api);
    // Nothing was generated on the way: the cards are still to be made.
    expect((lib.db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n).toBe(0);
  });

  it('when the cards are stale: a document imported and a highlight made after the deck', async () => {
    refreshCards(lib.db);
    expect(pendingGeneration(lib.db).pending).toBe(0);
    const [outcome] = await lib.importFiles([{ name: 'nordic-fund.txt', bytes: Buffer.from(NEW_DOC, 'utf8') }]);
    expect(outcome && 'id' in outcome).toBe(true);
    const docId = outcome && 'id' in outcome ? outcome.id : '';
    createHighlight(lib.db, { docId, start: 0, end: 40, color: 'yellow' });
    await lib.search.ready();
    expect(pendingGeneration(lib.db).pending).toBeGreaterThan(0);
    await expectReadsPure(lib, api);
    expect(pendingGeneration(lib.db).pending).toBeGreaterThan(0);
  });
});
