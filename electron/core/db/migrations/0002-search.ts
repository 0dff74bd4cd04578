import type { Migration } from '../migrate.js';

// Owned by electron/core/search. The search index as immutable segments (see
// electron/core/search/segment.ts): each row is one encoded lunr segment, with the
// documents (and their fingerprints) it covers. A merge inserts the merged segment and
// deletes its inputs in one transaction.
export const migration0002: Migration = {
  version: 2,
  name: '0002-search',
  up(db) {
    db.exec(`
      CREATE TABLE search_segments (
        id          INTEGER PRIMARY KEY,
        format      INTEGER NOT NULL,
        docs        INTEGER NOT NULL,
        passages    INTEGER NOT NULL,
        bytes       INTEGER NOT NULL,
        created_at  TEXT NOT NULL,
        data        BLOB NOT NULL
      );

      -- No foreign key to documents: a deleted document stays in its segment (filtered at
      -- query time) until the segment is next merged.
      CREATE TABLE search_segment_docs (
        segment_id   INTEGER NOT NULL REFERENCES search_segments (id) ON DELETE CASCADE,
        doc_id       TEXT NOT NULL,
        fingerprint  TEXT NOT NULL,
        PRIMARY KEY (segment_id, doc_id)
      ) WITHOUT ROWID;
      CREATE INDEX search_segment_docs_doc ON search_segment_docs (doc_id, fingerprint);
    `);
  },
};
