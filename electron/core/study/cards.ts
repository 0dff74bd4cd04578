import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { ParallaxError } from '../errors.js';
import { sourceLabel as labelOf } from './sourceLabel.js';
import { assertWholeCharacters } from '../text-offsets.js';
import { getDocument, getPassages, getSentences } from '../corpus/store.js';
import { listHighlights } from '../annotate/index.js';
import { pendingGeneration, refreshGeneratedCards, type SyncSummary } from './sync.js';
import { buildUnits } from './units.js';
import { siblingGroups, siblingKeysOf } from './siblingKeys.js';
import { BLANK, type Card, type CardKind, type CardSourceView, type CardState } from './types.js';

// Cards in the database: generated ones kept in step with the library, the reader's own, and
// everything the reader does to them. A rebuild never overwrites or deletes what the reader
// touched (edited, suspended, deleted, reviewed); a deleted generated card stays deleted.

/** The FSRS state columns of a card, as stored (and as saved with each review, for undo). */
export interface StoredState {
  state: number;
  due: string | null;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review: string | null;
}

export interface CardRow extends StoredState {
  id: string;
  fingerprint: string | null;
  origin: 'generated' | 'reader';
  kind: CardKind;
  prompt: string;
  answer: string;
  alternatives: string;
  /** JSON arrays (migration 0008); absent on a database from before it. */
  options?: string;
  answers?: string;
  passage: string;
  answer_key: string;
  gen_prompt: string | null;
  gen_answer: string | null;
  score: number;
  reasons: string;
  highlight_id: string | null;
  edited: number;
  suspended: number;
  deleted: number;
  orphaned: number;
  created_at: string;
  updated_at: string;
}

interface SourceRow {
  card_id: string;
  doc_id: string;
  start: number;
  end: number;
  ord: number;
  title: string;
  outlet: string | null;
}

const STATES: CardState[] = ['new', 'learning', 'review', 'relearning'];
export const stateName = (n: number): CardState => STATES[n] ?? 'new';
export const stateNumber = (s: CardState): number => STATES.indexOf(s);


export function sourceLabel(title: string, outlet: string | null): string {
  return labelOf({ title, outlet });
}

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function sourcesOf(db: Db, ids: string[]): Map<string, CardSourceView[]> {
  const out = new Map<string, CardSourceView[]>();
  if (!ids.length) return out;
  // Chunked: SQLite limits the number of bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT s.card_id, s.doc_id, s.start, s.end, s.ord, d.title, d.outlet FROM card_sources s JOIN documents d ON d.id = s.doc_id
         WHERE s.card_id IN (${chunk.map(() => '?').join(',')}) ORDER BY s.card_id, s.ord`,
      )
      .all(...chunk) as SourceRow[];
    for (const r of rows) {
      const list = out.get(r.card_id) ?? [];
      list.push({ docId: r.doc_id, start: r.start, end: r.end, title: r.title, label: sourceLabel(r.title, r.outlet) });
      out.set(r.card_id, list);
    }
  }
  return out;
}

export function toCard(row: CardRow, sources: CardSourceView[], siblingKeys: string[] = []): Card {
  const options = parseList(row.options ?? '[]');
  return {
    id: row.id,
    kind: row.kind,
    prompt: row.prompt,
    answer: row.answer,
    alternatives: parseList(row.alternatives),
    options,
    answers: options.length ? parseList(row.answers ?? '[]') : [],
    choice: options.length === 0 ? null : row.kind === 'which-sources' ? 'all' : 'one',
    passage: row.passage,
    sources,
    docIds: [...new Set(sources.map((s) => s.docId))],
    reasons: parseList(row.reasons),
    siblingKeys,
    origin: row.origin,
    edited: row.edited === 1,
    suspended: row.suspended === 1,
    deleted: row.deleted === 1,
    orphaned: row.orphaned === 1,
    highlightId: row.highlight_id,
    state: stateName(row.state),
    due: row.due,
    reps: row.reps,
    lapses: row.lapses,
    stability: row.stability,
    difficulty: row.difficulty,
    lastReview: row.last_review,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function cardRow(db: Db, id: string): CardRow | undefined {
  return db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as CardRow | undefined;
}

export function requireCardRow(db: Db, id: string): CardRow {
  const row = cardRow(db, id);
  if (!row) throw new ParallaxError('NOT_FOUND', `No card with id ${id} exists; regenerate the deck or pick another card.`);
  return row;
}

export function rowsToCards(db: Db, rows: CardRow[]): Card[] {
  const ids = rows.map((r) => r.id);
  const sources = sourcesOf(db, ids);
  const keys = siblingKeysOf(db, ids);
  return rows.map((r) => toCard(r, sources.get(r.id) ?? [], keys.get(r.id) ?? []));
}

export function getCard(db: Db, id: string): Card {
  return rowsToCards(db, [requireCardRow(db, id)])[0] as Card;
}

export interface CardFilter {
  docId?: string;
  state?: CardState | 'suspended' | 'deleted' | 'due';
  kind?: CardKind;
  now?: Date;
}

/** Cards in deck order (best first, siblings together after the best of them), deleted ones only when asked for. */
export function listCards(db: Db, filter: CardFilter = {}): Card[] {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (filter.state === 'deleted') where.push('c.deleted = 1');
  else where.push('c.deleted = 0');
  if (filter.state === 'suspended') where.push('c.suspended = 1');
  else if (filter.state === 'due') {
    where.push("c.suspended = 0 AND c.state <> 0 AND c.due <= ?");
    params.push((filter.now ?? new Date()).toISOString());
  } else if (filter.state && filter.state !== 'deleted') {
    where.push('c.state = ?');
    params.push(stateNumber(filter.state));
  }
  if (filter.kind) {
    where.push('c.kind = ?');
    params.push(filter.kind);
  }
  if (filter.docId) {
    where.push('EXISTS (SELECT 1 FROM card_sources s WHERE s.card_id = c.id AND s.doc_id = ?)');
    params.push(filter.docId);
  }
  const rows = db.prepare(`SELECT c.* FROM cards c WHERE ${where.join(' AND ')} ORDER BY c.score DESC, c.created_at, c.id`).all(...params) as CardRow[];
  const cards = rowsToCards(db, rows);
  const groups = siblingGroups(
    cards.map((c) => c.id),
    new Map(cards.map((c) => [c.id, c.siblingKeys])),
  );
  if (!groups.size) return cards;
  // Each sibling group stands where its best card stands; the others follow it.
  const members = new Map<string, Card[]>();
  for (const c of cards) {
    const g = groups.get(c.id);
    if (!g) continue;
    const list = members.get(g);
    if (list) list.push(c);
    else members.set(g, [c]);
  }
  return cards.flatMap((c) => {
    const g = groups.get(c.id);
    if (!g) return [c];
    return g === c.id ? (members.get(g) ?? [c]) : [];
  });
}

function newCardId(db: Db, fingerprint: string | null): string {
  if (fingerprint) {
    for (let n = 12; n <= fingerprint.length; n += 4) {
      const id = `c${fingerprint.slice(0, n)}`;
      if (!cardRow(db, id)) return id;
    }
  }
  return `r${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

function writeSources(db: Db, id: string, sources: Array<{ docId: string; start: number; end: number }>): void {
  db.prepare('DELETE FROM card_sources WHERE card_id = ?').run(id);
  const ins = db.prepare('INSERT OR IGNORE INTO card_sources (card_id, doc_id, start, end, ord) VALUES (?, ?, ?, ?, ?)');
  sources.forEach((s, i) => ins.run(id, s.docId, s.start, s.end, i));
}

// The sync of generated cards lives in sync.ts (per-document, incremental); these two stay as
// thin wrappers until every caller uses refreshGeneratedCards / pendingGeneration.
export type { SyncSummary } from './sync.js';

/** Remake every document's generated cards (thin wrapper over refreshGeneratedCards). */
export function regenerateCards(db: Db, now = new Date(), _options: { withStatements?: boolean } = {}): SyncSummary {
  followHighlights(db);
  return refreshGeneratedCards(db, { all: true, now });
}

/** Bring the generated cards up to date when documents changed; null when nothing was stale. */
export function ensureCards(db: Db, now = new Date()): SyncSummary | null {
  if (pendingGeneration(db).pending === 0) return null;
  followHighlights(db);
  return refreshGeneratedCards(db, { now });
}

export interface CardEdit {
  prompt?: string;
  answer?: string;
  alternatives?: string[];
  suspended?: boolean;
}

export function updateCard(db: Db, id: string, edit: CardEdit, now = new Date()): Card {
  inTransaction(db, () => {
    const row = requireCardRow(db, id);
    if (row.deleted) throw new ParallaxError('NOT_FOUND', 'This card is deleted. Restore it before editing it.');
    const prompt = edit.prompt !== undefined ? edit.prompt.trim() : row.prompt;
    const answer = edit.answer !== undefined ? edit.answer.trim() : row.answer;
    if (!prompt) throw new ParallaxError('INVALID_INPUT', 'A card needs a prompt. Write the question or the sentence with [...] where the answer goes.');
    if (!answer) throw new ParallaxError('INVALID_INPUT', 'A card needs an answer.');
    const alternatives = edit.alternatives !== undefined ? JSON.stringify(edit.alternatives.map((a) => a.trim()).filter(Boolean)) : row.alternatives;
    const textChanged = prompt !== row.prompt || answer !== row.answer || alternatives !== row.alternatives;
    const suspended = edit.suspended === undefined ? row.suspended : edit.suspended ? 1 : 0;
    db.prepare('UPDATE cards SET prompt = ?, answer = ?, alternatives = ?, suspended = ?, edited = ?, updated_at = ? WHERE id = ?').run(
      prompt,
      answer,
      alternatives,
      suspended,
      row.edited || (textChanged ? 1 : 0),
      now.toISOString(),
      id,
    );
  });
  return getCard(db, id);
}

export function deleteCard(db: Db, id: string, now = new Date()): Card {
  requireCardRow(db, id);
  inTransaction(db, () => db.prepare('UPDATE cards SET deleted = 1, updated_at = ? WHERE id = ?').run(now.toISOString(), id));
  return getCard(db, id);
}

export function restoreCard(db: Db, id: string, now = new Date()): Card {
  requireCardRow(db, id);
  inTransaction(db, () => db.prepare('UPDATE cards SET deleted = 0, updated_at = ? WHERE id = ?').run(now.toISOString(), id));
  return getCard(db, id);
}

/** Put a generated card back to what the generator made (drops the reader's edits). */
export function revertCard(db: Db, id: string, now = new Date()): Card {
  const row = requireCardRow(db, id);
  if (row.origin !== 'generated' || row.gen_prompt === null || row.gen_answer === null) {
    throw new ParallaxError('INVALID_INPUT', 'Only generated cards can be reverted; this card was made by you.');
  }
  inTransaction(db, () =>
    db.prepare('UPDATE cards SET prompt = gen_prompt, answer = gen_answer, edited = 0, updated_at = ? WHERE id = ?').run(now.toISOString(), id),
  );
  return getCard(db, id);
}

/**
 * Cards the reader made from highlights keep pointing at the highlight's words when a new
 * version of the document moves them: the source passage is found again near the (re-anchored)
 * highlight, or narrowed to the highlight itself when the passage around it was edited.
 */
export function followHighlights(db: Db): void {
  const rows = db
    .prepare(
      `SELECT c.id, c.highlight_id, c.passage, s.doc_id, s.start, s.end FROM cards c
       JOIN card_sources s ON s.card_id = c.id WHERE c.highlight_id IS NOT NULL AND c.deleted = 0`,
    )
    .all() as Array<{ id: string; highlight_id: string; passage: string; doc_id: string; start: number; end: number }>;
  if (rows.length === 0) return;
  const highlights = new Map(listHighlights(db).map((h) => [h.id, h]));
  const texts = new Map<string, string>();
  for (const r of rows) {
    const h = highlights.get(r.highlight_id);
    if (!h || h.orphan || h.docId !== r.doc_id) continue;
    if (!texts.has(h.docId)) texts.set(h.docId, getDocument(db, h.docId)?.text ?? '');
    const text = texts.get(h.docId) ?? '';
    if (r.start <= h.start && h.end <= r.end && text.slice(r.start, r.end).replace(/\s*\n+\s*/g, ' ') === r.passage) continue;
    // The stored passage, wherever it now stands around the highlight; else the highlight.
    let from = h.start;
    let to = h.end;
    for (let at = text.indexOf(r.passage); at >= 0; at = text.indexOf(r.passage, at + 1)) {
      if (at <= h.start && h.end <= at + r.passage.length) {
        from = at;
        to = at + r.passage.length;
        break;
      }
    }
    inTransaction(db, () => writeSources(db, r.id, [{ docId: h.docId, start: from, end: to }]));
  }
}

const WORD = /[\p{L}\p{N}\p{M}'’-]/u;

/** [start, end) widened to whole words (letters, digits, inner hyphens and apostrophes), then
 * trimmed of the spaces and punctuation at its edges. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s > 0 && WORD.test(text[s - 1] as string) && WORD.test(text[s] ?? ' ')) s--;
  while (e < text.length && WORD.test(text[e] as string) && WORD.test(text[e - 1] ?? ' ')) e++;
  while (s < e && !/[\p{L}\p{N}]/u.test(text[s] as string)) s++;
  while (e > s && !/[\p{L}\p{N}]/u.test(text[e - 1] as string)) e--;
  return e > s ? { start: s, end: e } : { start, end };
}

/**
 * A cloze card from a highlight: the reader picks the words to hide ([start, end) in the
 * document, inside the highlight); the prompt is the highlight's sentence(s) with them blanked.
 */
export function cardFromHighlight(db: Db, input: { highlightId: string; start: number; end: number }, now = new Date()): Card {
  const h = listHighlights(db).find((x) => x.id === input.highlightId);
  if (!h) throw new ParallaxError('NOT_FOUND', `No highlight with id ${input.highlightId} exists; it may have been deleted.`);
  if (h.orphan) throw new ParallaxError('INVALID_INPUT', 'This highlight no longer matches its document text, so a card cannot be made from it.');
  if (!(input.start >= h.start && input.end <= h.end && input.end > input.start)) {
    throw new ParallaxError('INVALID_INPUT', 'Choose words inside the highlight to hide.');
  }
  const doc = getDocument(db, h.docId);
  if (!doc) throw new ParallaxError('NOT_FOUND', `No document with id ${h.docId} is in the library.`);
  assertWholeCharacters(doc.text, input.start, input.end);
  // The blank is whole words: a choice that cuts a word is widened to it.
  const { start, end } = snapToWords(doc.text, input.start, input.end);
  const hidden = doc.text.slice(start, end);
  if (!/[\p{L}\p{N}]/u.test(hidden)) throw new ParallaxError('INVALID_INPUT', 'The words to hide must contain at least one letter or digit.');
  // The sentence(s) around the highlight give the blank its context.
  const units = buildUnits(doc.id, doc.text, getPassages(db, doc.id), getSentences(db, doc.id), doc.title);
  const around = units.filter((u) => u.start < h.end && h.start < u.end);
  const from = Math.min(h.start, ...around.map((u) => u.start));
  const to = Math.max(h.end, ...around.map((u) => u.end));
  const passage = doc.text.slice(from, to);
  const prompt = (doc.text.slice(from, start) + BLANK + doc.text.slice(end, to)).replace(/\s*\n+\s*/g, ' ');
  const fingerprint = `hl:${h.id}:${start}:${end}`;
  const existing = db.prepare('SELECT * FROM cards WHERE fingerprint = ?').get(fingerprint) as CardRow | undefined;
  if (existing) {
    if (existing.deleted) restoreCard(db, existing.id, now);
    return getCard(db, existing.id);
  }
  const id = newCardId(db, null);
  const at = now.toISOString();
  inTransaction(db, () => {
    db.prepare(
      `INSERT INTO cards (id, fingerprint, origin, kind, prompt, answer, alternatives, passage, answer_key, score, reasons, highlight_id, created_at, updated_at)
       VALUES (?, ?, 'reader', 'highlight', ?, ?, '[]', ?, ?, 100, ?, ?, ?, ?)`,
    ).run(id, fingerprint, prompt, hidden.trim(), passage.replace(/\s*\n+\s*/g, ' '), `highlight:${hidden.trim().toLowerCase()}`, JSON.stringify(['made from your highlight']), h.id, at, at);
    writeSources(db, id, [{ docId: h.docId, start: from, end: to }]);
  });
  return getCard(db, id);
}
