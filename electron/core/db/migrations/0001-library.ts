import type { Migration } from '../migrate.js';

export const migration0001: Migration = {
  version: 1,
  name: '0001-library',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id            TEXT PRIMARY KEY,
        title         TEXT NOT NULL,
        outlet        TEXT,
        published     TEXT,
        language      TEXT NOT NULL DEFAULT 'en',
        author        TEXT,
        file          TEXT NOT NULL,
        origin        TEXT NOT NULL CHECK (origin IN ('bundled', 'imported')),
        text          TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        words         INTEGER NOT NULL,
        added_at      TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE UNIQUE INDEX documents_content_hash ON documents (content_hash);
      CREATE INDEX documents_file ON documents (file);

      CREATE TABLE passages (
        doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx     INTEGER NOT NULL,
        start   INTEGER NOT NULL,
        end     INTEGER NOT NULL,
        kind    TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
      ) WITHOUT ROWID;

      CREATE TABLE sentences (
        doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx          INTEGER NOT NULL,
        passage_idx  INTEGER NOT NULL,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL,
        PRIMARY KEY (doc_id, idx)
      ) WITHOUT ROWID;

      -- Which bundled corpus files have been loaded, with the hash of the raw file, so a
      -- changed file is re-ingested and a document the reader deleted stays deleted.
      CREATE TABLE corpus_files (
        file      TEXT PRIMARY KEY,
        raw_hash  TEXT NOT NULL,
        doc_id    TEXT,
        deleted   INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE reading_state (
        doc_id      TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        position    INTEGER NOT NULL DEFAULT 0,
        progress    REAL NOT NULL DEFAULT 0,
        updated_at  TEXT NOT NULL
      );

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
    `);
  },
};
