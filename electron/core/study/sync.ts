import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { generateForPlan, planGeneration, docTerms, type GeneratedCard, type LibraryState } from './generate.js';
import { docGen, GEN_VERSION } from './gen/doc.js';

// Generated cards in the database, kept in step with the library incrementally: a refresh
// analyses only the documents that changed, remakes the cards of those and of the documents
// related to them, and syncs only those cards. What the reader did (edits, suspension,
// deletion, reviews) is never undone: a touched card the generator no longer makes is kept as
// orphaned; a deleted one stays deleted.

export interface SyncSummary {
  added: number;
  updated: number;
  removed: number;
  kept: number;
  total: number;
}

export interface RefreshOptions {
  /** The documents that changed (added, replaced or deleted); omitted: whatever is stale. */
  docIds?: readonly string[];
  /** Every document, stale or not (a full rebuild). */
  all?: boolean;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Polled between documents: true ends the run early (nothing half-written). */
  shouldStop?: () => boolean;
  now?: Date;
}

interface StateRow {
  doc_id: string;
  content_hash: string;
  version: number;
  highlights: string;
  terms: string;
  speakers: string;
}

interface DocRow {
  id: string;
  content_hash: string;
  /** The document's highlights, as a key (ids and positions). */
  highlights: string;
  title: string;
  outlet: string | null;
  published: string | null;
}

function parseJson<T>(s: string, fallback: T): T {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

function readDocs(db: Db): DocRow[] {
  return db
    .prepare(
      `SELECT d.id, d.content_hash, d.title, d.outlet, d.published,
         coalesce((SELECT group_concat(k, ',') FROM (SELECT h.id || ':' || h.start || ':' || h.end || ':' || h.orphan AS k FROM highlights h WHERE h.doc_id = d.id ORDER BY h.id)), '') AS highlights
       FROM documents d ORDER BY d.id`,
    )
    .all() as DocRow[];
}

function readState(db: Db): Map<string, StateRow> {
  const rows = db.prepare('SELECT doc_id, content_hash, version, highlights, terms, speakers FROM study_doc_state').all() as StateRow[];
  return new Map(rows.map((r) => [r.doc_id, r]));
}

function staleIds(docs: DocRow[], state: Map<string, StateRow>): string[] {
  const present = new Set(docs.map((d) => d.id));
  const stale = docs.filter((d) => {
    const s = state.get(d.id);
    return !s || s.content_hash !== d.content_hash || s.version !== GEN_VERSION || s.highlights !== d.highlights;
  }).map((d) => d.id);
  for (const id of state.keys()) if (!present.has(id)) stale.push(id);
  return stale;
}

/** How many documents' cards are out of date, of how many documents. Reads only. */
export function pendingGeneration(db: Db): { pending: number; total: number } {
  const docs = readDocs(db);
  return { pending: staleIds(docs, readState(db)).length, total: docs.length };
}

/** Bring the generated cards up to date for the changed (or stale) documents. Idempotent. */
export function refreshGeneratedCards(db: Db, options: RefreshOptions = {}): SyncSummary {
  const now = options.now ?? new Date();
  const docs = readDocs(db);
  const state = readState(db);
  const legacy = (db.prepare("SELECT count(*) AS n FROM cards WHERE origin = 'generated' AND gen_doc IS NULL").get() as { n: number }).n > 0;
  // Cards from before generation was per document: remake everything once.
  const everything = [...new Set([...docs.map((d) => d.id), ...state.keys()])];
  // Named documents whose cards are already up to date are left alone: a change noticed twice
  // (the CLI prepared its import's cards, then the app saw the import) is prepared once.
  const stale = staleIds(docs, state);
  const staleSet = new Set(stale);
  const changed = legacy || options.all ? everything : options.docIds ? [...new Set(options.docIds)].filter((id) => staleSet.has(id)) : stale;
  const present = new Set(docs.map((d) => d.id));
  const total = changed.length + 1;
  if (changed.length === 0) return { added: 0, updated: 0, removed: 0, kept: 0, total: countCards(db) };
  options.onProgress?.({ done: 0, total });
  // 1. Per-document analysis of what changed (cached by content hash).
  const terms = new Map<string, readonly string[]>();
  const speakers = new Map<string, Map<string, number>>();
  for (const [id, s] of state) {
    if (!present.has(id)) continue;
    terms.set(id, parseJson<string[]>(s.terms, []));
    speakers.set(id, new Map(Object.entries(parseJson<Record<string, number>>(s.speakers, {}))));
  }
  let done = 0;
  for (const id of changed) {
    if (options.shouldStop?.()) return { added: 0, updated: 0, removed: 0, kept: 0, total: countCards(db) };
    if (present.has(id)) {
      const g = docGen(db, id);
      if (g) {
        terms.set(id, docTerms(g));
        speakers.set(id, g.speakers);
      }
    }
    options.onProgress?.({ done: ++done, total });
  }
  // 2. Related documents and the cards of every document whose cards may change.
  const libState: LibraryState = { docs, terms, speakers };
  const plan = planGeneration(libState, changed.filter((id) => present.has(id)));
  if (options.shouldStop?.()) return { added: 0, updated: 0, removed: 0, kept: 0, total: countCards(db) };
  const cards = generateForPlan(db, libState, plan);
  const scope = new Set<string>([...plan.owners, ...changed]);
  const summary = inTransaction(db, () => {
    const s = syncGeneratedCards(db, cards, now, legacy ? null : scope);
    const put = db.prepare(
      `INSERT INTO study_doc_state (doc_id, content_hash, version, highlights, terms, speakers, generated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (doc_id) DO UPDATE SET content_hash = excluded.content_hash, version = excluded.version, highlights = excluded.highlights,
         terms = excluded.terms, speakers = excluded.speakers, generated_at = excluded.generated_at`,
    );
    // Highlights as they are now (generation re-anchors moved ones), so the state is not stale at once.
    const byId = new Map(readDocs(db).map((d) => [d.id, d]));
    for (const id of scope) {
      const d = byId.get(id);
      if (!d) {
        db.prepare('DELETE FROM study_doc_state WHERE doc_id = ?').run(id);
        continue;
      }
      const t = terms.get(id);
      if (!t) continue;
      put.run(id, d.content_hash, GEN_VERSION, d.highlights, JSON.stringify(t), JSON.stringify(Object.fromEntries(speakers.get(id) ?? new Map())), now.toISOString());
    }
    return s;
  });
  options.onProgress?.({ done: total, total });
  return summary;
}

function countCards(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM cards WHERE deleted = 0').get() as { n: number }).n;
}

interface GenRow {
  gen_doc?: string | null;
  id: string;
  fingerprint: string | null;
  kind: string;
  answer_key: string;
  edited: number;
  suspended: number;
  deleted: number;
  orphaned: number;
  reps: number;
}

function touched(db: Db, row: GenRow): boolean {
  if (row.edited || row.suspended || row.deleted || row.reps > 0) return true;
  return db.prepare('SELECT 1 FROM review_log WHERE card_id = ? LIMIT 1').get(row.id) !== undefined;
}

function newCardId(db: Db, fingerprint: string): string {
  for (let n = 12; n <= fingerprint.length; n += 4) {
    const id = `c${fingerprint.slice(0, n)}`;
    if (!db.prepare('SELECT 1 FROM cards WHERE id = ?').get(id)) return id;
  }
  return `r${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

function writeSources(db: Db, id: string, sources: GeneratedCard['sources']): void {
  db.prepare('DELETE FROM card_sources WHERE card_id = ?').run(id);
  const ins = db.prepare('INSERT OR IGNORE INTO card_sources (card_id, doc_id, start, end, ord) VALUES (?, ?, ?, ?, ?)');
  sources.forEach((s, i) => ins.run(id, s.docId, s.start, s.end, i));
}

function writeSiblings(db: Db, id: string, keys: readonly string[]): void {
  db.prepare('DELETE FROM card_siblings WHERE card_id = ?').run(id);
  const ins = db.prepare('INSERT OR IGNORE INTO card_siblings (card_id, key) VALUES (?, ?)');
  for (const k of keys) ins.run(id, k);
}

function hasChoiceColumns(db: Db): boolean {
  const cols = db.prepare('PRAGMA table_info(cards)').all() as Array<{ name: string }>;
  return cols.some((c) => c.name === 'options') && cols.some((c) => c.name === 'answers');
}

/**
 * Bring the generated cards of the documents in scope (null: all) in line with `generated`.
 * Matching is by fingerprint, then by the same answer from an overlapping source (a reworded
 * sentence). Cards outside the scope are not looked at.
 */
export function syncGeneratedCards(db: Db, generated: readonly GeneratedCard[], now: Date, scope: ReadonlySet<string> | null): SyncSummary {
  const at = now.toISOString();
  return inTransaction(db, () => {
    const cols = 'id, fingerprint, kind, answer_key, edited, suspended, deleted, orphaned, reps, gen_doc';
    // Only the cards of the documents in scope (and of documents no longer there) are looked at.
    const existing = (
      scope
        ? db
            .prepare(
              `SELECT ${cols} FROM cards WHERE origin = 'generated' AND (gen_doc IS NULL OR gen_doc IN (SELECT value FROM json_each(?)) OR gen_doc NOT IN (SELECT id FROM documents))`,
            )
            .all(JSON.stringify([...scope]))
        : db.prepare(`SELECT ${cols} FROM cards WHERE origin = 'generated'`).all()
    ) as GenRow[];
    const byFp = new Map<string, GenRow>(existing.filter((r) => r.fingerprint).map((r) => [r.fingerprint as string, r]));
    // A card of another document with the same fingerprint (the unique key): found on demand.
    const fpStmt = db.prepare(`SELECT ${cols} FROM cards WHERE fingerprint = ?`);
    const byAnswer = new Map<string, GenRow[]>();
    for (const r of existing) {
      const k = `${r.kind}|${r.answer_key}`;
      byAnswer.set(k, [...(byAnswer.get(k) ?? []), r]);
    }
    const spans = new Map<string, Array<{ doc_id: string; start: number; end: number }>>();
    const spanStmt = db.prepare('SELECT doc_id, start, end FROM card_sources WHERE card_id = ?');
    const spansOf = (id: string): Array<{ doc_id: string; start: number; end: number }> => {
      let s = spans.get(id);
      if (!s) spans.set(id, (s = spanStmt.all(id) as Array<{ doc_id: string; start: number; end: number }>));
      return s;
    };
    const choice = hasChoiceColumns(db);
    const matched = new Set<string>();
    const summary: SyncSummary = { added: 0, updated: 0, removed: 0, kept: 0, total: 0 };
    const update = db.prepare(
      `UPDATE cards SET fingerprint = ?, prompt = CASE WHEN edited = 1 THEN prompt ELSE ? END, answer = CASE WHEN edited = 1 THEN answer ELSE ? END,
         alternatives = CASE WHEN edited = 1 THEN alternatives ELSE ? END, passage = ?, answer_key = ?, gen_prompt = ?, gen_answer = ?, score = ?, reasons = ?,
         orphaned = 0, gen_doc = ?, updated_at = CASE WHEN prompt = ? AND answer = ? AND passage = ? THEN updated_at ELSE ? END
       WHERE id = ?`,
    );
    const updateChoice = choice ? db.prepare('UPDATE cards SET options = CASE WHEN edited = 1 THEN options ELSE ? END, answers = CASE WHEN edited = 1 THEN answers ELSE ? END WHERE id = ?') : null;
    const insert = db.prepare(
      `INSERT INTO cards (id, fingerprint, origin, kind, prompt, answer, alternatives, passage, answer_key, gen_prompt, gen_answer, score, reasons, gen_doc, created_at, updated_at)
       VALUES (?, ?, 'generated', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const generatedFps = new Set(generated.map((g) => g.fingerprint));
    const done = new Set<string>();
    for (const g of generated) {
      if (done.has(g.fingerprint)) continue;
      done.add(g.fingerprint);
      let row = byFp.get(g.fingerprint) ?? (fpStmt.get(g.fingerprint) as GenRow | undefined);
      if (row && matched.has(row.id)) continue;
      if (!row) {
        // The same answer from an overlapping source: the sentence was reworded or merged.
        row = (byAnswer.get(`${g.kind}|${g.answerKey}`) ?? []).find(
          (r) =>
            !matched.has(r.id) &&
            !(r.fingerprint && generatedFps.has(r.fingerprint)) &&
            spansOf(r.id).some((s) => g.sources.some((t) => t.docId === s.doc_id && t.start < s.end && s.start < t.end)),
        );
      }
      if (row) {
        matched.add(row.id);
        update.run(g.fingerprint, g.prompt, g.answer, JSON.stringify(g.alternatives), g.passage, g.answerKey, g.prompt, g.answer, g.score, JSON.stringify(g.reasons), g.ownerDoc, g.prompt, g.answer, g.passage, at, row.id);
        updateChoice?.run(JSON.stringify(g.options ?? []), JSON.stringify(g.answers ?? []), row.id);
        writeSources(db, row.id, g.sources);
        writeSiblings(db, row.id, g.siblingKeys);
        summary.updated++;
        continue;
      }
      const id = newCardId(db, g.fingerprint);
      insert.run(id, g.fingerprint, g.kind, g.prompt, g.answer, JSON.stringify(g.alternatives), g.passage, g.answerKey, g.prompt, g.answer, g.score, JSON.stringify(g.reasons), g.ownerDoc, at, at);
      updateChoice?.run(JSON.stringify(g.options ?? []), JSON.stringify(g.answers ?? []), id);
      writeSources(db, id, g.sources);
      writeSiblings(db, id, g.siblingKeys);
      matched.add(id);
      summary.added++;
    }
    for (const r of existing) {
      if (matched.has(r.id)) continue;
      if (touched(db, r)) {
        if (!r.deleted && !r.orphaned) db.prepare('UPDATE cards SET orphaned = 1 WHERE id = ?').run(r.id);
        summary.kept++;
      } else {
        db.prepare('DELETE FROM cards WHERE id = ?').run(r.id);
        summary.removed++;
      }
    }
    summary.total = countCards(db);
    return summary;
  });
}
