import type { Db } from '../db/open.js';
import type { SearchEngine } from './types.js';
// PLACEHOLDER (search helper replaces): substring scan, no index.
export interface SearchEngineOptions {
  db: Db;
  dbPath: string;
}
export function createSearchEngine({ db }: SearchEngineOptions): SearchEngine {
  return {
    ready: async () => {},
    status: () => ({ state: 'ready', progress: 1, documents: 0, message: null }),
    async query(q, opts) {
      const term = q.trim().toLowerCase();
      if (!term) return { hits: [], total: 0, hint: null };
      const rows = db.prepare('SELECT p.doc_id, p.idx, p.start, p.end, d.text FROM passages p JOIN documents d ON d.id = p.doc_id').all() as Array<{ doc_id: string; idx: number; start: number; end: number; text: string }>;
      const hits = [];
      for (const r of rows) {
        const pt = r.text.slice(r.start, r.end);
        const at = pt.toLowerCase().indexOf(term);
        if (at >= 0) hits.push({ docId: r.doc_id, score: 1, passageIndex: r.idx, start: r.start + at, end: r.start + at + term.length, snippet: pt, marks: [[at, at + term.length] as [number, number]] });
      }
      return { hits: hits.slice(0, opts?.limit ?? 20), total: hits.length, hint: null };
    },
    documentsChanged: async () => {},
    close: async () => {},
  };
}
