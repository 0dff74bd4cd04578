import type { Migration } from '../migrate.js';

// A counter of writes to the documents table, kept by triggers, so a process can tell in one
// row read whether another process changed any document (PRAGMA data_version only says that
// *something* was committed: search segments, cards and settings move it too). Diffing every
// document's fingerprint instead costs ~250 ms at 10,000 documents.
export const migration0009: Migration = {
  version: 9,
  name: '0009-change-counter',
  up(db) {
    db.exec(`
      CREATE TABLE library_changes (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        documents INTEGER NOT NULL
      );
      INSERT INTO library_changes (id, documents) VALUES (1, 0);
      CREATE TRIGGER library_changes_doc_insert AFTER INSERT ON documents
        BEGIN UPDATE library_changes SET documents = documents + 1 WHERE id = 1; END;
      CREATE TRIGGER library_changes_doc_update AFTER UPDATE ON documents
        BEGIN UPDATE library_changes SET documents = documents + 1 WHERE id = 1; END;
      CREATE TRIGGER library_changes_doc_delete AFTER DELETE ON documents
        BEGIN UPDATE library_changes SET documents = documents + 1 WHERE id = 1; END;
    `);
  },
};
