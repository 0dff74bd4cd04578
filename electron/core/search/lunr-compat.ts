import type lunr from 'lunr';
import { createLunrBuilder, type BuilderState } from './build.js';
import { FIELDS } from './query.js';
import { NF, passageCount, type SegmentData } from './segment.js';

interface BuilderInternals extends BuilderState {
  invertedIndex: Record<string, Record<string, unknown>>;
  documentCount: number;
  termIndex: number;
  _documents: Record<string, object>;
}

/**
 * Rebuild the lunr.Index a segment stands for, by restoring lunr.Builder's state and letting
 * lunr compute its own field vectors. Used by tests to show a segment loses nothing.
 */
export function segmentToLunrIndex(s: SegmentData): lunr.Index {
  const builder = createLunrBuilder();
  const b = builder as unknown as BuilderInternals;
  const P = passageCount(s);
  for (let p = 0; p < P; p++) {
    b._documents[String(p)] = {};
    for (let f = 0; f < NF; f++) {
      const ref = `${FIELDS[f]}/${p}`;
      b.fieldTermFrequencies[ref] = Object.create(null) as Record<string, number>;
      b.fieldLengths[ref] = s.fieldLen[f * P + p];
    }
  }
  b.documentCount = P;
  s.terms.forEach((term, t) => {
    const posting: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    posting._index = t;
    for (let f = 0; f < NF; f++) {
      const field = FIELDS[f] as string;
      const refs: Record<string, object> = Object.create(null) as Record<string, object>;
      for (let k = s.termOff[t * NF + f]; k < s.termOff[t * NF + f + 1]; k++) {
        const p = s.postings[k];
        refs[String(p)] = Object.create(null) as object;
        b.fieldTermFrequencies[`${field}/${p}`][term] = s.tfs[k];
      }
      posting[field] = refs;
    }
    b.invertedIndex[term] = posting;
  });
  b.termIndex = s.terms.length;
  return builder.build();
}
