import type { compareContract, CompareDocumentView } from '../contract/compare.js';
import type { HandlerTable } from './types.js';
import { ParallaxError } from '../../core/errors.js';
import { getDocumentText } from '../../core/corpus/store.js';
import type { Db } from '../../core/db/open.js';
import { documentTitles, requireDocument } from '../../core/documents.js';
import { alignPairWithDiff, coverageMatrix, findCounterparts } from '../../core/compare/index.js';

function documentView(db: Db, id: string): CompareDocumentView {
  const { title, outlet, published } = requireDocument(db, id);
  return { id, title, outlet, published };
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
    const title = documentTitles(lib.db);
    return findCounterparts(lib.db, docId, { start, end }).map((c) => ({ ...c, title: title(c.docId) }));
  },
};
