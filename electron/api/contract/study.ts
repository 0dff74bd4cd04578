import { z } from 'zod';
import { op } from './op.js';
import { DocId } from './library.js';

// Operations of electron/core/study: key passages, cards, scheduling, statistics, export,
// and the background preparation of cards.
//
// The zod schemas below are the ONE definition of every study shape: core/study/types.ts and
// renderer/src/views/study/types.ts take their types from here (z.infer), never restate them.
// (The contract may not import core.)
//
// Card kinds and their fields (STUDY-GEN produces them, STUDY-RUN stores, schedules and shows them):
//   cloze          prompt = the passage with the answer replaced by BLANK ("[...]"); recall.
//   highlight      a cloze the reader made from a highlight (origin 'reader').
//   disagreement   a question about what the sources say differently; free recall.
//   who-said       multiple choice, ONE answer: `options` = 3-4 speakers of the library (the
//                  right one and comparable others as distractors, in a stable shuffled order),
//                  `answers` = [the speaker]; `answer` = the speaker (what exports show).
//                  Without options (one dominant speaker) it is a free-recall question about
//                  what that speaker said.
//   which-sources  choose ALL that apply: `options` = 3-6 short source labels (outlet or site and
//                  date, e.g. "Reuters, 30 Nov 2022"), `answers` = the labels of the sources that
//                  carry the statement; `answer` = the answers joined with "; ".
//   `choice` is derived from the two lists: 'all' for which-sources, 'one' for other cards with
//   options, null for recall cards. The Study view shows options as radio buttons / check boxes,
//   grades the choice automatically and then lets the reader rate (Again/Hard/Good/Easy).
//   Storage: cards.options and cards.answers (JSON arrays, migration 0008; '[]' for recall).
//   GeneratedCard (core/study/generate.ts) carries `options?: string[]; answers?: string[]`
//   and `siblingKeys: string[]`.
//
// Siblings: cards that share a sentence (`s:<docId>:<sentenceIndex>`), a statement group
// (`g:<id>`) or a highlight (`h:<id>`). `siblingKeys` lists a card's keys; the queue never shows
// two cards that share a key on the same day, and the card list shows them together.

/** The one blank marker of cloze prompts, everywhere (generator, exports, Study view). */
export const BLANK = '[...]';
/** Its type: electron/core may import only types from the contract, so core declares `const BLANK: Blank`. */
export type Blank = typeof BLANK;

export const CARD_KINDS = ['cloze', 'who-said', 'which-sources', 'disagreement', 'highlight'] as const;
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;

export const CardKindSchema = z.enum(CARD_KINDS);
export type CardKind = z.infer<typeof CardKindSchema>;
export const CardStateSchema = z.enum(CARD_STATES);
export type CardState = z.infer<typeof CardStateSchema>;
export const RatingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Rating = z.infer<typeof RatingSchema>;

export const CardSourceViewSchema = z.object({
  docId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  title: z.string(),
  /** The outlet, or a short form of the title when there is none. */
  label: z.string(),
});
export type CardSourceView = z.infer<typeof CardSourceViewSchema>;

export const CardViewSchema = z.object({
  id: z.string(),
  kind: CardKindSchema,
  /** For cloze cards: the passage with the answer replaced by BLANK. */
  prompt: z.string(),
  answer: z.string(),
  /** Other answers that count as right ("Stoltenberg" for "Jens Stoltenberg"). */
  alternatives: z.array(z.string()),
  /** Choice cards: what the reader chooses from ([] for recall cards). */
  options: z.array(z.string()),
  /** Choice cards: the right options ([] for recall cards). */
  answers: z.array(z.string()),
  /** 'one' (radio buttons), 'all' (choose all that apply), null (recall). */
  choice: z.enum(['one', 'all']).nullable(),
  /** The full source sentence(s). */
  passage: z.string(),
  sources: z.array(CardSourceViewSchema),
  docIds: z.array(z.string()),
  /** Why the card was made (what its passage has that makes it key). */
  reasons: z.array(z.string()),
  /** Sentence, statement and highlight keys shared with sibling cards. */
  siblingKeys: z.array(z.string()),
  origin: z.enum(['generated', 'reader']),
  edited: z.boolean(),
  suspended: z.boolean(),
  deleted: z.boolean(),
  /** The generator no longer makes it (its source changed); kept because you touched it. */
  orphaned: z.boolean(),
  highlightId: z.string().nullable(),
  state: CardStateSchema,
  due: z.string().nullable(),
  reps: z.number(),
  lapses: z.number(),
  stability: z.number(),
  difficulty: z.number(),
  lastReview: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CardView = z.infer<typeof CardViewSchema>;

export const KeyPassageViewSchema = z.object({
  docId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  /** Documents that carry the same statement. */
  sourceDocs: z.array(z.string()),
  sentenceIndexes: z.array(z.number().int()),
});
export type KeyPassageView = z.infer<typeof KeyPassageViewSchema>;

export const IntervalPreviewSchema = z.object({
  rating: RatingSchema,
  label: z.enum(['Again', 'Hard', 'Good', 'Easy']),
  /** When the card would next be due, ISO. */
  due: z.string(),
  /** Milliseconds from now. */
  ms: z.number(),
  /** "1m", "10m", "3d", "2.1mo". */
  text: z.string(),
});
export type IntervalPreview = z.infer<typeof IntervalPreviewSchema>;

export const AnswerCheckSchema = z.object({
  correct: z.boolean(),
  /** Right, with a slip (a typo, a missing accent): counts as right, shown to the reader. */
  close: z.boolean(),
  expected: z.string(),
  typed: z.string(),
  /** A rating to suggest: 1 when wrong, 3 when right. */
  suggestedRating: RatingSchema,
  note: z.string().nullable(),
});
export type AnswerCheck = z.infer<typeof AnswerCheckSchema>;

export const GradeResultSchema = z.object({
  card: CardViewSchema,
  reviewId: z.number().int(),
  interval: IntervalPreviewSchema,
  check: AnswerCheckSchema.nullable(),
});
export type GradeResult = z.infer<typeof GradeResultSchema>;

export const QueueItemSchema = z.object({
  card: CardViewSchema,
  /** Why it is in the queue now. */
  reason: z.enum(['due', 'learning', 'new']),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const StudyQueueSchema = z.object({
  items: z.array(QueueItemSchema),
  dueCount: z.number().int(),
  newCount: z.number().int(),
  learningCount: z.number().int(),
  /** New cards still allowed today under the daily limit. */
  newLeftToday: z.number().int(),
  /** Cards left out today because a sibling was (or will be) reviewed today. */
  buried: z.number().int(),
});
export type StudyQueue = z.infer<typeof StudyQueueSchema>;

export const StudySettingsSchema = z.object({
  /** Desired retention, 0.70-0.99. */
  retention: z.number(),
  newPerDay: z.number().int(),
});
export type StudySettings = z.infer<typeof StudySettingsSchema>;

const Counts = z.object({ due: z.number().int(), new: z.number().int(), learning: z.number().int() });
export const DueCountsSchema = z.object({
  total: Counts,
  byDoc: z.array(Counts.extend({ docId: z.string(), cards: z.number().int() })),
});
export type DueCounts = z.infer<typeof DueCountsSchema>;

export const StudyStatsSchema = z.object({
  /** Days with reviews (local dates YYYY-MM-DD), oldest first. */
  reviewsPerDay: z.array(z.object({ date: z.string(), count: z.number().int(), correct: z.number().int() })),
  retention: z.object({ last30Days: z.number().nullable(), allTime: z.number().nullable(), reviews30: z.number().int() }),
  cardsByState: z.object({
    new: z.number().int(),
    learning: z.number().int(),
    review: z.number().int(),
    relearning: z.number().int(),
    suspended: z.number().int(),
    total: z.number().int(),
  }),
  /** Cards coming due on each of the next days (day 0 = today, overdue included). */
  forecast: z.array(z.object({ date: z.string(), count: z.number().int() })),
  totalReviews: z.number().int(),
  streakDays: z.number().int(),
});
export type StudyStats = z.infer<typeof StudyStatsSchema>;

export const CardsSyncSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  kept: z.number().int(),
  total: z.number().int(),
});
export type CardsSync = z.infer<typeof CardsSyncSchema>;

export const CardsExportSchema = z.object({
  format: z.enum(['anki', 'json']),
  /** Anki: one file per note type (Cloze, Basic), as Anki's text import needs. JSON: one file. */
  files: z.array(z.object({ name: z.string(), notetype: z.enum(['Cloze', 'Basic']).nullable(), count: z.number().int(), content: z.string() })),
});
export type CardsExport = z.infer<typeof CardsExportSchema>;

/**
 * The background preparation of cards (a worker thread of the app or the browser host).
 * `preparing`: cards of `total` changed documents are being made, `done` of them so far.
 * `pending`: documents whose cards are out of date (counted read-only) and not yet queued.
 */
export const StudyStatusSchema = z.object({
  state: z.enum(['idle', 'preparing']),
  done: z.number().int(),
  total: z.number().int(),
  pending: z.number().int(),
  /** The last run's failure, in words, or null. */
  error: z.string().nullable(),
});
export type StudyStatus = z.infer<typeof StudyStatusSchema>;

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
        kind: CardKindSchema.optional(),
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
  /** Cards to study now: due and learning cards first, then new ones within today's limit; siblings buried. */
  'study.queue': op<StudyQueue>()(z.object({ limit: z.number().int().min(1).max(1000).optional(), docId: DocId.optional() }).strict()),
  'study.grade': op<GradeResult>()(
    z
      .object({
        cardId: CardId,
        rating: RatingSchema,
        typed: z.string().max(1000).optional(),
        /** Choice cards: the options the reader chose (checked against `answers`). */
        chosen: z.array(z.string().max(1000)).max(20).optional(),
      })
      .strict(),
  ),
  /** Check a typed answer (or the chosen options of a choice card) without grading. */
  'study.check': op<AnswerCheck>()(
    z.object({ cardId: CardId, typed: z.string().max(1000).optional(), chosen: z.array(z.string().max(1000)).max(20).optional() }).strict(),
  ),
  /** Undo the last grade; null when there is none. */
  'study.undo': op<{ card: CardView; undoneReviewId: number } | null>()(z.object({}).strict()),
  /** The next interval for each button. */
  'study.preview': op<IntervalPreview[]>()(z.object({ cardId: CardId }).strict()),
  'study.stats': op<StudyStats>()(z.object({}).strict()),
  'study.dueCounts': op<DueCounts>()(z.object({}).strict()),
  /** Whether cards are being prepared in the background, and how far it has got. */
  'study.status': op<StudyStatus>()(z.object({}).strict()),
  /** Read the settings; with fields, change them first. */
  'study.settings': op<StudySettings>()(
    z.object({ retention: z.number().min(0.7).max(0.99).optional(), newPerDay: z.number().int().min(0).max(9999).optional() }).strict(),
  ),
} as const;
