import type { Migration } from '../migrate.js';

// Owned by electron/core/search. Tables for that feature are created here.
export const migration0002: Migration = {
  version: 2,
  name: '0002-search',
  up(_db) {
    // (filled in by the search feature)
  },
};
