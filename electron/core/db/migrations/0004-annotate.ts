import type { Migration } from '../migrate.js';

// Owned by electron/core/annotate. Tables for that feature are created here.
export const migration0004: Migration = {
  version: 4,
  name: '0004-annotate',
  up(_db) {
    // (filled in by the annotate feature)
  },
};
