import lunr from 'lunr';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBundledCorpus } from '../../../electron/core/corpus/ingest.js';
import { openDatabase, type Db } from '../../../electron/core/db/open.js';
import { buildSegment, buildSegmentWithLunr, type SourceDoc } from '../../../electron/core/search/build.js';
import { segmentToLunrIndex } from '../../../electron/core/search/lunr-compat.js';
import { Searcher } from '../../../electron/core/search/searcher.js';
import { decodeSegment, encodeSegment, mergeSegments, type SegmentData } from '../../../electron/core/search/segment.js';
import { PassageReader, liveFingerprints, readSourceDocs } from '../../../electron/core/search/store.js';
import { analyse } from '../../../electron/core/search/tokenize.js';
import { CORPUS, cleanTmp, ingestSynth, synthDocs, tmpDir } from './helpers.js';

// The segment layer: built like lunr.Builder, lossless against lunr.Index, merged without
// re-analysis, scored like lunr.

let db: Db;
let docs: SourceDoc[];

beforeAll(() => {
  db = openDatabase(path.join(tmpDir('seg'), 'library.sqlite'));
  syncBundledCorpus(db, CORPUS);
  ingestSynth(db, synthDocs(25));
  const ids = (db.prepare('SELECT id FROM documents ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
  docs = readSourceDocs(db, ids);
});
afterAll(() => {
  db?.close();
  cleanTmp();
});

const plain = (s: SegmentData): unknown => ({ ...s, docFirstPassage: [...s.docFirstPassage], passageIdx: [...s.passageIdx], fieldLen: [...s.fieldLen], termOff: [...s.termOff], postings: [...s.postings], tfs: [...s.tfs] });

describe('segments', () => {
  it('record exactly the state lunr.Builder records', () => {
    expect(plain(buildSegment(docs))).toEqual(plain(buildSegmentWithLunr(docs)));
  });

  it('survive encoding', () => {
    const seg = buildSegment(docs);
    const bytes = encodeSegment(seg);
    // A misaligned copy decodes too.
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    expect(plain(decodeSegment(bytes))).toEqual(plain(seg));
    expect(plain(decodeSegment(shifted.subarray(1)))).toEqual(plain(seg));
    expect(() => decodeSegment(Buffer.from('not a segment'))).toThrow();
  });

  it('merge to exactly what building the kept documents gives', () => {
    const a = docs.slice(0, 12);
    const b = docs.slice(12);
    const merged = mergeSegments([
      { segment: buildSegment(a), keep: () => true },
      { segment: buildSegment(b), keep: () => true },
    ]);
    expect(plain(merged)).toEqual(plain(buildSegment(docs)));
    const dropped = mergeSegments([
      { segment: buildSegment(a), keep: (d) => d !== 3 },
      { segment: buildSegment(b), keep: (d) => d % 2 === 0 },
    ]);
    const kept = [...a.filter((_, i) => i !== 3), ...b.filter((_, i) => i % 2 === 0)];
    expect(plain(dropped)).toEqual(plain(buildSegment(kept)));
  });

  it('score like lunr: on one segment, our scores are lunr.Index scores', () => {
    const seg = buildSegment(docs);
    const idx = segmentToLunrIndex(seg);
    const searcher = new Searcher(new PassageReader(db));
    searcher.addSegment(1, seg, liveFingerprints(db));
    const refOf = (docId: string, passageIndex: number): string => {
      const d = seg.docIds.indexOf(docId);
      for (let p = seg.docFirstPassage[d]!; p < seg.docFirstPassage[d + 1]!; p++) if (seg.passageIdx[p] === passageIndex) return String(p);
      throw new Error('no such passage');
    };
    let compared = 0;
    for (const q of ['russia', 'energy blackmail', 'support ukraine winter', 'stoltenberg', 'gripen sweden', 'moldova georgia', 'ministers']) {
      const terms = q.split(' ').flatMap((w) => analyse(w));
      const lunrHits = idx.query((query) => {
        for (const t of terms) query.term(t, { usePipeline: false });
      });
      const lunrScore = new Map(lunrHits.map((h) => [h.ref, h.score]));
      const ours = searcher.query(q, 10);
      expect(ours.hits.length).toBeGreaterThan(0);
      for (const h of ours.hits) {
        const expected = lunrScore.get(refOf(h.docId, h.passageIndex));
        expect(expected, `${q}: ${h.docId}/${h.passageIndex}`).toBeDefined();
        // lunr rounds each weight to 3 decimals; ours are exact.
        expect(Math.abs(h.score - expected!) / expected!).toBeLessThan(0.01);
        compared++;
      }
      // Order: lunr's scores, except that passages holding every word of the query come first
      // (issue 14; among those, words typed together found together: tests/unit/search/ranking).
      const all = new Set(lunrHits.filter((h) => terms.every((t) => t in h.matchData.metadata)).map((h) => h.ref));
      const full = ours.hits.map((h) => all.has(refOf(h.docId, h.passageIndex)));
      expect(full[0]).toBe(all.size > 0);
      expect(full.indexOf(false) === -1 || full.lastIndexOf(true) < full.indexOf(false), `${q}: every-word passages first`).toBe(true);
      if (all.size === 0 || terms.length === 1) expect(Math.abs(ours.hits[0]!.score - lunrHits[0]!.score) / lunrHits[0]!.score).toBeLessThan(0.01);
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('reconstruct a lunr.Index that answers like one built by lunr itself', () => {
    const builder = (lunr as unknown as { Builder: new () => lunr.Builder }).Builder;
    expect(builder).toBeDefined();
    const seg = buildSegment(docs.slice(0, 5));
    const viaLunr = segmentToLunrIndex(buildSegmentWithLunr(docs.slice(0, 5)));
    const viaOurs = segmentToLunrIndex(seg);
    for (const t of analyse('Russia Ukraine energy Stoltenberg')) {
      const a = viaLunr.query((q) => q.term(t, { usePipeline: false }));
      const b = viaOurs.query((q) => q.term(t, { usePipeline: false }));
      expect(b.map((h) => [h.ref, h.score])).toEqual(a.map((h) => [h.ref, h.score]));
    }
  });
});
