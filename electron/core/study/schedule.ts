import { createEmptyCard, fsrs, State, type Card as FsrsCard, type Grade } from 'ts-fsrs';
import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { ParallaxError } from '../errors.js';
import { getCard, requireCardRow, rowsToCards, toCard, type CardRow, type StoredState } from './cards.js';
import { checkAnswer } from './answer.js';
import { checkChoice } from './choice.js';
import { siblingKeysOf } from './siblingKeys.js';
import type { Card, DueCounts, GradeResult, IntervalPreview, Rating, StudyQueue, StudySettings, StudyStats } from './types.js';

// Scheduling with FSRS (ts-fsrs): grading, previewing the next interval for each button,
// the study queue (due cards, then new ones within the daily limit), undo, statistics.
//
// The review log is append-only. Undo does not delete or change a row: it appends an 'undo'
// row that names the review it reverses and puts the card back to the state saved with that
// review. Statistics count reviews that have not been undone.
//
// Fuzz is off: the interval shown on a button is exactly the one grading gives.

export const DEFAULT_SETTINGS: StudySettings = { retention: 0.9, newPerDay: 20 };
const SETTING_RETENTION = 'study.retention';
const SETTING_NEW_PER_DAY = 'study.newPerDay';
/** Learning cards due within this window are shown now rather than making the reader wait. */
const LEARN_AHEAD_MS = 20 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const LABELS: Record<Rating, IntervalPreview['label']> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export function getSettings(db: Db): StudySettings {
  const rows = db.prepare('SELECT key, value FROM settings WHERE key IN (?, ?)').all(SETTING_RETENTION, SETTING_NEW_PER_DAY) as Array<{ key: string; value: string }>;
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const retention = Number(map.get(SETTING_RETENTION));
  const newPerDay = Number(map.get(SETTING_NEW_PER_DAY));
  return {
    retention: Number.isFinite(retention) && retention >= 0.7 && retention <= 0.99 ? retention : DEFAULT_SETTINGS.retention,
    newPerDay: Number.isInteger(newPerDay) && newPerDay >= 0 ? newPerDay : DEFAULT_SETTINGS.newPerDay,
  };
}

export function setSettings(db: Db, patch: Partial<StudySettings>): StudySettings {
  if (patch.retention !== undefined && !(patch.retention >= 0.7 && patch.retention <= 0.99)) {
    throw new ParallaxError('INVALID_INPUT', 'Desired retention must be between 0.70 and 0.99 (0.90 is a good start).');
  }
  if (patch.newPerDay !== undefined && !(Number.isInteger(patch.newPerDay) && patch.newPerDay >= 0 && patch.newPerDay <= 9999)) {
    throw new ParallaxError('INVALID_INPUT', 'New cards per day must be a whole number from 0 to 9999.');
  }
  inTransaction(db, () => {
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    if (patch.retention !== undefined) put.run(SETTING_RETENTION, String(patch.retention));
    if (patch.newPerDay !== undefined) put.run(SETTING_NEW_PER_DAY, String(patch.newPerDay));
  });
  return getSettings(db);
}

function scheduler(db: Db): ReturnType<typeof fsrs> {
  return fsrs({ request_retention: getSettings(db).retention, enable_fuzz: false });
}

/** The ts-fsrs card for a stored row (a new card is due now). */
export function fsrsCardOf(row: CardRow, now: Date): FsrsCard {
  if (row.state === State.New && row.reps === 0) return createEmptyCard(now);
  return {
    due: row.due ? new Date(row.due) : now,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsed_days,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    last_review: row.last_review ? new Date(row.last_review) : undefined,
  };
}

function storedState(row: CardRow): StoredState {
  return {
    state: row.state,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsed_days,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    last_review: row.last_review,
  };
}

function writeState(db: Db, id: string, s: StoredState, now: Date): void {
  db.prepare(
    `UPDATE cards SET state = ?, due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?, reps = ?,
       lapses = ?, last_review = ?, updated_at = ? WHERE id = ?`,
  ).run(s.state, s.due, s.stability, s.difficulty, s.elapsed_days, s.scheduled_days, s.learning_steps, s.reps, s.lapses, s.last_review, now.toISOString(), id);
}

/** "1m", "10m", "3h", "4d", "2.1mo", "1.3y": how a button shows the wait. */
export function formatInterval(ms: number): string {
  const min = ms / 60000;
  if (min < 1) return '<1m';
  if (min < 60) return `${Math.round(min)}m`;
  const h = min / 60;
  if (h < 24) return `${Math.round(h)}h`;
  const d = h / 24;
  if (d < 30) return `${Math.round(d)}d`;
  const mo = d / 30.4375;
  if (mo < 12) return `${mo < 10 ? mo.toFixed(1).replace(/\.0$/, '') : Math.round(mo)}mo`;
  const y = d / 365.25;
  return `${y < 10 ? y.toFixed(1).replace(/\.0$/, '') : Math.round(y)}y`;
}

function preview(due: Date, now: Date, rating: Rating): IntervalPreview {
  const ms = Math.max(0, due.getTime() - now.getTime());
  return { rating, label: LABELS[rating], due: due.toISOString(), ms, text: formatInterval(ms) };
}

/** The next interval for each of the four buttons. */
export function previewCard(db: Db, cardId: string, now = new Date()): IntervalPreview[] {
  const row = requireCardRow(db, cardId);
  const f = scheduler(db);
  const rec = f.repeat(fsrsCardOf(row, now), now);
  return ([1, 2, 3, 4] as Rating[]).map((r) => preview(rec[r as Grade].card.due, now, r));
}

export interface GradeOptions {
  now?: Date;
  typed?: string;
  /** Choice cards: the options chosen (checked against the card's answers, logged as typed). */
  chosen?: readonly string[];
}

/** Record a grade: the card's next state, and one row appended to the review log. */
export function gradeCard(db: Db, cardId: string, rating: Rating, options: GradeOptions = {}): GradeResult {
  const now = options.now ?? new Date();
  if (![1, 2, 3, 4].includes(rating)) throw new ParallaxError('INVALID_INPUT', 'A grade is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).');
  let reviewId = 0;
  let check: GradeResult['check'] = null;
  let nextDue = now;
  inTransaction(db, () => {
    const row = requireCardRow(db, cardId);
    if (row.deleted) throw new ParallaxError('NOT_FOUND', 'This card is deleted; restore it to study it.');
    const before = storedState(row);
    const f = scheduler(db);
    const current = fsrsCardOf(row, now);
    const { card: next } = f.next(current, now, rating as Grade);
    const elapsed = row.last_review ? Math.max(0, (now.getTime() - new Date(row.last_review).getTime()) / DAY_MS) : 0;
    const card = toCard(row, []);
    const verdict = options.chosen !== undefined ? checkChoice(card, options.chosen) : options.typed !== undefined ? checkAnswer(card.answer, options.typed, card.alternatives) : null;
    check = verdict;
    const after: StoredState = {
      state: next.state,
      due: next.due.toISOString(),
      stability: next.stability,
      difficulty: next.difficulty,
      elapsed_days: next.elapsed_days,
      scheduled_days: next.scheduled_days,
      learning_steps: next.learning_steps,
      reps: next.reps,
      lapses: next.lapses,
      last_review: (next.last_review ?? now).toISOString(),
    };
    nextDue = next.due;
    writeState(db, cardId, after, now);
    const info = db
      .prepare(
        `INSERT INTO review_log (card_id, kind, rating, reviewed_at, elapsed_days, scheduled_days, state_before, state_after, due_after, stability, difficulty, typed, correct, card_before)
         VALUES (?, 'review', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        cardId,
        rating,
        now.toISOString(),
        elapsed,
        next.scheduled_days,
        before.state,
        next.state,
        after.due,
        next.stability,
        next.difficulty,
        // A choice is logged as the options chosen, "; "-joined.
        verdict && options.chosen !== undefined ? verdict.typed : (options.typed ?? null),
        verdict === null ? null : verdict.correct ? 1 : 0,
        JSON.stringify(before),
      );
    reviewId = Number(info.lastInsertRowid);
  });
  return { card: getCard(db, cardId), reviewId, interval: preview(nextDue, now, rating), check };
}

interface LogRow {
  id: number;
  card_id: string;
  card_before: string | null;
}

/**
 * Undo the most recent grade that has not been undone: the card gets back the state it had
 * before, and the log gains an 'undo' row (history is kept). Null when there is nothing to undo.
 */
export function undoLastGrade(db: Db, now = new Date()): { card: Card; undoneReviewId: number } | null {
  let result: { cardId: string; id: number } | null = null;
  inTransaction(db, () => {
    const last = db
      .prepare(
        `SELECT r.id, r.card_id, r.card_before FROM review_log r
         WHERE r.kind = 'review' AND NOT EXISTS (SELECT 1 FROM review_log u WHERE u.kind = 'undo' AND u.undoes = r.id)
         ORDER BY r.id DESC LIMIT 1`,
      )
      .get() as LogRow | undefined;
    if (!last || !last.card_before) return;
    const row = db.prepare('SELECT id FROM cards WHERE id = ?').get(last.card_id);
    if (!row) return;
    const before = JSON.parse(last.card_before) as StoredState;
    writeState(db, last.card_id, before, now);
    db.prepare(`INSERT INTO review_log (card_id, kind, undoes, reviewed_at) VALUES (?, 'undo', ?, ?)`).run(last.card_id, last.id, now.toISOString());
    result = { cardId: last.card_id, id: last.id };
  });
  if (!result) return null;
  const r = result as { cardId: string; id: number };
  return { card: getCard(db, r.cardId), undoneReviewId: r.id };
}

// ---------------------------------------------------------------- days, queue, counts

/** Local calendar date of d (the reader's day), YYYY-MM-DD. */
export function localDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

const ACTIVE = 'c.deleted = 0 AND c.suspended = 0';
const NOT_UNDONE = "r.kind = 'review' AND NOT EXISTS (SELECT 1 FROM review_log u WHERE u.kind = 'undo' AND u.undoes = r.id)";

/** New cards first studied today (their first, not undone, review happened today). */
export function newIntroducedToday(db: Db, now: Date): number {
  const from = startOfDay(now).toISOString();
  const to = addDays(now, 1).toISOString();
  const row = db
    .prepare(`SELECT count(DISTINCT r.card_id) AS n FROM review_log r WHERE ${NOT_UNDONE} AND r.state_before = 0 AND r.reviewed_at >= ? AND r.reviewed_at < ?`)
    .get(from, to) as { n: number };
  return row.n;
}

type Reason = 'due' | 'learning' | 'new';

interface Selection {
  ordered: Array<{ r: CardRow; reason: Reason }>;
  due: number;
  learning: number;
  fresh: number;
  buried: number;
  newLeftToday: number;
}

/**
 * What to study now, with siblings buried (as Anki buries related cards): once a card was
 * reviewed today, or is chosen for today, cards sharing a sentence, statement or highlight
 * with it wait until tomorrow; new cards are introduced one per sibling group a day.
 */
function selectQueue(db: Db, now: Date, docId?: string): Selection {
  const docFilter = docId ? 'AND EXISTS (SELECT 1 FROM card_sources s WHERE s.card_id = c.id AND s.doc_id = ?)' : '';
  const docParams = docId ? [docId] : [];
  const learnUntil = new Date(now.getTime() + LEARN_AHEAD_MS).toISOString();
  const endOfToday = addDays(now, 1).toISOString();
  const learning = db
    .prepare(`SELECT c.* FROM cards c WHERE ${ACTIVE} AND c.state IN (1, 3) AND c.due <= ? ${docFilter} ORDER BY c.due, c.id`)
    .all(learnUntil, ...docParams) as CardRow[];
  const due = db
    .prepare(`SELECT c.* FROM cards c WHERE ${ACTIVE} AND c.state = 2 AND c.due < ? ${docFilter} ORDER BY c.due, c.id`)
    .all(endOfToday, ...docParams) as CardRow[];
  const newLeftToday = Math.max(0, getSettings(db).newPerDay - newIntroducedToday(db, now));

  // Keys taken today: by the cards reviewed today, then by each card chosen below.
  const owners = new Map<string, Set<string>>();
  const take = (id: string, keys: readonly string[]) => {
    for (const k of keys) {
      const set = owners.get(k);
      if (set) set.add(id);
      else owners.set(k, new Set([id]));
    }
  };
  const buriedBy = (id: string, keys: readonly string[]) => keys.some((k) => [...(owners.get(k) ?? [])].some((o) => o !== id));
  const reviewedToday = (
    db
      .prepare(`SELECT DISTINCT r.card_id AS id FROM review_log r WHERE ${NOT_UNDONE} AND r.reviewed_at >= ? AND r.reviewed_at < ?`)
      .all(startOfDay(now).toISOString(), endOfToday) as Array<{ id: string }>
  ).map((r) => r.id);
  for (const [id, keys] of siblingKeysOf(db, reviewedToday)) take(id, keys);

  // Learning steps and reviews that are due, in the order they came due; then new cards; then
  // learning steps coming due within the next minutes (shown early rather than waited for).
  const nowIso = now.toISOString();
  const dueRows = [
    ...learning.filter((r) => (r.due ?? '') <= nowIso).map((r) => ({ r, reason: 'learning' as const })),
    ...due.map((r) => ({ r, reason: 'due' as const })),
  ].sort((x, y) => (x.r.due ?? '').localeCompare(y.r.due ?? '') || x.r.id.localeCompare(y.r.id));
  const ahead = learning.filter((r) => (r.due ?? '') > nowIso).map((r) => ({ r, reason: 'learning' as const }));
  const sel: Selection = { ordered: [], due: 0, learning: 0, fresh: 0, buried: 0, newLeftToday };
  const consider = (items: Array<{ r: CardRow; reason: Reason }>, keys: Map<string, string[]>, room = Infinity): void => {
    for (const item of items) {
      if (room <= 0) return;
      const k = keys.get(item.r.id) ?? [];
      if (buriedBy(item.r.id, k)) {
        sel.buried++;
        continue;
      }
      take(item.r.id, k);
      sel.ordered.push(item);
      if (item.reason === 'due') sel.due++;
      else if (item.reason === 'learning') sel.learning++;
      else sel.fresh++;
      room--;
    }
  };
  const old = [...dueRows, ...ahead];
  const oldKeys = siblingKeysOf(
    db,
    old.map((o) => o.r.id),
  );
  consider(dueRows, oldKeys);
  // New cards, best first, a page at a time until today's allowance is met past the buried ones.
  const page = Math.max(50, newLeftToday * 3);
  const fresh = db.prepare(`SELECT c.* FROM cards c WHERE ${ACTIVE} AND c.state = 0 ${docFilter} ORDER BY c.score DESC, c.created_at, c.id LIMIT ? OFFSET ?`);
  for (let offset = 0; sel.fresh < newLeftToday; offset += page) {
    const rows = fresh.all(...docParams, page, offset) as CardRow[];
    if (!rows.length) break;
    consider(
      rows.map((r) => ({ r, reason: 'new' as const })),
      siblingKeysOf(
        db,
        rows.map((r) => r.id),
      ),
      newLeftToday - sel.fresh,
    );
  }
  consider(ahead, oldKeys);
  return sel;
}

export function buildQueue(db: Db, options: { limit?: number; now?: Date; docId?: string } = {}): StudyQueue {
  const now = options.now ?? new Date();
  const sel = selectQueue(db, now, options.docId);
  const ordered = sel.ordered.slice(0, options.limit ?? 100);
  const cards = rowsToCards(
    db,
    ordered.map((o) => o.r),
  );
  return {
    items: cards.map((card, i) => ({ card, reason: (ordered[i] as { reason: Reason }).reason })),
    dueCount: sel.due,
    learningCount: sel.learning,
    newCount: sel.fresh,
    newLeftToday: sel.newLeftToday,
    buried: sel.buried,
  };
}

export function dueCounts(db: Db, now = new Date()): DueCounts {
  const endOfToday = addDays(now, 1).toISOString();
  const learnUntil = new Date(now.getTime() + LEARN_AHEAD_MS).toISOString();
  // The totals are what a session would show now (siblings buried); per document, plain counts.
  const sel = selectQueue(db, now);
  const byDoc = db
    .prepare(
      `SELECT s.doc_id AS docId,
              sum(CASE WHEN c.state = 2 AND c.due < ? THEN 1 ELSE 0 END) AS due,
              sum(CASE WHEN c.state IN (1, 3) AND c.due <= ? THEN 1 ELSE 0 END) AS learning,
              sum(CASE WHEN c.state = 0 THEN 1 ELSE 0 END) AS fresh,
              count(*) AS cards
       FROM cards c JOIN (SELECT DISTINCT card_id, doc_id FROM card_sources) s ON s.card_id = c.id
       WHERE ${ACTIVE} GROUP BY s.doc_id ORDER BY s.doc_id`,
    )
    .all(endOfToday, learnUntil) as Array<{ docId: string; due: number; learning: number; fresh: number; cards: number }>;
  return {
    total: { due: sel.due, learning: sel.learning, new: sel.fresh },
    byDoc: byDoc.map((d) => ({ docId: d.docId, due: d.due, learning: d.learning, new: d.fresh, cards: d.cards })),
  };
}

// ---------------------------------------------------------------- statistics

export function studyStats(db: Db, now = new Date(), options: { days?: number; forecastDays?: number } = {}): StudyStats {
  const days = options.days ?? 365;
  const forecastDays = options.forecastDays ?? 30;
  const since = addDays(now, -days + 1);
  const reviews = db
    .prepare(`SELECT r.reviewed_at, r.rating, r.state_before FROM review_log r WHERE ${NOT_UNDONE} AND r.reviewed_at >= ? ORDER BY r.reviewed_at`)
    .all(startOfDay(since).toISOString()) as Array<{ reviewed_at: string; rating: number; state_before: number }>;
  const perDay = new Map<string, { count: number; correct: number }>();
  for (const r of reviews) {
    const day = localDate(new Date(r.reviewed_at));
    const e = perDay.get(day) ?? { count: 0, correct: 0 };
    e.count++;
    if (r.rating > 1) e.correct++;
    perDay.set(day, e);
  }
  // Retention: share of reviews of cards in review state (not still learning) that were recalled.
  const retentionSince = (from: Date | null): { rate: number | null; n: number } => {
    const row = db
      .prepare(
        `SELECT count(*) AS n, sum(CASE WHEN r.rating > 1 THEN 1 ELSE 0 END) AS ok FROM review_log r
         WHERE ${NOT_UNDONE} AND r.state_before = 2 ${from ? 'AND r.reviewed_at >= ?' : ''}`,
      )
      .get(...(from ? [from.toISOString()] : [])) as { n: number; ok: number | null };
    return { rate: row.n ? (row.ok ?? 0) / row.n : null, n: row.n };
  };
  const r30 = retentionSince(startOfDay(addDays(now, -29)));
  const all = retentionSince(null);
  const states = db
    .prepare(
      `SELECT sum(CASE WHEN suspended = 0 AND state = 0 THEN 1 ELSE 0 END) AS n0, sum(CASE WHEN suspended = 0 AND state = 1 THEN 1 ELSE 0 END) AS n1,
              sum(CASE WHEN suspended = 0 AND state = 2 THEN 1 ELSE 0 END) AS n2, sum(CASE WHEN suspended = 0 AND state = 3 THEN 1 ELSE 0 END) AS n3,
              sum(CASE WHEN suspended = 1 THEN 1 ELSE 0 END) AS sus, count(*) AS total
       FROM cards WHERE deleted = 0`,
    )
    .get() as { n0: number | null; n1: number | null; n2: number | null; n3: number | null; sus: number | null; total: number };
  const dueRows = db.prepare(`SELECT c.due FROM cards c WHERE ${ACTIVE} AND c.state <> 0 AND c.due IS NOT NULL`).all() as Array<{ due: string }>;
  const forecast: Array<{ date: string; count: number }> = [];
  const index = new Map<string, number>();
  for (let i = 0; i < forecastDays; i++) {
    const date = localDate(addDays(now, i));
    index.set(date, i);
    forecast.push({ date, count: 0 });
  }
  const today = localDate(now);
  for (const r of dueRows) {
    const day = localDate(new Date(r.due));
    const i = day <= today ? 0 : index.get(day);
    if (i !== undefined) (forecast[i] as { count: number }).count++;
  }
  let streak = 0;
  for (let i = 0; ; i++) {
    const day = localDate(addDays(now, -i));
    if (perDay.has(day)) streak++;
    else if (i > 0) break;
    if (i > days) break;
  }
  const totalReviews = (db.prepare(`SELECT count(*) AS n FROM review_log r WHERE ${NOT_UNDONE}`).get() as { n: number }).n;
  return {
    reviewsPerDay: [...perDay.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([date, v]) => ({ date, count: v.count, correct: v.correct })),
    retention: { last30Days: r30.rate, allTime: all.rate, reviews30: r30.n },
    cardsByState: { new: states.n0 ?? 0, learning: states.n1 ?? 0, review: states.n2 ?? 0, relearning: states.n3 ?? 0, suspended: states.sus ?? 0, total: states.total },
    forecast,
    totalReviews,
    streakDays: streak,
  };
}

