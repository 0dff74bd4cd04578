import type { Migration } from '../migrate.js';

// Owned by electron/core/compare. Everything here is derived data: a cache that can be
// dropped at any time and is rebuilt from the documents. Rows are keyed by the content hash
// (and sentence boundaries) of the documents they were computed from, so a changed document
// never meets links computed for its old text.
export const migration0003: Migration = {
  version: 3,
  name: '0003-compare',
  up(db) {
    db.exec(`
      -- Per document: how many sentences carry each term (its share of the library's
      -- document frequency), so the library's term weights need no re-reading of every text.
      CREATE TABLE compare_doc_stats (
        content_hash  TEXT PRIMARY KEY,
        seg_hash      TEXT NOT NULL,
        version       INTEGER NOT NULL,
        sentences     INTEGER NOT NULL,
        df            TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Sentence links between two documents (hash_a < hash_b), as JSON.
      CREATE TABLE compare_pairs (
        hash_a      TEXT NOT NULL,
        hash_b      TEXT NOT NULL,
        seg_a       TEXT NOT NULL,
        seg_b       TEXT NOT NULL,
        version     INTEGER NOT NULL,
        links       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (hash_a, hash_b)
      ) WITHOUT ROWID;

      -- Statements across the library, for one state of it (fingerprint of every document).
      CREATE TABLE compare_statements (
        fingerprint  TEXT PRIMARY KEY,
        data         TEXT NOT NULL,
        created_at   TEXT NOT NULL
      );
    `);
  },
};
