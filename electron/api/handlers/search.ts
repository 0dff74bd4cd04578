import { searchContract } from '../contract/search.js';
import type { SearchHit } from '../types.js';
import type { HandlerTable } from './types.js';
import { getDocumentMeta } from '../../core/corpus/store.js';

export const searchHandlers: HandlerTable<typeof searchContract> = {
  'search.query': async ({ query, limit }, { lib, signal }) => {
    const t0 = performance.now();
    const res = await lib.search.query(query, { limit: limit ?? 20, signal });
    const titles = new Map<string, string>();
    const hits: SearchHit[] = res.hits.map((h) => {
      if (!titles.has(h.docId)) titles.set(h.docId, getDocumentMeta(lib.db, h.docId)?.title ?? h.docId);
      return { ...h, title: titles.get(h.docId) ?? h.docId };
    });
    return { query, hits, hint: res.hint, total: res.total, totalIsEstimate: res.totalIsEstimate ?? false, tookMs: Math.round((performance.now() - t0) * 10) / 10 };
  },
  'search.status': (_input, { lib }) => lib.search.status(),
};
