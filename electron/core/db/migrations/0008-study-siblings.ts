import type { Migration } from '../migrate.js';

// Owned by electron/core/study (generation): sibling keys of cards, which document's
// generation makes each generated card, and what each document's cards were made from.
export const migration0008: Migration = {
  version: 8,
  name: '0008-study-siblings',
  up(db) {
    db.exec(`
      -- Cards that share a sentence (s:<docId>:<sentenceIndex>), a statement group (g:<id>) or a
      -- highlight (h:<id>) are siblings: a session never shows two of them on one day.
      CREATE TABLE card_siblings (
        card_id  TEXT NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
        key      TEXT NOT NULL,
        PRIMARY KEY (card_id, key)
      ) WITHOUT ROWID;
      CREATE INDEX card_siblings_key ON card_siblings (key);

      -- The document whose generation makes a generated card: a refresh remakes (and may
      -- remove) only the cards of the documents it regenerates.
      ALTER TABLE cards ADD COLUMN gen_doc TEXT;
      CREATE INDEX cards_gen_doc ON cards (gen_doc);

      -- What each document's cards were made from (content hash, generator version), and the
      -- document's words and speakers, so a later refresh finds related documents and the
      -- library's speakers without re-analysing unchanged documents. No foreign key: the row of
      -- a deleted document says its cards still have to be removed.
      CREATE TABLE study_doc_state (
        doc_id        TEXT PRIMARY KEY,
        content_hash  TEXT NOT NULL,
        version       INTEGER NOT NULL,
        terms         TEXT NOT NULL,
        speakers      TEXT NOT NULL,
        -- The document's highlights as they were (they make sentences key and give h: keys).
        highlights    TEXT NOT NULL DEFAULT '',
        generated_at  TEXT NOT NULL
      );
    `);
  },
};
