import type { OpInput, OpOutput } from '@contract';
export { BLANK } from '@contract';

// Shapes of the study contract, inferred from its zod schemas through the operation table
// (electron/api/contract/study.ts is the one definition; @contract is the renderer's only door to it).

export type CardView = OpOutput<'cards.get'>;
export type CardKind = CardView['kind'];
export type CardState = CardView['state'];
export type KeyPassageView = OpOutput<'study.keyPassages'>[number];
export type StudyQueue = OpOutput<'study.queue'>;
export type QueueItem = StudyQueue['items'][number];
export type IntervalPreview = OpOutput<'study.preview'>[number];
export type GradeResult = OpOutput<'study.grade'>;
export type AnswerCheck = OpOutput<'study.check'>;
export type StudyStats = OpOutput<'study.stats'>;
export type StudySettings = OpOutput<'study.settings'>;
export type CardsListFilter = OpInput<'cards.list'>;
export type Rating = IntervalPreview['rating'];
export type StudyStatus = OpOutput<'study.status'>;

export const CARDS_TOPIC = 'cards';

export const KIND_LABEL: Record<CardKind, string> = {
  cloze: 'Fill the blank',
  'who-said': 'Who said it?',
  'which-sources': 'Which sources?',
  disagreement: 'The sources disagree',
  highlight: 'From your highlight',
};

export const STATE_LABEL: Record<CardState, string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
};

export const RATING_LABEL: Record<Rating, 'Again' | 'Hard' | 'Good' | 'Easy'> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
