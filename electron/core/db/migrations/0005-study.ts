import type { Migration } from '../migrate.js';

// Owned by electron/core/study. Tables for that feature are created here.
export const migration0005: Migration = {
  version: 5,
  name: '0005-study',
  up(_db) {
    // (filled in by the study feature)
  },
};
