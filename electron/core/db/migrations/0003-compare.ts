import type { Migration } from '../migrate.js';

// Owned by electron/core/compare. Tables for that feature are created here.
export const migration0003: Migration = {
  version: 3,
  name: '0003-compare',
  up(_db) {
    // (filled in by the compare feature)
  },
};
