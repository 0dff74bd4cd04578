import Database from 'better-sqlite3';

// The reference column: SQLite FTS5 (inside better-sqlite3 already) over the same passages,
// fields and queries, with bm25 ranking and FTS5's own snippets. Bench-only: the product
// searches with lunr.

export type FtsDb = Database.Database;

export interface FtsHit {
  docId: string;
  passageIndex: number;
  score: number;
  snippet: string;
}

export function openFts(file: string): FtsDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

export function createFtsTable(db: FtsDb): void {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    text, title, outlet, doc_id UNINDEXED, idx UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`);
}

interface DocRow {
  id: string;
  title: string;
  outlet: string | null;
  text: string;
}

/** Add documents (read from the library database) to the FTS5 table, in one transaction. */
export function addToFts(fts: FtsDb, lib: Database.Database, ids?: string[]): number {
  const ins = fts.prepare('INSERT INTO fts (text, title, outlet, doc_id, idx) VALUES (?, ?, ?, ?, ?)');
  const passages = lib.prepare('SELECT idx, start, end FROM passages WHERE doc_id = ? ORDER BY idx');
  const docs: DocRow[] = ids
    ? ids.map((id) => lib.prepare('SELECT id, title, outlet, text FROM documents WHERE id = ?').get(id) as DocRow)
    : (lib.prepare('SELECT id, title, outlet, text FROM documents').all() as DocRow[]);
  let n = 0;
  fts.transaction(() => {
    for (const d of docs) {
      for (const p of passages.all(d.id) as Array<{ idx: number; start: number; end: number }>) {
        ins.run(d.text.slice(p.start, p.end), d.title, d.outlet ?? '', d.id, p.idx);
        n++;
      }
    }
  })();
  return n;
}

export function ftsQuery(db: FtsDb, match: string, limit = 20): FtsHit[] {
  const rows = db
    .prepare(
      `SELECT doc_id, idx, bm25(fts, 1.0, 3.0, 2.0) AS score, snippet(fts, 0, '«', '»', '…', 32) AS snippet
       FROM fts WHERE fts MATCH ? ORDER BY score LIMIT ?`,
    )
    .all(match, limit) as Array<{ doc_id: string; idx: number; score: number; snippet: string }>;
  return rows.map((r) => ({ docId: r.doc_id, passageIndex: r.idx, score: -r.score, snippet: r.snippet }));
}
