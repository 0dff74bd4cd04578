import type { Migration } from '../migrate.js';

// Owned by electron/core/annotate. What a person made: never dropped by a rebuild.
// A highlight keeps both selectors of the W3C model: its position ([start, end) in the
// document text) and its quote (exact words with ~32 characters of prefix and suffix), plus
// the content hash of the text it was last placed in, so a changed document re-anchors it.
export const migration0004: Migration = {
  version: 4,
  name: '0004-annotate',
  up(db) {
    db.exec(`
      CREATE TABLE highlights (
        id             TEXT PRIMARY KEY,
        doc_id         TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start          INTEGER NOT NULL CHECK (start >= 0),
        end            INTEGER NOT NULL CHECK (end >= start),
        exact          TEXT NOT NULL,
        prefix         TEXT NOT NULL DEFAULT '',
        suffix         TEXT NOT NULL DEFAULT '',
        color          TEXT NOT NULL,
        note           TEXT,
        -- 1 when the words could not be placed in the current text (kept, listed, never moved).
        orphan         INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
        anchored_hash  TEXT NOT NULL,
        -- Highlights made together across sources share a group.
        group_id       TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      );
      CREATE INDEX highlights_doc ON highlights (doc_id, start);
      CREATE INDEX highlights_group ON highlights (group_id) WHERE group_id IS NOT NULL;

      CREATE TABLE doc_notes (
        doc_id      TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        body        TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
    `);
  },
};
