import type { Db } from '../../db/open.js';
import { inTransaction } from '../../db/open.js';
import { libraryWeights, loadCompareDoc, statementLinks, type CompareDoc } from '../../compare/store.js';
import type { TermWeights } from '../../compare/features.js';
import { sha1 } from '../text.js';
import type { UnitInfo } from '../analysis.js';
import type { DocGen } from './doc.js';

// The cross-document half of generation: which documents are related (a cheap inverted index
// over each document's distinctive words, never all pairs), and which sentences of related
// documents make the same statement (compare's sentence links, from its per-pair cache).

export interface LibraryIndex {
  docs: number;
  df: Map<string, number>;
  terms: Map<string, readonly string[]>;
  /** 0..1: how rare a word is across documents. */
  idf(word: string): number;
}

export function buildIndex(terms: Map<string, readonly string[]>): LibraryIndex {
  const df = new Map<string, number>();
  for (const list of terms.values()) for (const w of list) df.set(w, (df.get(w) ?? 0) + 1);
  const n = terms.size;
  const max = Math.log(n + 1);
  return {
    docs: n,
    df,
    terms,
    idf: (w) => (n <= 1 ? 0.5 : Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) / max),
  };
}

/** How many of a document's rarest words are looked up to find its partners. */
const PROBE_WORDS = 40;
/** Words in more than this share of documents say nothing about relatedness. */
const COMMON_SHARE = 0.2;
export const MAX_PARTNERS = 3;
const MIN_SHARED = 4;

/** The documents most related to docId by shared distinctive words, best first (at most k). */
export function partnersOf(index: LibraryIndex, docId: string, postings: Map<string, string[]>, k = MAX_PARTNERS): string[] {
  const mine = index.terms.get(docId) ?? [];
  const limit = Math.max(2, Math.floor(index.docs * COMMON_SHARE));
  const probes = mine.filter((w) => (index.df.get(w) ?? 0) >= 2 && (index.df.get(w) ?? 0) <= limit).sort((a, b) => (index.df.get(a) ?? 0) - (index.df.get(b) ?? 0) || (a < b ? -1 : 1)).slice(0, PROBE_WORDS);
  const score = new Map<string, { s: number; n: number }>();
  for (const w of probes) {
    const idf = index.idf(w);
    for (const other of postings.get(w) ?? []) {
      if (other === docId) continue;
      const cur = score.get(other) ?? { s: 0, n: 0 };
      cur.s += idf;
      cur.n++;
      score.set(other, cur);
    }
  }
  return [...score.entries()]
    .filter(([, v]) => v.n >= MIN_SHARED)
    .sort((a, b) => b[1].s - a[1].s || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([id]) => id);
}

export function postingsOf(index: LibraryIndex): Map<string, string[]> {
  const limit = Math.max(2, Math.floor(index.docs * COMMON_SHARE));
  const postings = new Map<string, string[]>();
  for (const [doc, words] of index.terms) {
    for (const w of words) {
      const df = index.df.get(w) ?? 0;
      if (df < 2 || df > limit) continue;
      const list = postings.get(w);
      if (list) list.push(doc);
      else postings.set(w, [doc]);
    }
  }
  return postings;
}

/** A statement group: sentences of several documents that say the same thing. */
export interface StatementGroup {
  id: string;
  /** `docId:sentenceIndex` of every member sentence. */
  members: string[];
  docs: string[];
}

export const nodeKey = (docId: string, sentenceIndex: number): string => `${docId}:${sentenceIndex}`;

/** A statement is carried by at most this many sources in one group (larger ones are split). */
export const MAX_GROUP_DOCS = 8;

const docOfNode = (k: string): string => k.slice(0, k.lastIndexOf(':'));

/**
 * Statement groups over the given document pairs, from sentence links by shared words
 * (compare's alignByWords). Only pairs are aligned, never the whole library.
 *
 * Linking is not transitive (A ~ B and B ~ C do not make A ~ C), and in a large library the
 * closure of all links chains unrelated sentences through shared phrasing into one group of
 * hundreds of documents. So links join groups strongest first, and never when that would put
 * two separately linked sentences of one document together or carry the group past
 * MAX_GROUP_DOCS sources.
 */
export function statementGroups(db: Db, pairs: ReadonlyArray<readonly [string, string]>): Map<string, StatementGroup> {
  const parent = new Map<string, string>();
  const docsOf = new Map<string, Set<string>>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  const docs = new Map<string, CompareDoc>();
  const load = (id: string): CompareDoc | null => {
    let d = docs.get(id);
    if (!d) {
      try {
        d = loadCompareDoc(db, id);
      } catch {
        return null;
      }
      docs.set(id, d);
    }
    return d;
  };
  let weights: TermWeights | null = null;
  const w = (): TermWeights => (weights ??= libraryWeights(db));
  const found: Array<{ score: number; nodes: string[] }> = [];
  const run = (): void => {
    for (const [a, b] of pairs) {
      const A = load(a);
      const B = load(b);
      if (!A || !B) continue;
      for (const l of statementLinks(A, B, w())) {
        const from = A.sentences.slice(l.a.from, l.a.to).map((s) => nodeKey(a, s.index));
        const to = B.sentences.slice(l.b.from, l.b.to).map((s) => nodeKey(b, s.index));
        found.push({ score: l.score, nodes: [...from, ...to] });
      }
    }
  };
  if (db.readonly) run();
  else inTransaction(db, run);
  // Strongest first; a stable sort keeps the pairs' order among equals (deterministic).
  found.sort((x, y) => y.score - x.score);
  for (const { nodes } of found) {
    const roots = new Set<string>();
    const fresh: string[] = [];
    for (const k of nodes) {
      if (parent.has(k)) roots.add(find(k));
      else fresh.push(k);
    }
    const joined = new Set<string>();
    let clash = false;
    for (const r of roots) {
      for (const d of docsOf.get(r) ?? []) {
        if (joined.has(d)) clash = true;
        joined.add(d);
      }
    }
    for (const k of fresh) joined.add(docOfNode(k));
    if (clash || joined.size > MAX_GROUP_DOCS) continue;
    const root = [...roots, ...fresh].sort()[0] as string;
    for (const k of fresh) parent.set(k, k);
    for (const r of roots) parent.set(r, root);
    for (const k of fresh) parent.set(k, root);
    for (const r of roots) if (r !== root) docsOf.delete(r);
    docsOf.set(root, joined);
  }
  const byRoot = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const r = find(k);
    const list = byRoot.get(r);
    if (list) list.push(k);
    else byRoot.set(r, [k]);
  }
  const out = new Map<string, StatementGroup>();
  for (const members of byRoot.values()) {
    const docIds = [...new Set(members.map(docOfNode))].sort();
    if (docIds.length < 2) continue;
    members.sort();
    const g: StatementGroup = { id: sha1(members[0] as string).slice(0, 12), members, docs: docIds };
    for (const m of members) out.set(m, g);
  }
  return out;
}

/** Each document's content units by sentence index (the first unit holding the sentence). */
const unitBySentence = new WeakMap<DocGen, Map<number, UnitInfo>>();

function unitAt(g: DocGen, sentenceIndex: number): UnitInfo | undefined {
  let m = unitBySentence.get(g);
  if (!m) {
    m = new Map();
    for (const u of g.doc.units) {
      if (u.unit.boilerplate) continue;
      for (const i of u.unit.sentenceIndexes) if (!m.has(i)) m.set(i, u);
    }
    unitBySentence.set(g, m);
  }
  return m.get(sentenceIndex);
}

/** Resolved groups per set of documents in play: a large group is walked once, not once per card. */
const resolved = new WeakMap<ReadonlyMap<string, DocGen>, WeakMap<StatementGroup, readonly UnitInfo[]>>();

/**
 * Units of the documents at hand that belong to a statement group, in member order, each once.
 * Cached per (documents in play, group): every card of a statement group asks for them.
 */
export function unitsOfGroup(docs: ReadonlyMap<string, DocGen>, g: StatementGroup): UnitInfo[] {
  let perDocs = resolved.get(docs);
  if (!perDocs) resolved.set(docs, (perDocs = new WeakMap()));
  let units = perDocs.get(g);
  if (!units) {
    const out: UnitInfo[] = [];
    const seen = new Set<UnitInfo>();
    for (const m of g.members) {
      const cut = m.lastIndexOf(':');
      const d = docs.get(m.slice(0, cut));
      const u = d ? unitAt(d, Number(m.slice(cut + 1))) : undefined;
      if (u && !seen.has(u)) {
        seen.add(u);
        out.push(u);
      }
    }
    perDocs.set(g, (units = out));
  }
  return [...units];
}

/** Each unit's folded words as one string padded with spaces, for whole-phrase containment. */
const paddedKeys = new WeakMap<UnitInfo, string>();

function padded(u: UnitInfo): string {
  let k = paddedKeys.get(u);
  if (k === undefined) paddedKeys.set(u, (k = ` ${u.keys.join(' ')} `));
  return k;
}

/** Per resolved group: its units by each word they hold, in group order (a large group is not scanned per card). */
const byWord = new WeakMap<readonly UnitInfo[], Map<string, UnitInfo[]>>();

/** Units of a statement group (as unitsOfGroup) whose words contain a folded phrase as whole words. */
export function groupUnitsSaying(docs: ReadonlyMap<string, DocGen>, g: StatementGroup, foldedPhrase: string): UnitInfo[] {
  const want = ` ${foldedPhrase} `;
  const all = unitsOfGroup(docs, g);
  const first = foldedPhrase.split(' ')[0] ?? '';
  const resolvedUnits = resolved.get(docs)?.get(g);
  if (!first || !resolvedUnits) return all.filter((x) => padded(x).includes(want));
  let index = byWord.get(resolvedUnits);
  if (!index) {
    index = new Map();
    for (const u of resolvedUnits) {
      for (const w of new Set(padded(u).split(' '))) {
        if (!w) continue;
        const list = index.get(w);
        if (list) list.push(u);
        else index.set(w, [u]);
      }
    }
    byWord.set(resolvedUnits, index);
  }
  // A unit holding the phrase holds its first word as a whole word.
  return (index.get(first) ?? []).filter((x) => padded(x).includes(want));
}
