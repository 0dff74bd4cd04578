import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { ParallaxError } from '../errors.js';
import type { Span } from '../types.js';
import type { AlignmentLinkView, Coverage, CounterpartView, LinkSideView, StatementSourceView } from '../../api/contract/compare.js';
import type { RawLink } from './align.js';
import { wordDiff, type WordDiff } from './diff.js';
import { quotedRanges } from './features.js';
import { buildStatements, type Cluster } from './statements.js';
import { libraryFingerprint, libraryWeights, loadCompareDoc, pairLinks, pruneCache, type CompareDoc } from './store.js';

// Cross-feature API of electron/core/compare: sentence alignment between two documents, word
// differences of each link, statements across the library and the coverage matrix, and the
// counterparts of a passage in other sources (used by annotate and study).

export type { LinkKind } from './align.js';
export type { DiffMark, DiffOp, DiffPart, Notable, WordDiff } from './diff.js';

// Link and statement shapes are the contract's (electron/api/contract/compare.ts).
export type StatementSource = StatementSourceView;

export interface Statement {
  id: string;
  sources: StatementSource[];
  /** The statement in the words of its most connected source (always set by getStatements). */
  text?: string;
  /** How many documents carry it (always set by getStatements). */
  documents?: number;
}

/** A counterpart before the handler adds its document's title. */
export type Counterpart = Omit<CounterpartView, 'title'>;
export type LinkSide = LinkSideView;
/** A link before its word differences are computed. */
export type AlignmentLink = Omit<AlignmentLinkView, 'diff'>;

export interface Alignment {
  a: string;
  b: string;
  links: AlignmentLink[];
}

function side(doc: CompareDoc, r: { from: number; to: number }): LinkSide {
  const first = doc.sentences[r.from];
  const last = doc.sentences[r.to - 1];
  if (!first || !last) throw new ParallaxError('INTERNAL', 'A cached alignment does not fit its document; it will be rebuilt.');
  return {
    start: first.start,
    end: last.end,
    text: doc.text.slice(first.start, last.end),
    sentenceIndexes: doc.sentences.slice(r.from, r.to).map((s) => s.index),
  };
}

function toLinks(A: CompareDoc, B: CompareDoc, links: readonly RawLink[]): AlignmentLink[] {
  return links.map((l) => ({ a: side(A, l.a), b: side(B, l.b), score: l.score, kind: l.kind }));
}

/** Sentence links between two documents (cached by both documents' content). */
export function alignPair(db: Db, aId: string, bId: string): Alignment {
  const A = loadCompareDoc(db, aId);
  const B = loadCompareDoc(db, bId);
  const { links } = pairLinks(db, A, B);
  return { a: aId, b: bId, links: toLinks(A, B, links) };
}

export interface AlignmentWithDiff extends Alignment {
  links: Array<AlignmentLink & { diff: WordDiff }>;
}

/** alignPair with the word differences of every link. */
export function alignPairWithDiff(db: Db, aId: string, bId: string): AlignmentWithDiff {
  const A = loadCompareDoc(db, aId);
  const B = loadCompareDoc(db, bId);
  const { links } = pairLinks(db, A, B);
  const qa = quotedRanges(A.text);
  const qb = quotedRanges(B.text);
  return {
    a: aId,
    b: bId,
    links: toLinks(A, B, links).map((l) => ({ ...l, diff: wordDiff(l.a.text, l.a.start, l.b.text, l.b.start, qa, qb) })),
  };
}

export { wordDiff };

function allDocs(db: Db): CompareDoc[] {
  const ids = db.prepare<[], { id: string }>('SELECT id FROM documents ORDER BY published IS NULL, published, title, id').all().map((r) => r.id);
  return ids.map((id) => loadCompareDoc(db, id));
}

const statementsMemo = new WeakMap<Db, { fingerprint: string; clusters: Cluster[] }>();

/** Statements across the library, computed once per state of the library. */
function clusters(db: Db): Cluster[] {
  const fingerprint = libraryFingerprint(db);
  const memo = statementsMemo.get(db);
  if (memo && memo.fingerprint === fingerprint) return memo.clusters;
  const row = db.prepare<[string], { data: string }>('SELECT data FROM compare_statements WHERE fingerprint = ?').get(fingerprint);
  let result: Cluster[];
  if (row) result = JSON.parse(row.data) as Cluster[];
  else {
    pruneCache(db);
    const docs = allDocs(db);
    const weights = (): ReturnType<typeof libraryWeights> => libraryWeights(db, fingerprint);
    const pairs: Array<{ a: number; b: number; links: RawLink[] }> = [];
    const alignAll = (): void => {
      for (let i = 0; i < docs.length; i++) {
        for (let j = i + 1; j < docs.length; j++) {
          pairs.push({ a: i, b: j, links: pairLinks(db, docs[i], docs[j], weights).links });
        }
      }
    };
    // One transaction for every pair's cache row, not one each.
    if (db.readonly) alignAll();
    else inTransaction(db, alignAll);
    result = buildStatements(docs, pairs);
    if (!db.readonly) {
      inTransaction(db, () => {
        db.prepare('DELETE FROM compare_statements').run();
        db.prepare('INSERT INTO compare_statements (fingerprint, data, created_at) VALUES (?, ?, ?)').run(fingerprint, JSON.stringify(result), new Date().toISOString());
      });
    }
  }
  statementsMemo.set(db, { fingerprint, clusters: result });
  return result;
}

/** Statements (clusters of linked sentences) across the whole library, most widely carried first. */
export function getStatements(db: Db): Statement[] {
  return clusters(db).map((c) => ({
    id: c.id,
    text: c.text,
    documents: c.documents,
    sources: c.sources.map(({ docId, start, end, text, kind }) => ({ docId, start, end, text, kind })),
  }));
}

export type { Coverage } from '../../api/contract/compare.js';

export interface CoverageRow extends Statement {
  text: string;
  documents: number;
  cells: Record<string, Coverage>;
}

/**
 * Statements x documents: for each statement, whether each document carries it in the
 * statement's wording (present), in other words (variant), or not at all (absent). With
 * docIds, only statements that at least two of those documents carry (or one, when only one
 * document is asked for).
 */
export function coverageMatrix(db: Db, docIds?: readonly string[]): { documents: string[]; statements: CoverageRow[] } {
  const known = new Set(db.prepare<[], { id: string }>('SELECT id FROM documents').all().map((r) => r.id));
  for (const id of docIds ?? []) {
    if (!known.has(id)) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
  }
  const columns = docIds && docIds.length > 0 ? [...new Set(docIds)] : allDocs(db).map((d) => d.id);
  const need = Math.min(2, columns.length);
  const rows: CoverageRow[] = [];
  for (const s of getStatements(db)) {
    const sources = s.sources.filter((x) => columns.includes(x.docId));
    const carried = new Set(sources.map((x) => x.docId));
    if (carried.size < need) continue;
    const cells: Record<string, Coverage> = {};
    for (const id of columns) {
      const mine = sources.filter((x) => x.docId === id);
      cells[id] = mine.length === 0 ? 'absent' : mine.some((x) => x.kind === 'same') ? 'present' : 'variant';
    }
    rows.push({ ...s, text: s.text ?? '', sources, documents: carried.size, cells });
  }
  // Stable: ties keep the library's reading order.
  rows.sort((x, y) => y.documents - x.documents);
  return { documents: columns, statements: rows };
}

/** Sentences in other documents that say what [span] of docId says. */
export function findCounterparts(db: Db, docId: string, span: Span): Counterpart[] {
  const me = loadCompareDoc(db, docId);
  const others = db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE id <> ? ORDER BY id').all(docId).map((r) => r.id);
  const out: Counterpart[] = [];
  for (const id of others) {
    const other = loadCompareDoc(db, id);
    const { links } = pairLinks(db, me, other);
    for (const l of links) {
      const mine = side(me, l.a);
      if (!(mine.start < span.end && span.start < mine.end) && !(span.start === span.end && mine.start <= span.start && span.start <= mine.end)) continue;
      const theirs = side(other, l.b);
      out.push({ docId: id, start: theirs.start, end: theirs.end, text: theirs.text, score: l.score, kind: l.kind });
    }
  }
  return out.sort((x, y) => y.score - x.score || x.docId.localeCompare(y.docId) || x.start - y.start);
}
