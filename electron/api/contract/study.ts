import { z } from 'zod';
import { op } from './op.js';
import { DocId } from './library.js';

// Operations of electron/core/study: key passages, cards, scheduling, statistics, export.
// (The contract may not import core: the shapes below mirror core/study/types.ts.)

export const CARD_KINDS = ['cloze', 'who-said', 'which-sources', 'disagreement', 'highlight'] as const;
export type CardKind = (typeof CARD_KINDS)[number];
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];
export type Rating = 1 | 2 | 3 | 4;

export interface CardSourceView {
  docId: string;
  start: number;
  end: number;
  title: string;
  /** The outlet, or a short form of the title when there is none. */
  label: string;
}

export interface CardView {
  id: string;
  kind: CardKind;
  /** For cloze cards: the passage with the answer replaced by [...]. */
  prompt: string;
  answer: string;
  /** Other answers that count as right ("Stoltenberg" for "Jens Stoltenberg"). */
  alternatives: string[];
  /** The full source sentence(s). */
  passage: string;
  sources: CardSourceView[];
  docIds: string[];
  /** Why the card was made (what its passage has that makes it key). */
  reasons: string[];
  origin: 'generated' | 'reader';
  edited: boolean;
  suspended: boolean;
  deleted: boolean;
  /** The generator no longer makes it (its source changed); kept because you touched it. */
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

export interface KeyPassageView {
  docId: string;
  start: number;
  end: number;
  text: string;
  score: number;
  reasons: string[];
  sourceDocs: string[];
  sentenceIndexes: number[];
}

export interface IntervalPreview {
  rating: Rating;
  label: 'Again' | 'Hard' | 'Good' | 'Easy';
  due: string;
  ms: number;
  /** "1m", "10m", "3d", "2.1mo". */
  text: string;
}

export interface AnswerCheck {
  correct: boolean;
  close: boolean;
  expected: string;
  typed: string;
  suggestedRating: Rating;
  note: string | null;
}

export interface GradeResult {
  card: CardView;
  reviewId: number;
  interval: IntervalPreview;
  check: AnswerCheck | null;
}

export interface QueueItem {
  card: CardView;
  reason: 'due' | 'learning' | 'new';
}

export interface StudyQueue {
  items: QueueItem[];
  dueCount: number;
  newCount: number;
  learningCount: number;
  newLeftToday: number;
}

export interface StudySettings {
  /** Desired retention, 0.70-0.99. */
  retention: number;
  newPerDay: number;
}

export interface DueCounts {
  total: { due: number; new: number; learning: number };
  byDoc: Array<{ docId: string; due: number; new: number; learning: number; cards: number }>;
}

export interface StudyStats {
  reviewsPerDay: Array<{ date: string; count: number; correct: number }>;
  retention: { last30Days: number | null; allTime: number | null; reviews30: number };
  cardsByState: { new: number; learning: number; review: number; relearning: number; suspended: number; total: number };
  forecast: Array<{ date: string; count: number }>;
  totalReviews: number;
  streakDays: number;
}

export interface CardsSync {
  added: number;
  updated: number;
  removed: number;
  kept: number;
  total: number;
}

export interface CardsExport {
  format: 'anki' | 'json';
  /** Anki: one file per note type (Cloze, Basic), as Anki's text import needs. JSON: one file. */
  files: Array<{ name: string; notetype: 'Cloze' | 'Basic' | null; count: number; content: string }>;
}

export const CardId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be a card id');
const HighlightId = z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/, 'must be a highlight id');
const Offset = z.number().int().min(0).max(100_000_000);

export const studyContract = {
  'study.keyPassages': op<KeyPassageView[]>()(z.object({ docId: DocId, limit: z.number().int().min(1).max(500).optional() }).strict()),
  'cards.list': op<CardView[]>()(
    z
      .object({
        docId: DocId.optional(),
        state: z.enum([...CARD_STATES, 'suspended', 'deleted', 'due']).optional(),
        kind: z.enum(CARD_KINDS).optional(),
      })
      .strict(),
  ),
  'cards.get': op<CardView>()(z.object({ id: CardId }).strict()),
  /** Regenerate the deck from the library now (what the reader touched is kept). */
  'cards.generate': op<CardsSync>()(z.object({}).strict()),
  'cards.update': op<CardView>()(
    z
      .object({
        id: CardId,
        prompt: z.string().min(1).max(5000).optional(),
        answer: z.string().min(1).max(1000).optional(),
        alternatives: z.array(z.string().max(1000)).max(20).optional(),
        suspended: z.boolean().optional(),
      })
      .strict(),
  ),
  'cards.delete': op<CardView>()(z.object({ id: CardId }).strict()),
  'cards.restore': op<CardView>()(z.object({ id: CardId }).strict()),
  /** Drop the reader's edits of a generated card. */
  'cards.revert': op<CardView>()(z.object({ id: CardId }).strict()),
  /** A cloze card from a highlight: [start, end) are the document offsets of the words to hide. */
  'cards.fromHighlight': op<CardView>()(z.object({ highlightId: HighlightId, start: Offset, end: Offset }).strict()),
  'cards.export': op<CardsExport>()(z.object({ format: z.enum(['anki', 'json']) }).strict()),
  /** Cards to study now: due and learning cards first, then new ones within today's limit. */
  'study.queue': op<StudyQueue>()(z.object({ limit: z.number().int().min(1).max(1000).optional(), docId: DocId.optional() }).strict()),
  'study.grade': op<GradeResult>()(
    z
      .object({
        cardId: CardId,
        rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        typed: z.string().max(1000).optional(),
      })
      .strict(),
  ),
  /** Check a typed answer without grading (the view shows the verdict, then the reader grades). */
  'study.check': op<AnswerCheck>()(z.object({ cardId: CardId, typed: z.string().max(1000) }).strict()),
  /** Undo the last grade; null when there is none. */
  'study.undo': op<{ card: CardView; undoneReviewId: number } | null>()(z.object({}).strict()),
  /** The next interval for each button. */
  'study.preview': op<IntervalPreview[]>()(z.object({ cardId: CardId }).strict()),
  'study.stats': op<StudyStats>()(z.object({}).strict()),
  'study.dueCounts': op<DueCounts>()(z.object({}).strict()),
  /** Read the settings; with fields, change them first. */
  'study.settings': op<StudySettings>()(
    z.object({ retention: z.number().min(0.7).max(0.99).optional(), newPerDay: z.number().int().min(0).max(9999).optional() }).strict(),
  ),
} as const;
