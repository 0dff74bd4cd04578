import type { UnitInfo } from '../analysis.js';
import type { TaggedTerm } from '../nlp.js';
import { fastTags } from './tagger.js';
import { foldPhrase, sha1, stem, STOPWORDS, tokenize } from '../text.js';
import type { GeneratedCard } from '../generate.js';
import { blankOptions, type BlankOption, type Distinctiveness } from './blanks.js';
import { scoreCandidate, type Candidate } from './candidates.js';
import { contentUnits, type DocGen } from './doc.js';
import { groupUnitsSaying, nodeKey, unitsOfGroup, type StatementGroup } from './crossdoc.js';
import { BLANK, checkBlank, MIN_CONTEXT_WORDS, notGivenAway, trimToClause } from './hygiene.js';
import { siblingKeys } from './siblings.js';

// Phase 4: card assembly for one document: one cloze per chosen key statement (the best blank
// that passes every hygiene rule; no second cloze from the same sentence), and who-said choice
// cards where the library has several speakers with comparable statements.

export interface AssembleContext {
  /** Analyses of the documents in play (this one and its related documents). */
  docs: ReadonlyMap<string, DocGen>;
  /** Statement groups by `docId:sentenceIndex`. */
  groups: ReadonlyMap<string, StatementGroup>;
  idf(word: string): number;
  /** Person speakers of the whole library with their number of quotations. */
  speakers: ReadonlyMap<string, number>;
  /** Outlets and sites the library knows (never answers). */
  outlets: readonly string[];
  /** Names so common in the library that blanking them tests nothing. */
  ubiquitous(key: string): boolean;
  /** Short phrases the documents in play quote (folded): coined phrases wherever they occur. */
  coined: ReadonlySet<string>;
}

/** A cloze is worth making when its statement and blank score at least this together. */
export const MIN_CARD_SCORE = 3.4;
/** Cards per document: about one per 40 words, at least 3 for an article of ordinary length. */
export function cardBudget(words: number): number {
  return Math.max(3, Math.min(40, Math.round(words / 40)));
}
const MIN_FOR_ARTICLE = 3;
/** A whole short sentence ("NATO is a [...].") needs this many words besides the blank. */
const MIN_WHOLE_CONTEXT = 3;
const WHO_PER_DOC = 3;

export function groupOf(ctx: AssembleContext, u: UnitInfo): StatementGroup | undefined {
  for (const i of u.unit.sentenceIndexes) {
    const g = ctx.groups.get(nodeKey(u.unit.docId, i));
    if (g) return g;
  }
  return undefined;
}

/** The document that makes the cards of a statement several documents carry: the first by id. */
export function ownsGroup(g: StatementGroup | undefined, docId: string): boolean {
  return !g || g.docs[0] === docId;
}

/** Units of other documents in the same statement group (when their analysis is at hand). */
export function groupUnits(ctx: AssembleContext, g: StatementGroup): UnitInfo[] {
  return unitsOfGroup(ctx.docs, g);
}

interface Chosen {
  cand: Candidate;
  blank: BlankOption;
  prompt: string;
  passage: string;
}

const tagged = new WeakMap<UnitInfo, TaggedTerm[]>();
function termsOf(u: UnitInfo): TaggedTerm[] {
  let t = tagged.get(u);
  if (!t) tagged.set(u, (t = fastTags(u.unit.text)));
  return t;
}

const setsMemo = new WeakMap<ReadonlyMap<string, DocGen>, Map<string, Set<string>>>();

/** The sets of names (a list in one sentence, sorted keys) of the documents in play, with the documents that name each. */
function nameSets(ctx: AssembleContext): Map<string, Set<string>> {
  let sets = setsMemo.get(ctx.docs);
  if (sets) return sets;
  sets = new Map();
  for (const g of ctx.docs.values()) {
    for (const u of g.doc.units) {
      const lists = new Map<number, string[]>();
      for (const sp of u.spans) if (sp.listId !== null) lists.set(sp.listId, [...(lists.get(sp.listId) ?? []), sp.key]);
      for (const keys of lists.values()) {
        const k = [...new Set(keys)].sort().join('|');
        if (!sets.has(k)) sets.set(k, new Set());
        sets.get(k)?.add(g.id);
      }
    }
  }
  setsMemo.set(ctx.docs, sets);
  return sets;
}

/** What two answers are compared by when "the same answer in other words" matters: their content stems. */
export function answerStems(answer: string): string {
  return tokenize(answer)
    .filter((t) => !STOPWORDS.has(t.norm))
    .map((t) => stem(t.norm))
    .join(' ');
}

/** A blank this far below the sentence's best is not worth taking just because the best is asked already. */
const FRESH_MARGIN = 1.5;

/**
 * The best blank of a candidate sentence that passes every rule, with its prompt. `asked`: the
 * answers (answerStems) the document's better sentences already ask; a fresh blank not much
 * worse than an already asked one is preferred, since the same answer twice teaches nothing new.
 */
export function chooseBlank(cand: Candidate, g: DocGen, ctx: AssembleContext, asked: ReadonlySet<string> = new Set()): Chosen | null {
  const u = cand.unit;
  const text = u.unit.text;
  const d: Distinctiveness = { idf: ctx.idf, tf: (w) => g.tf.get(w) ?? 0 };
  const sets = nameSets(ctx);
  const options = blankOptions({ text, spans: u.spans, terms: termsOf(u), kind: cand.kind, ubiquitous: ctx.ubiquitous, d, coined: ctx.coined, setDocs: (keys) => sets.get(keys.join('|'))?.size ?? 0 });
  const outlets = [...ctx.outlets, ...(g.outlet ? [g.outlet] : [])];
  let repeat: Chosen | null = null;
  for (const b of options) {
    if (repeat && b.score < repeat.blank.score - FRESH_MARGIN) break;
    if (!checkBlank(text, b.start, b.end, outlets).ok) continue;
    // Who said a quotation is its own card; the speaker is never the blank of their own words.
    if (b.role === 'name' && u.speakers.some((s) => s.name === b.text || s.name.endsWith(` ${b.text}`))) continue;
    const trimmed = trimToClause(text, b.start, b.end);
    if (!trimmed) continue;
    const cut = trimmed.from > 0 || trimmed.to < text.length;
    if (tokenize(trimmed.prompt.replace(BLANK, ' ')).length < (cut ? MIN_CONTEXT_WORDS : MIN_WHOLE_CONTEXT)) continue;
    if (!notGivenAway(trimmed.prompt, b.text)) continue;
    const chosen = { cand, blank: b, prompt: trimmed.prompt, passage: text };
    if (!asked.has(answerStems(b.text))) return chosen;
    repeat ??= chosen;
  }
  return repeat;
}

const SAY_OUTSIDE = /\b(?:said|says|added|adds|explained|emphasi[sz]ed|stated|stressed|warned|noted|pointed out|told|according to|concluded)\b/i;

/** The speaker of a sentence that is their quotation and does not say so itself. */
function attribution(u: UnitInfo): string | null {
  const person = u.speakers.find((s) => s.kind === 'person');
  if (!person || u.quoteCover < 0.6) return null;
  const outside = u.unit.text.replace(/[“"][^”"]*[”"]?/gu, ' ');
  return SAY_OUTSIDE.test(outside) || /^\s*(?:he|she|they)\b/i.test(outside) ? null : person.name;
}

function clozeCard(c: Chosen, g: DocGen, ctx: AssembleContext, group: StatementGroup | undefined): GeneratedCard {
  const u = c.cand.unit;
  const others = group ? groupUnitsSaying(ctx.docs, group, foldPhrase(c.blank.text)).filter((x) => x !== u) : [];
  const sources = [u, ...others];
  const speaker = attribution(u);
  // Where a speaker's own words are asked, the question says who spoke (what did X say).
  const prompt = speaker && !c.prompt.includes(speaker.split(' ').at(-1) as string) ? `${speaker}: ${c.prompt}` : c.prompt;
  const answerKey = `${c.blank.role}:${foldPhrase(c.blank.text)}`;
  return {
    fingerprint: sha1(`cloze|${foldPhrase(c.passage)}|${answerKey}`),
    kind: 'cloze',
    prompt,
    answer: c.blank.text,
    alternatives: alternativesOf(c.blank),
    passage: c.passage,
    answerKey,
    sources: sources.map((x) => ({ docId: x.unit.docId, start: x.unit.start, end: x.unit.end })),
    score: Math.round((c.cand.score + c.blank.score) * 100) / 100,
    reasons: [`blanks ${ROLE_LABEL[c.blank.role]}`, ...c.cand.reasons],
    siblingKeys: siblingKeys(sources, group ? [group.id] : [], g.highlights),
    ownerDoc: g.id,
  };
}

const ROLE_LABEL: Record<BlankOption['role'], string> = {
  quote: 'the quoted phrase',
  object: 'what the statement is about',
  phrase: 'a key phrase',
  set: 'the whole set',
  figure: 'a figure',
  name: 'a name',
  date: 'a date',
};

function alternativesOf(b: BlankOption): string[] {
  const alts = new Set<string>();
  if (b.role === 'name') {
    const parts = b.text.split(/\s+/);
    if (parts.length >= 2 && /^\p{Lu}/u.test(parts.at(-1) ?? '')) alts.add(parts.at(-1) as string);
  }
  const stripped = b.text.replace(/^(?:the|a|an)\s+/i, '');
  if (stripped !== b.text) alts.add(stripped);
  return [...alts];
}

/** Every cloze one document offers (its best blank per key statement), best first. */
export function docClozeOptions(g: DocGen, ctx: AssembleContext): GeneratedCard[] {
  const carriedBy = (u: UnitInfo): number => groupOf(ctx, u)?.docs.length ?? 1;
  const cands = contentUnits(g)
    .map((u) => scoreCandidate(u, { carriedBy }))
    .filter((c): c is Candidate => c !== null)
    .sort((a, b) => b.score - a.score || a.unit.unit.start - b.unit.unit.start);
  const out: GeneratedCard[] = [];
  const seenSentences = new Set<string>();
  // Tag (the slow part) only as many sentences as could make the deck, with a margin for
  // sentences without a fit blank and answers other documents already ask.
  const budget = cardBudget(g.words);
  const asked = new Set<string>();
  for (const cand of cands.slice(0, Math.ceil(budget * 1.25) + 3)) {
    const text = foldPhrase(cand.unit.unit.text);
    if (seenSentences.has(text)) continue;
    seenSentences.add(text);
    const c = chooseBlank(cand, g, ctx, asked);
    if (!c) continue;
    asked.add(answerStems(c.blank.text));
    out.push(clozeCard(c, g, ctx, groupOf(ctx, cand.unit)));
  }
  return out.sort((a, b) => b.score - a.score || (a.fingerprint < b.fingerprint ? -1 : 1));
}

/**
 * The clozes of several documents chosen together: best first, each document up to its
 * budget, the same answer at most twice, a statement several sources carry at most twice (for
 * different answers); then every article of ordinary length gets at least MIN_FOR_ARTICLE.
 */
export function selectClozes(options: ReadonlyMap<string, GeneratedCard[]>, words: ReadonlyMap<string, number>): GeneratedCard[] {
  const all = [...options.values()].flat().sort((a, b) => b.score - a.score || (a.fingerprint < b.fingerprint ? -1 : 1));
  const perDoc = new Map<string, number>();
  const perAnswer = new Map<string, number>();
  const perGroup = new Map<string, string[]>();
  const chosen = new Set<GeneratedCard>();
  const fits = (c: GeneratedCard, strict: boolean): boolean => {
    // "defense alliance" and "defensive alliance" are one answer.
    const answer = answerStems(c.answer);
    if ((perAnswer.get(c.answerKey) ?? 0) >= (strict ? 2 : 3)) return false;
    const group = c.siblingKeys.find((k) => k.startsWith('g:'));
    const asked = group ? (perGroup.get(group) ?? []) : [];
    if (group && (asked.length >= (strict ? MAX_PER_GROUP : MAX_PER_GROUP + 1) || asked.some((a) => a.includes(answer) || answer.includes(a)))) return false;
    return true;
  };
  const take = (c: GeneratedCard): void => {
    chosen.add(c);
    perDoc.set(c.ownerDoc, (perDoc.get(c.ownerDoc) ?? 0) + 1);
    perAnswer.set(c.answerKey, (perAnswer.get(c.answerKey) ?? 0) + 1);
    const group = c.siblingKeys.find((k) => k.startsWith('g:'));
    if (group) perGroup.set(group, [...(perGroup.get(group) ?? []), answerStems(c.answer)]);
  };
  for (const c of all) {
    if (c.score < MIN_CARD_SCORE) break;
    if ((perDoc.get(c.ownerDoc) ?? 0) >= cardBudget(words.get(c.ownerDoc) ?? 0)) continue;
    if (fits(c, true)) take(c);
  }
  // An article of ordinary length always yields a few cards: its best remaining statements.
  for (const [doc, list] of options) {
    const need = (words.get(doc) ?? 0) >= 300 ? MIN_FOR_ARTICLE : 1;
    for (const c of list) {
      if ((perDoc.get(doc) ?? 0) >= need) break;
      if (!chosen.has(c) && fits(c, false)) take(c);
    }
  }
  return all.filter((c) => chosen.has(c));
}

const MAX_PER_GROUP = 2;

/** Speakers whose statements can be told apart: 2+ quoted people, none with most of the quotations. */
export function comparableSpeakers(speakers: ReadonlyMap<string, number>): string[] {
  const list = [...speakers.entries()].filter(([, n]) => n >= 1).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (list.length < 2) return [];
  const total = list.reduce((s, [, n]) => s + n, 0);
  if ((list[0] as [string, number])[1] / total > 0.7) return [];
  return list.map(([name]) => name);
}

/** Who-said choice cards of one document: the quotation, the speaker among 3-4 of the library's speakers. */
export function docWhoSaid(g: DocGen, ctx: AssembleContext): GeneratedCard[] {
  const speakers = comparableSpeakers(ctx.speakers);
  // A choice needs 3-4 options: the speaker and 2-3 others.
  if (speakers.length < 3) return [];
  const out: GeneratedCard[] = [];
  const quotes = g.doc.quotes.filter((q) => q.speaker?.kind === 'person' && speakers.includes(q.speaker.name));
  const ranked = quotes
    .map((q) => {
      const text = g.doc.text.slice(q.start, q.end).replace(/\s+/g, ' ').trim();
      const words = tokenize(text).length;
      const unit = g.doc.units.find((u) => !u.unit.boilerplate && u.unit.start <= q.start && q.start < u.unit.end);
      return { q, text, words, unit };
    })
    .filter((x) => x.words >= 6 && x.words <= 45 && x.unit)
    .sort((a, b) => (b.unit?.score ?? 0) - (a.unit?.score ?? 0) || a.q.start - b.q.start);
  for (const x of ranked) {
    if (out.length >= WHO_PER_DOC) break;
    const speaker = x.q.speaker?.name as string;
    const folded = ` ${foldPhrase(x.text)} `;
    if (speaker.split(/\s+/).some((p) => p.length > 2 && folded.includes(` ${foldPhrase(p)} `))) continue;
    const distractors = speakers.filter((s) => s !== speaker).slice(0, 3);
    const options = [speaker, ...distractors].sort((a, b) => sha1(`${x.text}|${a}`).localeCompare(sha1(`${x.text}|${b}`)));
    const unit = x.unit as UnitInfo;
    const group = groupOf(ctx, unit);
    out.push({
      fingerprint: sha1(`who|${foldPhrase(x.text)}|${speaker.toLowerCase()}`),
      kind: 'who-said',
      prompt: `Who said: “${x.text.replace(/[\s,;:]+$/u, '')}”?`,
      answer: speaker,
      alternatives: speaker.includes(' ') ? [speaker.split(' ').at(-1) as string] : [],
      options,
      answers: [speaker],
      passage: unit.unit.text,
      answerKey: `speaker:${speaker.toLowerCase()}`,
      sources: [{ docId: g.id, start: unit.unit.start, end: unit.unit.end }],
      score: Math.round((unit.score + 1) * 100) / 100,
      reasons: [`quotation attributed to ${speaker}`, `${speakers.length} speakers in the library`],
      siblingKeys: siblingKeys([unit], group ? [group.id] : [], g.highlights),
      ownerDoc: g.id,
    });
  }
  return out;
}

export { BLANK };
