import type { Migration } from '../migrate.js';

// Owned by electron/core/study: choice cards (who-said among the library's speakers, which
// sources carry a statement). `options` are what the reader chooses from, `answers` the right
// ones; both JSON arrays of strings, '[]' for recall cards (see electron/api/contract/study.ts).
export const migration0007: Migration = {
  version: 7,
  name: '0007-study-choices',
  up(db) {
    db.exec(`
      ALTER TABLE cards ADD COLUMN options TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE cards ADD COLUMN answers TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
