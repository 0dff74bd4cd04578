import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../../electron/core/corpus/ingest.js';
import type { Library } from '../../../electron/core/library.js';
import { MAX_GROUP_DOCS, statementGroups } from '../../../electron/core/study/gen/crossdoc.js';
import { freshLibrary } from './helpers.js';

// Statement groups: sentences of related documents that make the same statement. Linking is
// not transitive, so a chain of pairs must not glue a whole library into one group.

const SHARED = 'The foreign ministers pledged to deliver winter generators and transformers to repair the damaged Ukrainian power grid.';
const FILLER = [
  'Snow fell over the harbour of {p} while fishermen mended their nets.',
  'The museum of {p} reopened its gallery of medieval tapestries after restoration.',
  'A cycling race through {p} drew record crowds along the river promenade.',
  'Farmers near {p} reported an early harvest of apples and pears this autumn.',
];
const PLACES = ['Aalborg', 'Bergen', 'Cork', 'Delft', 'Esbjerg', 'Faro', 'Genoa', 'Haarlem', 'Izmir', 'Jena', 'Kaunas', 'Lille', 'Malmo', 'Nantes'];

let lib: Library;
const ids: string[] = [];

beforeAll(async () => {
  lib = await freshLibrary({ corpus: false });
  PLACES.forEach((place, i) => {
    const text = [FILLER[i % 4], SHARED, FILLER[(i + 1) % 4], FILLER[(i + 2) % 4]].map((s) => (s as string).replace('{p}', place)).join(' ');
    const r = ingestDocument(lib.db, { file: `g${i}.txt`, origin: 'imported', raw: `Report ${i} from ${place}\n\n${text}\n`, title: `Report ${i} from ${place}`, outlet: null, published: null, language: 'en', author: null });
    ids.push(r.doc.id);
  });
  // The rest of the library: reports on other things, so the statement's words are rare in it.
  for (let i = 0; i < 60; i++) {
    const place = `${PLACES[i % PLACES.length]}-${i}`;
    const text = FILLER.map((s) => s.replace('{p}', place)).join(' ');
    ingestDocument(lib.db, { file: `o${i}.txt`, origin: 'imported', raw: `Notes ${i}\n\n${text}\n`, title: `Notes ${i}`, outlet: null, published: null, language: 'en', author: null });
  }
});

afterAll(async () => {
  await lib.close();
});

const docsOfGroups = (groups: ReturnType<typeof statementGroups>) => [...new Set(groups.values())].map((g) => g.docs.length);

describe('statement groups', () => {
  it('joins the sentences that make the same statement in related documents', () => {
    const pairs: Array<[string, string]> = [
      [ids[0] as string, ids[1] as string],
      [ids[1] as string, ids[2] as string],
    ];
    const groups = statementGroups(lib.db, pairs);
    const sizes = docsOfGroups(groups);
    expect(sizes).toContain(3);
    const g = [...groups.values()].find((x) => x.docs.length === 3);
    expect(g?.docs.sort()).toEqual([ids[0], ids[1], ids[2]].sort());
  });

  it('never chains a whole library into one group: at most MAX_GROUP_DOCS sources', () => {
    // Every document paired with the next: one chain through all fourteen.
    const pairs = ids.slice(1).map((id, i) => [ids[i] as string, id] as [string, string]);
    const groups = statementGroups(lib.db, pairs);
    const sizes = docsOfGroups(groups);
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_GROUP_DOCS);
    // Every document's copy of the statement is in some group.
    const members = new Set([...groups.values()].flatMap((g) => g.docs));
    expect(members.size).toBe(ids.length);
  });

  it('never puts two sentences of one document in a group through different links', () => {
    const pairs = ids.slice(1).map((id, i) => [ids[i] as string, id] as [string, string]);
    for (const g of new Set(statementGroups(lib.db, pairs).values())) {
      const perDoc = new Map<string, number>();
      for (const m of g.members) perDoc.set(m.slice(0, m.lastIndexOf(':')), (perDoc.get(m.slice(0, m.lastIndexOf(':'))) ?? 0) + 1);
      expect(Math.max(...perDoc.values())).toBe(1);
    }
  });

  it('writes nothing when the library is read-only work (pairs are aligned in memory)', () => {
    const before = (lib.db.prepare('SELECT count(*) AS n FROM compare_pairs').get() as { n: number }).n;
    statementGroups(lib.db, [[ids[3] as string, ids[4] as string]]);
    expect((lib.db.prepare('SELECT count(*) AS n FROM compare_pairs').get() as { n: number }).n).toBe(before);
  });
});
