import type { searchContract } from '../contract/search.js';
import type { SearchHit } from '../types.js';
import type { HandlerTable } from './types.js';
import { documentTitles } from '../../core/documents.js';

export const searchHandlers: HandlerTable<typeof searchContract> = {
  'search.query': async ({ query, limit }, { lib, signal }) => {
    const t0 = performance.now();
    const res = await lib.search.query(query, { limit: limit ?? 20, signal });
    const title = documentTitles(lib.db);
    const hits: SearchHit[] = res.hits.map((h) => ({ ...h, title: title(h.docId) }));
    return { query, hits, hint: res.hint, total: res.total, totalIsEstimate: res.totalIsEstimate ?? false, tookMs: Math.round((performance.now() - t0) * 10) / 10 };
  },
  'search.status': (_input, { lib }) => lib.search.status(),
};
