import type { Migration } from '../migrate.js';
import { migration0001 } from './0001-library.js';
import { migration0002 } from './0002-search.js';
import { migration0003 } from './0003-compare.js';
import { migration0004 } from './0004-annotate.js';
import { migration0005 } from './0005-study.js';
import { migration0006 } from './0006-structure.js';
import { migration0007 } from './0007-study-choices.js';
import { migration0008 } from './0008-study-siblings.js';
import { migration0009 } from './0009-change-counter.js';

// In order, never edited once shipped: a change to the schema is a new file.
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009];
