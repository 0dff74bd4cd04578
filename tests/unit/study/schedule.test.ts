import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../electron/core/library.js';
import {
  buildQueue,
  dueCounts,
  ensureCards,
  getCard,
  gradeCard,
  listCards,
  previewCard,
  setSettings,
  getSettings,
  studyStats,
  undoLastGrade,
  localDate,
} from '../../../electron/core/study/index.js';
import { CORPUS_DIR, tempDir } from '../../helpers/library.js';
import { clock, DAY, MIN } from './helpers.js';

// FSRS scheduling through ts-fsrs with a fixed clock, the append-only review log, undo.

describe('scheduling with FSRS', () => {
  let lib: Library;
  const data = tempDir();
  const t = clock();

  beforeAll(async () => {
    lib = await openLibrary({ dataDir: data, corpusDir: CORPUS_DIR });
    ensureCards(lib.db, t.now());
  });
  afterAll(async () => lib?.close());

  it('previews an interval for each button, shorter for Again than for Easy', () => {
    const id = (listCards(lib.db)[0] as { id: string }).id;
    const p = previewCard(lib.db, id, t.now());
    expect(p.map((x) => x.label)).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    for (let i = 1; i < p.length; i++) expect((p[i] as { ms: number }).ms).toBeGreaterThan((p[i - 1] as { ms: number }).ms);
    // ts-fsrs default learning steps: 1 minute, then 10 minutes.
    expect(p[0]?.text).toBe('1m');
    expect(p[2]?.text).toBe('10m');
    expect(p[3]?.ms).toBeGreaterThanOrEqual(DAY);
  });

  it('grades a new card into learning, then review, exactly as previewed', () => {
    const id = (listCards(lib.db)[1] as { id: string }).id;
    const previewGood = previewCard(lib.db, id, t.now())[2];
    const r1 = gradeCard(lib.db, id, 3, { now: t.now() });
    expect(r1.card.state).toBe('learning');
    expect(r1.card.due).toBe(previewGood?.due);
    expect(r1.interval.text).toBe('10m');
    t.advance(10 * MIN);
    const r2 = gradeCard(lib.db, id, 3, { now: t.now() });
    expect(r2.card.state).toBe('review');
    expect(new Date(r2.card.due as string).getTime() - t.now().getTime()).toBeGreaterThanOrEqual(DAY);
    expect(r2.card.reps).toBe(2);
  });

  it('logs every review with card, rating, time, elapsed days and the state it led to', () => {
    const rows = lib.db.prepare("SELECT * FROM review_log WHERE kind = 'review' ORDER BY id").all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ rating: 3, state_before: 0, state_after: 1, elapsed_days: 0 });
    expect(rows[1]).toMatchObject({ rating: 3, state_before: 1, state_after: 2 });
    expect(rows[1]?.elapsed_days as number).toBeCloseTo(10 / (24 * 60), 5);
    expect(typeof rows[1]?.due_after).toBe('string');
  });

  it('undoes the last grade: the card is as it was and the log keeps the history', () => {
    const id = (listCards(lib.db)[2] as { id: string }).id;
    const before = getCard(lib.db, id);
    gradeCard(lib.db, id, 1, { now: t.now() });
    expect(getCard(lib.db, id).state).toBe('learning');
    const undone = undoLastGrade(lib.db, t.now());
    expect(undone?.card.id).toBe(id);
    const after = getCard(lib.db, id);
    expect({ state: after.state, due: after.due, reps: after.reps, lapses: after.lapses }).toEqual({ state: before.state, due: before.due, reps: before.reps, lapses: before.lapses });
    const log = lib.db.prepare('SELECT kind, undoes FROM review_log WHERE card_id = ? ORDER BY id').all(id) as Array<{ kind: string; undoes: number | null }>;
    expect(log.map((l) => l.kind)).toEqual(['review', 'undo']);
    // The undone review does not count in the statistics.
    expect(studyStats(lib.db, t.now()).totalReviews).toBe(2);
  });

  it('undoes grades one after another, newest first, and then has nothing left to undo', () => {
    const [a, b] = listCards(lib.db).slice(3, 5) as Array<{ id: string }>;
    gradeCard(lib.db, a?.id as string, 3, { now: t.now() });
    gradeCard(lib.db, b?.id as string, 4, { now: t.now() });
    expect(undoLastGrade(lib.db, t.now())?.card.id).toBe(b?.id);
    expect(undoLastGrade(lib.db, t.now())?.card.id).toBe(a?.id);
    // The next undo reaches back to the earlier session's grades.
    expect(undoLastGrade(lib.db, t.now())).not.toBeNull();
    expect(undoLastGrade(lib.db, t.now())).not.toBeNull();
    expect(undoLastGrade(lib.db, t.now())).toBeNull();
    // Re-do the two grades of the first card so later tests see a card in review.
    const id = (listCards(lib.db)[1] as { id: string }).id;
    gradeCard(lib.db, id, 3, { now: t.now() });
    t.advance(10 * MIN);
    gradeCard(lib.db, id, 3, { now: t.now() });
  });

  it('takes desired retention into account: lower retention, longer intervals', () => {
    const id = (listCards(lib.db)[1] as { id: string }).id;
    const later = new Date(t.now().getTime() + 30 * DAY);
    setSettings(lib.db, { retention: 0.95 });
    const strict = previewCard(lib.db, id, later)[2]?.ms as number;
    setSettings(lib.db, { retention: 0.8 });
    const relaxed = previewCard(lib.db, id, later)[2]?.ms as number;
    expect(relaxed).toBeGreaterThan(strict);
    setSettings(lib.db, { retention: 0.9 });
    expect(getSettings(lib.db).retention).toBe(0.9);
    expect(() => setSettings(lib.db, { retention: 1.2 })).toThrow(/between 0.70 and 0.99/);
  });

  it('queues learning and due cards first, then new cards within the daily limit', () => {
    setSettings(lib.db, { newPerDay: 3 });
    const q0 = buildQueue(lib.db, { now: t.now() });
    // One card was introduced today already (the one in review).
    expect(q0.newLeftToday).toBe(2);
    expect(q0.items.filter((i) => i.reason === 'new')).toHaveLength(2);
    const fresh = q0.items.find((i) => i.reason === 'new')?.card.id as string;
    gradeCard(lib.db, fresh, 1, { now: t.now() });
    // Due in a minute: after the new cards, unless nothing else is left.
    const q1 = buildQueue(lib.db, { now: t.now() });
    expect(q1.items.at(-1)).toMatchObject({ reason: 'learning' });
    expect(q1.items.at(-1)?.card.id).toBe(fresh);
    expect(q1.items[0]?.reason).toBe('new');
    expect(q1.newLeftToday).toBe(1);
    // Once it is due it comes first.
    const q2 = buildQueue(lib.db, { now: new Date(t.now().getTime() + 2 * MIN) });
    expect(q2.items[0]).toMatchObject({ reason: 'learning' });
    expect(q2.items[0]?.card.id).toBe(fresh);
    // Tomorrow the limit starts again.
    const tomorrow = new Date(t.now().getTime() + DAY);
    expect(buildQueue(lib.db, { now: tomorrow }).newLeftToday).toBe(3);
    setSettings(lib.db, { newPerDay: 20 });
  });

  it('counts due cards per document and overall', () => {
    const id = (listCards(lib.db)[1] as { id: string }).id;
    const card = getCard(lib.db, id);
    const when = new Date(new Date(card.due as string).getTime() + MIN);
    const counts = dueCounts(lib.db, when);
    expect(counts.total.due).toBeGreaterThanOrEqual(1);
    for (const docId of card.docIds) expect(counts.byDoc.find((d) => d.docId === docId)?.due).toBeGreaterThanOrEqual(1);
    expect(buildQueue(lib.db, { now: when }).items.some((i) => i.card.id === id && i.reason === 'due')).toBe(true);
  });

  it('reports reviews per day, retention, cards by state and a forecast', () => {
    const s = studyStats(lib.db, t.now());
    expect(s.reviewsPerDay.at(-1)?.date).toBe(localDate(t.now()));
    expect(s.reviewsPerDay.at(-1)?.count).toBe(s.totalReviews);
    expect(s.cardsByState.review).toBe(1);
    expect(s.cardsByState.total).toBe(listCards(lib.db).length);
    expect(s.forecast).toHaveLength(30);
    expect(s.forecast.reduce((n, d) => n + d.count, 0)).toBe(s.cardsByState.review + s.cardsByState.learning + s.cardsByState.relearning);
    expect(s.retention.allTime).toBeNull(); // no review-state card has been reviewed yet
    const id = (listCards(lib.db)[1] as { id: string }).id;
    const due = new Date(getCard(lib.db, id).due as string);
    gradeCard(lib.db, id, 1, { now: due });
    expect(studyStats(lib.db, due).retention.allTime).toBe(0);
    expect(getCard(lib.db, id)).toMatchObject({ state: 'relearning', lapses: 1 });
  });

  it('keeps the review log and card states when the library is opened again', async () => {
    const before = lib.db.prepare('SELECT * FROM review_log ORDER BY id').all();
    const cards = listCards(lib.db).map((c) => ({ id: c.id, state: c.state, due: c.due, reps: c.reps }));
    await lib.close();
    lib = await openLibrary({ dataDir: data, corpusDir: CORPUS_DIR });
    ensureCards(lib.db, t.now());
    expect(lib.db.prepare('SELECT * FROM review_log ORDER BY id').all()).toEqual(before);
    expect(listCards(lib.db).map((c) => ({ id: c.id, state: c.state, due: c.due, reps: c.reps }))).toEqual(cards);
  });
});
