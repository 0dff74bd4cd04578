import type { Migration } from '../migrate.js';

// Owned by electron/core/study: cards, their sources, FSRS state, the review log.
export const migration0005: Migration = {
  version: 5,
  name: '0005-study',
  up(db) {
    db.exec(`
      -- One row per card. Generated cards carry the fingerprint they were made from, so a
      -- rebuild finds them again; what the reader did (edits, suspension, deletion, reviews)
      -- lives on the row and a rebuild never undoes it. Deleted cards stay as tombstones so
      -- a rebuild does not bring them back.
      CREATE TABLE cards (
        id              TEXT PRIMARY KEY,
        fingerprint     TEXT UNIQUE,
        origin          TEXT NOT NULL CHECK (origin IN ('generated', 'reader')),
        kind            TEXT NOT NULL CHECK (kind IN ('cloze', 'who-said', 'which-sources', 'disagreement', 'highlight')),
        prompt          TEXT NOT NULL,
        answer          TEXT NOT NULL,
        alternatives    TEXT NOT NULL DEFAULT '[]',
        passage         TEXT NOT NULL,
        answer_key      TEXT NOT NULL DEFAULT '',
        gen_prompt      TEXT,
        gen_answer      TEXT,
        score           REAL NOT NULL DEFAULT 0,
        reasons         TEXT NOT NULL DEFAULT '[]',
        highlight_id    TEXT,
        edited          INTEGER NOT NULL DEFAULT 0,
        suspended       INTEGER NOT NULL DEFAULT 0,
        deleted         INTEGER NOT NULL DEFAULT 0,
        orphaned        INTEGER NOT NULL DEFAULT 0,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        -- FSRS state (ts-fsrs Card)
        state           INTEGER NOT NULL DEFAULT 0,
        due             TEXT,
        stability       REAL NOT NULL DEFAULT 0,
        difficulty      REAL NOT NULL DEFAULT 0,
        elapsed_days    REAL NOT NULL DEFAULT 0,
        scheduled_days  REAL NOT NULL DEFAULT 0,
        learning_steps  INTEGER NOT NULL DEFAULT 0,
        reps            INTEGER NOT NULL DEFAULT 0,
        lapses          INTEGER NOT NULL DEFAULT 0,
        last_review     TEXT
      );
      CREATE INDEX cards_due ON cards (deleted, suspended, state, due);

      CREATE TABLE card_sources (
        card_id  TEXT NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
        doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL,
        ord      INTEGER NOT NULL,
        PRIMARY KEY (card_id, doc_id, start)
      ) WITHOUT ROWID;
      CREATE INDEX card_sources_doc ON card_sources (doc_id);

      -- Append-only. A review row records the grade and the state it led to, plus the card's
      -- state before (so it can be undone). Undo appends an 'undo' row naming the review it
      -- reverses; nothing is updated or deleted.
      CREATE TABLE review_log (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id         TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('review', 'undo')),
        undoes          INTEGER REFERENCES review_log (id),
        rating          INTEGER,
        reviewed_at     TEXT NOT NULL,
        elapsed_days    REAL,
        scheduled_days  REAL,
        state_before    INTEGER,
        state_after     INTEGER,
        due_after       TEXT,
        stability       REAL,
        difficulty      REAL,
        typed           TEXT,
        correct         INTEGER,
        card_before     TEXT
      );
      CREATE INDEX review_log_card ON review_log (card_id, id);
      CREATE INDEX review_log_time ON review_log (reviewed_at);

      CREATE TABLE study_meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
    `);
  },
};
