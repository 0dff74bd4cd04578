import type { Migration } from '../migrate.js';

// Owned by electron/core/corpus: the structure imports keep (see corpus/blocks.ts). A heading's
// level (1 = a book's chapter), the page a passage starts on (PDF: "p. 12"), and inline
// emphasis (bold, italic) in document offsets. Bundled reports are re-segmented on the next
// open (raw_hash cleared) so page furniture in them becomes 'meta'; their text, and so every
// highlight's offsets, stays the same.
export const migration0006: Migration = {
  version: 6,
  name: '0006-structure',
  up(db) {
    db.exec(`
      ALTER TABLE passages ADD COLUMN level INTEGER;
      ALTER TABLE passages ADD COLUMN page TEXT;
      CREATE TABLE passage_marks (
        doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        passage_idx  INTEGER NOT NULL,
        start        INTEGER NOT NULL CHECK (start >= 0),
        end          INTEGER NOT NULL CHECK (end > start),
        kind         TEXT NOT NULL CHECK (kind IN ('strong', 'em'))
      );
      CREATE INDEX passage_marks_doc ON passage_marks (doc_id, passage_idx);
      UPDATE corpus_files SET raw_hash = '' WHERE deleted = 0;
    `);
  },
};
