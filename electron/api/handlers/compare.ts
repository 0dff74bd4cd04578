import { compareContract, type CompareDocumentView } from '../contract/compare.js';
import type { HandlerTable } from './types.js';
import { ParallaxError } from '../../core/errors.js';
import { getDocumentMeta, getDocumentText } from '../../core/corpus/store.js';
import type { Db } from '../../core/db/open.js';
import { alignPairWithDiff, coverageMatrix, findCounterparts } from '../../core/compare/index.js';

function documentView(db: Db, id: string): CompareDocumentView {
  const m = getDocumentMeta(db, id);
  if (!m) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
  return { id: m.id, title: m.title, outlet: m.outlet, published: m.published };
}

export const compareHandlers: HandlerTable<typeof compareContract> = {
  'compare.pair': ({ a, b }, { lib }) => {
    documentView(lib.db, a);
    documentView(lib.db, b);
    if (a === b) throw new ParallaxError('INVALID_INPUT', 'Choose two different documents to compare.');
    const t0 = performance.now();
    const pair = alignPairWithDiff(lib.db, a, b);
    return { ...pair, tookMs: Math.round((performance.now() - t0) * 10) / 10 };
  },

  'compare.matrix': ({ docIds }, { lib }) => {
    for (const id of docIds ?? []) documentView(lib.db, id);
    const m = coverageMatrix(lib.db, docIds);
    return {
      documents: m.documents.map((id) => documentView(lib.db, id)),
      statements: m.statements.map((s) => ({ id: s.id, text: s.text, documents: s.documents, cells: s.cells, sources: s.sources })),
    };
  },

  'compare.counterparts': ({ docId, start, end }, { lib }) => {
    const doc = documentView(lib.db, docId);
    const length = getDocumentText(lib.db, doc.id)?.length ?? 0;
    if (end > length) throw new ParallaxError('INVALID_INPUT', `The passage ends at ${end}, after the end of the document (${length}).`);
    const titles = new Map<string, string>();
    return findCounterparts(lib.db, docId, { start, end }).map((c) => {
      if (!titles.has(c.docId)) titles.set(c.docId, getDocumentMeta(lib.db, c.docId)?.title ?? c.docId);
      return { ...c, title: titles.get(c.docId) ?? c.docId };
    });
  },
};
