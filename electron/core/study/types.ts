// Shapes of the study feature: the contract's zod schemas (electron/api/contract/study.ts) are
// the one definition; core uses their inferred types under its own names.

import type {
  AnswerCheck,
  Blank,
  CardKind,
  CardSourceView,
  CardState,
  CardView,
  DueCounts,
  GradeResult,
  IntervalPreview,
  KeyPassageView,
  QueueItem,
  Rating,
  StudyQueue,
  StudySettings,
  StudyStats,
  StudyStatus,
} from '../../api/contract/study.js';

export type { AnswerCheck, CardKind, CardSourceView, CardState, DueCounts, GradeResult, IntervalPreview, QueueItem, Rating, StudyQueue, StudySettings, StudyStats, StudyStatus };
export type Card = CardView;
export type KeyPassage = KeyPassageView;

/**
 * The contract's cloze blank. Core may not import the contract's values (lint: types only), so
 * it is typed with the contract's literal type: if the contract's marker changes, this fails to compile.
 */
export const BLANK: Blank = '[...]';
