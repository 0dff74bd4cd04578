import type { Db } from '../db/open.js';
import { foldPhrase, stem, STOPWORDS, tokenize } from './text.js';
import { BLANK, type CardKind } from './types.js';
import { docClozeOptions, docWhoSaid, selectClozes, type AssembleContext } from './gen/assemble.js';
import { buildIndex, partnersOf, postingsOf, statementGroups, type LibraryIndex, type StatementGroup } from './gen/crossdoc.js';
import { docGen, type DocGen } from './gen/doc.js';
import { disagreementCards, sourceLabels, whichSourcesCard, type GroupContext } from './gen/groupcards.js';

// Card generation: the phases of electron/core/study/gen/ put together for a set of documents.
// Per document: candidates (gen/candidates), blanks (gen/blanks), hygiene (gen/hygiene),
// assembly (gen/assemble), siblings (gen/siblings). Across documents: related documents and
// statement groups (gen/crossdoc), which-sources and disagreement cards (gen/groupcards).
// Output is deterministic for the same library.

export interface CardSource {
  docId: string;
  start: number;
  end: number;
}

export interface GeneratedCard {
  fingerprint: string;
  kind: Exclude<CardKind, 'highlight'>;
  prompt: string;
  answer: string;
  /** Other ways of giving the answer that count as right ("Stoltenberg" for "Jens Stoltenberg"). */
  alternatives: string[];
  /** Choice cards: what the reader chooses from, and the right ones. */
  options?: string[];
  answers?: string[];
  /** The full source sentence(s). */
  passage: string;
  /** What the answer is, compared across cards (a canonical name, a folded phrase). */
  answerKey: string;
  sources: CardSource[];
  score: number;
  reasons: string[];
  /** `s:<docId>:<sentenceIndex>`, `g:<statementGroupId>`, `h:<highlightId>`. */
  siblingKeys: string[];
  /** The document whose generation makes this card (regenerated when it or a related document changes). */
  ownerDoc: string;
}

export { BLANK };

const WHICH_PER_DOC = 2;

/** The distinctive words of a document, for the library index (stemmed, folded). */
export function docTerms(g: DocGen): string[] {
  return [...g.tf.keys()].sort();
}

export interface LibraryState {
  /** Every document of the library with its metadata, in id order. */
  docs: Array<{ id: string; title: string; outlet: string | null; published: string | null }>;
  /** Terms of every document whose terms are known. */
  terms: Map<string, readonly string[]>;
  /** Person speakers of every document. */
  speakers: Map<string, Map<string, number>>;
}

export interface GenerationPlan {
  /** Documents whose cards are made now (changed ones and those related to them). */
  owners: string[];
  index: LibraryIndex;
  partners: Map<string, string[]>;
  pairs: Array<[string, string]>;
}

/** Which documents' cards to remake when `changed` changed, and which pairs to align. */
export function planGeneration(state: LibraryState, changed: readonly string[]): GenerationPlan {
  const index = buildIndex(state.terms);
  const postings = postingsOf(index);
  const partners = new Map<string, string[]>();
  const partnersFor = (id: string): string[] => {
    let p = partners.get(id);
    if (!p) partners.set(id, (p = partnersOf(index, id, postings)));
    return p;
  };
  const present = new Set(state.docs.map((d) => d.id));
  const owners = new Set<string>();
  for (const id of changed) {
    if (!present.has(id)) continue;
    owners.add(id);
    for (const p of partnersFor(id)) owners.add(p);
  }
  const pairKeys = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const id of [...owners].sort()) {
    for (const p of partnersFor(id)) {
      const [a, b] = id < p ? [id, p] : [p, id];
      const k = `${a}|${b}`;
      if (pairKeys.has(k)) continue;
      pairKeys.add(k);
      pairs.push([a, b]);
    }
  }
  return { owners: [...owners].sort(), index, partners, pairs };
}

/** The cards of the owner documents of a plan. */
export function generateForPlan(db: Db, state: LibraryState, plan: GenerationPlan): GeneratedCard[] {
  const groups = statementGroups(db, plan.pairs);
  const inPlay = new Set<string>(plan.owners);
  for (const [a, b] of plan.pairs) {
    inPlay.add(a);
    inPlay.add(b);
  }
  const docs = new Map<string, DocGen>();
  for (const id of [...inPlay].sort()) {
    const g = docGen(db, id);
    if (g) docs.set(id, g);
  }
  const speakers = new Map<string, number>();
  for (const m of state.speakers.values()) for (const [name, n] of m) speakers.set(name, (speakers.get(name) ?? 0) + n);
  const outlets = [...new Set(state.docs.map((d) => d.outlet).filter((o): o is string => !!o))];
  const n = plan.index.docs;
  const ubiquitous = (key: string): boolean => {
    if (n < 3) return false;
    const words = key.split(' ').filter((w) => w.length > 1).map((w) => stem(w));
    return words.length > 0 && words.every((w) => (plan.index.df.get(w) ?? 0) > n * 0.6);
  };
  const labels = sourceLabels(state.docs);
  const coined = coinedPhrases([...docs.values()]);
  const ctx: GroupContext = {
    docs,
    groups,
    idf: plan.index.idf,
    speakers,
    outlets,
    ubiquitous,
    coined,
    labels,
    related: (id) => plan.partners.get(id) ?? [],
  } satisfies AssembleContext & GroupContext;
  const out: GeneratedCard[] = [];
  const clozeOptions = new Map<string, GeneratedCard[]>();
  const words = new Map<string, number>();
  for (const id of plan.owners) {
    const g = docs.get(id);
    if (!g) continue;
    clozeOptions.set(id, docClozeOptions(g, ctx));
    words.set(id, g.words);
    out.push(...docWhoSaid(g, ctx));
  }
  out.unshift(...selectClozes(clozeOptions, words));
  const owners = new Set(plan.owners);
  const done = new Set<string>();
  const which: GeneratedCard[] = [];
  for (const group of groups.values()) {
    if (done.has(group.id) || !owners.has(group.docs[0] as string)) continue;
    done.add(group.id);
    const w = whichSourcesCard(group, ctx);
    if (w) which.push(w);
    out.push(...disagreementCards(group, ctx));
  }
  // Which-sources questions are for the statements most sources carry: a few per document.
  const perOwner = new Map<string, number>();
  for (const w of which.sort((a, b) => (b.answers?.length ?? 0) - (a.answers?.length ?? 0) || b.score - a.score || (a.fingerprint < b.fingerprint ? -1 : 1))) {
    const n = perOwner.get(w.ownerDoc) ?? 0;
    if (n >= WHICH_PER_DOC) continue;
    perOwner.set(w.ownerDoc, n + 1);
    out.push(w);
  }
  return dedupe(out);
}



/** Short quotations (2-5 words, set inside a sentence) of the documents: coined phrases. */
function coinedPhrases(docs: readonly DocGen[]): Set<string> {
  const out = new Set<string>();
  for (const g of docs) {
    for (const q of g.doc.quotes) {
      const raw = g.doc.text.slice(q.start, q.end).replace(/^[\s,.;:…]+|[\s,.;:…!?]+$/gu, '');
      const words = tokenize(raw);
      if (words.length < 2 || words.length > 5 || words.every((w) => STOPWORDS.has(w.norm))) continue;
      out.add(foldPhrase(raw));
    }
  }
  return out;
}

/** One card per prompt and per fingerprint: the first (best) wins. */
function dedupe(cards: GeneratedCard[]): GeneratedCard[] {
  const seen = new Set<string>();
  const out: GeneratedCard[] = [];
  for (const c of cards) {
    const k = `${c.kind}|${c.prompt}`;
    if (seen.has(k) || seen.has(c.fingerprint)) continue;
    seen.add(k);
    seen.add(c.fingerprint);
    out.push(c);
  }
  return out;
}

export type { StatementGroup };
