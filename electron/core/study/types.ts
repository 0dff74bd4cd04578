// Shapes of the study feature. The contract (electron/api/contract/study.ts) declares the same
// shapes for the renderer; the handlers check that they agree.

export type CardKind = 'cloze' | 'who-said' | 'which-sources' | 'disagreement' | 'highlight';
export type CardState = 'new' | 'learning' | 'review' | 'relearning';

export interface CardSourceView {
  docId: string;
  start: number;
  end: number;
  title: string;
  label: string;
}

export interface Card {
  id: string;
  kind: CardKind;
  prompt: string;
  answer: string;
  alternatives: string[];
  passage: string;
  sources: CardSourceView[];
  docIds: string[];
  reasons: string[];
  origin: 'generated' | 'reader';
  edited: boolean;
  suspended: boolean;
  deleted: boolean;
  /** The generator no longer makes this card (its source changed); kept because the reader touched it. */
  orphaned: boolean;
  highlightId: string | null;
  state: CardState;
  due: string | null;
  reps: number;
  lapses: number;
  stability: number;
  difficulty: number;
  lastReview: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface KeyPassage {
  docId: string;
  start: number;
  end: number;
  text: string;
  score: number;
  reasons: string[];
  /** Documents that carry the same statement. */
  sourceDocs: string[];
  sentenceIndexes: number[];
}

export type Rating = 1 | 2 | 3 | 4;

export interface IntervalPreview {
  rating: Rating;
  label: 'Again' | 'Hard' | 'Good' | 'Easy';
  /** When the card would next be due, ISO. */
  due: string;
  /** Milliseconds from now. */
  ms: number;
  /** "1m", "10m", "3d", "2.1mo". */
  text: string;
}

export interface AnswerCheck {
  correct: boolean;
  /** Right, with a slip (a typo, a missing accent): counts as right, shown to the reader. */
  close: boolean;
  expected: string;
  typed: string;
  /** A rating to suggest: 1 when wrong, 3 when right. */
  suggestedRating: Rating;
  note: string | null;
}

export interface GradeResult {
  card: Card;
  reviewId: number;
  interval: IntervalPreview;
  check: AnswerCheck | null;
}

export interface QueueItem {
  card: Card;
  /** Why it is in the queue now. */
  reason: 'due' | 'learning' | 'new';
}

export interface StudyQueue {
  items: QueueItem[];
  dueCount: number;
  newCount: number;
  learningCount: number;
  /** New cards still allowed today under the daily limit. */
  newLeftToday: number;
}

export interface StudySettings {
  retention: number;
  newPerDay: number;
}

export interface DueCounts {
  total: { due: number; new: number; learning: number };
  byDoc: Array<{ docId: string; due: number; new: number; learning: number; cards: number }>;
}

export interface StudyStats {
  /** Days with reviews (local dates YYYY-MM-DD), oldest first. */
  reviewsPerDay: Array<{ date: string; count: number; correct: number }>;
  retention: { last30Days: number | null; allTime: number | null; reviews30: number };
  cardsByState: { new: number; learning: number; review: number; relearning: number; suspended: number; total: number };
  /** Cards coming due on each of the next days (day 0 = today, overdue included). */
  forecast: Array<{ date: string; count: number }>;
  totalReviews: number;
  streakDays: number;
}
