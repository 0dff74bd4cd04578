import type { Db } from '../db/open.js';
import { getDocument, getPassages, getSentences, listDocuments } from '../corpus/store.js';
import { getStatements, type Statement } from '../compare/index.js';
import { listHighlights, type HighlightRecord } from '../annotate/index.js';
import { buildUnits, type Unit } from './units.js';
import { findQuotations, type Quotation } from './quotes.js';
import { dropOverlaps, findNames, findQuantities, MULTIWORD_PLACES, ROLE_WORDS, type NameMention, type SpanType } from './entities.js';
import { lexiconTags, lexiconSaysName, type TaggedTerm } from './nlp.js';
import { fastTags } from './gen/tagger.js';
import { contentWords, fold, foldPhrase, jaccard, containment, sha1, stem, STOPWORDS, tokenize, type Token } from './text.js';

// One pass over the whole library that everything in study builds on: units, names and what
// kind of thing each is, quotations and their speakers, which statements several sources
// carry, and a score with reasons for every unit. Cached per database and input fingerprint.

export type NameClass = 'person' | 'place' | 'org' | 'name' | 'designator' | 'reject';

export interface Speaker {
  kind: 'person' | 'group';
  /** Canonical name ("Jens Stoltenberg") or the group as written ("the joint statement"). */
  name: string;
}

export interface ResolvedQuote extends Quotation {
  docId: string;
  speaker: Speaker | null;
}

export interface AnswerSpan {
  /** Offsets inside the unit's text. */
  start: number;
  end: number;
  type: SpanType;
  text: string;
  /** What two answers are compared by: a canonical name or a folded phrase. */
  key: string;
  /** Index of the list this item belongs to ("Bosnia and Herzegovina, Georgia and Moldova"). */
  listId: number | null;
}

export interface NameRef {
  key: string;
  cls: NameClass;
  start: number;
  end: number;
}

export interface UnitInfo {
  idx: number;
  unit: Unit;
  /** Units with exactly the same text share a group (and their analysis). */
  group: number;
  /** Units that say the same thing (same text, near-duplicates, compare's statements). */
  cluster: number;
  spans: AnswerSpan[];
  mentions: NameRef[];
  /** Share of the unit's characters inside quotation marks. */
  quoteCover: number;
  speakers: Speaker[];
  keyPhrases: string[];
  highlights: number;
  /** The unit's words (shared by units with the same text), and each folded as foldPhrase would. */
  tokens: Token[];
  keys: string[];
  /** Says what a document's title says. */
  headline: boolean;
  sourceDocs: string[];
  score: number;
  reasons: string[];
}

export interface NameInfo {
  key: string;
  display: string;
  cls: NameClass;
  unitCount: number;
  docCount: number;
}

export interface DocInfo {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  /** Short name for the source in answers and exports. */
  label: string;
  text: string;
  units: UnitInfo[];
  quotes: ResolvedQuote[];
}

export interface CorpusAnalysis {
  fingerprint: string;
  docs: DocInfo[];
  docById: Map<string, DocInfo>;
  units: UnitInfo[];
  contentUnits: number;
  names: Map<string, NameInfo>;
  keyPhrases: Map<string, { text: string; docs: number }>;
  statements: Statement[];
  /** A name or term so common in this library that blanking it tests nothing. */
  isUbiquitous(key: string): boolean;
  termCounts: Map<string, number>;
}

/** Bump when the analysis or the generator changes in a way that should regenerate cards. */
export const ANALYSIS_VERSION = 3;

interface Group {
  text: string;
  units: number[];
  tokens: Token[];
  /** Each token folded for phrase comparison (as foldPhrase would). */
  keys: string[];
  /** Content words, lightly stemmed, for overlap measures. */
  bag: Set<string>;
  /** compromise's tags, computed when first needed. */
  tagged: TaggedTerm[] | null;
  quantities: ReturnType<typeof findQuantities>;
  names: NameMention[];
}

/** Key terms are looked for only in sentences scoring at least this (others make no cards). */
export const TERM_MIN_UNIT_SCORE = 3.5;

function tokenKey(norm: string): string {
  return norm.replace(/'s$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface NameVotes {
  display: Map<string, number>;
  person: number;
  place: number;
  org: number;
  designator: number;
  reject: number;
  units: Set<number>;
  docs: Set<string>;
  tokens: number;
}

const PLACE_HEADS = new Set(['sea', 'ocean', 'river', 'mountains', 'balkans', 'region', 'peninsula', 'strait', 'gulf', 'bay', 'island', 'islands', 'coast', 'valley', 'republic', 'kingdom', 'oblast', 'province', 'city']);
const ORG_HEADS = new Set(
  'summit package policy concept charter declaration treaty agreement plan strategy initiative programme program conference council alliance union department ministry organization organisation congress parliament commission group forces army navy agency bank fund court office assembly committee institute university party government'.split(' '),
);
const PLACE_BEFORE = new Set(['in', 'near', 'from', 'to', 'across', 'throughout', 'into', 'towards', 'toward', 'visit', 'visited', 'capital']);
const PRONOUN_SPEAKER = /^(?:he|she|him|her)$/i;
const GROUP_SPEAKER = /\b(?:statement|declaration|communiqu[eé]|ministers?|allies|leaders|alliance|nato|members|diplomacy|government|officials?|spokesperson|they|we)\b/i;

const cache = new WeakMap<Db, CorpusAnalysis>();

/**
 * The analysis for the library as it is now (recomputed when documents, highlights or
 * statements change). withStatements: false leaves out compare's alignment (benchmarks
 * measure it on its own).
 */
export function analyseLibrary(db: Db, options: { withStatements?: boolean } = {}): CorpusAnalysis {
  const docs = listDocuments(db);
  // Highlights and alignment are other features' data: if either fails, study goes on
  // without that signal rather than failing as a whole.
  const highlights = optional(() => listHighlights(db), 'highlights');
  const statements = options.withStatements === false ? [] : optional(() => getStatements(db), 'alignment statements');
  const fingerprint = inputFingerprint(
    docs.map((d) => `${d.id}:${d.contentHash}:${d.title}:${d.outlet ?? ''}`),
    highlights,
    statements,
  );
  const cached = cache.get(db);
  if (cached && cached.fingerprint === fingerprint) return cached;
  const loaded = docs.flatMap((m) => {
    const d = getDocument(db, m.id);
    if (!d) return [];
    return [{ id: d.id, title: d.title, outlet: d.outlet, published: d.published, text: d.text, passages: getPassages(db, d.id), sentences: getSentences(db, d.id) }];
  });
  const analysis = analyse(loaded, highlights, statements, fingerprint);
  cache.set(db, analysis);
  return analysis;
}

function optional<T>(fn: () => T[], what: string): T[] {
  try {
    return fn();
  } catch (e) {
    process.stderr.write(`[parallax] study: ${what} unavailable (${(e as Error)?.message ?? String(e)}); going on without them\n`);
    return [];
  }
}

export function inputFingerprint(docKeys: string[], highlights: HighlightRecord[], statements: Statement[]): string {
  const h = highlights.map((x) => `${x.id}:${x.docId}:${x.start}:${x.end}`).sort();
  const s = statements.map((st) => st.sources.map((x) => `${x.docId}:${x.start}:${x.end}`).sort().join(',')).sort();
  return sha1(JSON.stringify([ANALYSIS_VERSION, [...docKeys].sort(), h, s]));
}

export interface LoadedDoc {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  text: string;
  passages: ReturnType<typeof getPassages>;
  sentences: ReturnType<typeof getSentences>;
}

export function analyse(loaded: LoadedDoc[], highlights: HighlightRecord[], statements: Statement[], fingerprint = ''): CorpusAnalysis {
  // A. Units.
  const units: UnitInfo[] = [];
  const docs: DocInfo[] = [];
  for (const d of loaded) {
    const info: DocInfo = { id: d.id, title: d.title, outlet: d.outlet, published: d.published, label: sourceLabel(d), text: d.text, units: [], quotes: [] };
    for (const u of buildUnits(d.id, d.text, d.passages, d.sentences, d.title)) {
      const ui: UnitInfo = { idx: units.length, unit: u, group: -1, cluster: -1, spans: [], mentions: [], quoteCover: 0, speakers: [], keyPhrases: [], highlights: 0, tokens: [], keys: [], headline: false, sourceDocs: [d.id], score: 0, reasons: [] };
      units.push(ui);
      info.units.push(ui);
    }
    docs.push(info);
  }
  disambiguateLabels(docs);
  const docById = new Map(docs.map((d) => [d.id, d]));
  const content = units.filter((u) => !u.unit.boilerplate);

  // B. Groups of identical sentences: tokens, quantities and names are found once per text.
  const groups: Group[] = [];
  const groupOf = new Map<string, number>();
  for (const u of content) {
    let g = groupOf.get(u.unit.text);
    if (g === undefined) {
      g = groups.length;
      groupOf.set(u.unit.text, g);
      const tokens = tokenize(u.unit.text);
      groups.push({
        text: u.unit.text,
        units: [],
        tokens,
        keys: tokens.map((t) => tokenKey(t.norm)),
        bag: new Set(tokens.filter((t) => !STOPWORDS.has(t.norm) && t.norm.length >= 2).map((t) => stem(t.norm))),
        tagged: null,
        quantities: [],
        names: [],
      });
    }
    const group = groups[g] as Group;
    group.units.push(u.idx);
    u.group = g;
    u.tokens = group.tokens;
    u.keys = group.keys;
  }
  // Words seen in lower case, and capitalised words seen inside sentences: a capitalised
  // word at a sentence start is a name only when it is one elsewhere (or the tagger says so).
  const lowerVocab = new Set<string>();
  const capitalMid = new Set<string>();
  for (const g of groups) {
    g.tokens.forEach((t, i) => {
      if (/^\p{Ll}/u.test(t.text)) lowerVocab.add(t.norm);
      else if (i > 0 && /^\p{Lu}/u.test(t.text) && !/[.!?:;“"(•]\s*$/u.test(g.text.slice(Math.max(0, t.start - 3), t.start))) capitalMid.add(t.norm.replace(/'s$/, ''));
    });
  }
  for (const g of groups) {
    const isCommon = (w: string, pos: number): boolean => {
      if (STOPWORDS.has(w) || lowerVocab.has(w)) return true;
      if (capitalMid.has(w)) return false;
      const known = lexiconSaysName(w);
      if (known !== null) return !known;
      if (/(?:ing|ed|ly)$/.test(w)) return true;
      // Unknown to the lexicon and capitalised only here: a name unless its ending says it is
      // an ordinary word (tagging the sentence for this cost more than the rest of the analysis).
      void pos;
      return /(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ous|ful|less|able|ible|ive|ally)$/.test(w);
    };
    g.quantities = findQuantities(g.text);
    g.names = findNames(g.text, isCommon, g.tokens);
  }

  // C. What kind of thing each name is, voted over every mention in the library, from
  // compromise's lexicon and the words around it (tagging every sentence would cost more
  // than everything else together).
  const votes = new Map<string, NameVotes>();
  for (const g of groups) {
    for (const m of g.names) {
      const key = nameKey(m.text);
      if (!key) continue;
      let v = votes.get(key);
      if (!v) {
        v = { display: new Map(), person: 0, place: 0, org: 0, designator: 0, reject: 0, units: new Set(), docs: new Set(), tokens: key.split(' ').length };
        votes.set(key, v);
      }
      const display = m.text.replace(/^the\s+/i, '');
      v.display.set(display, (v.display.get(display) ?? 0) + g.units.length);
      for (const ui of g.units) {
        v.units.add(ui);
        v.docs.add((units[ui] as UnitInfo).unit.docId);
      }
      vote(v, m, g.units.length, g.text);
    }
  }
  const names = new Map<string, NameInfo>();
  for (const [key, v] of votes) {
    const display = [...v.display.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? key;
    names.set(key, { key, display, cls: classify(v, key), unitCount: v.units.size, docCount: v.docs.size });
  }
  // "Dmytro Kuleba" is a person when "Foreign Minister Kuleba" is.
  for (const n of names.values()) {
    const parts = n.key.split(' ');
    if (n.cls === 'name' && parts.length >= 2 && parts.length <= 3 && names.get(parts.at(-1) as string)?.cls === 'person') n.cls = 'person';
  }
  // A surname on its own is the person named in full elsewhere ("Stoltenberg" -> "Jens Stoltenberg").
  const alias = new Map<string, string>();
  const surnames = new Map<string, string[]>();
  for (const n of names.values()) {
    if (n.cls !== 'person') continue;
    const parts = n.key.split(' ');
    if (parts.length >= 2) {
      const last = parts.at(-1) as string;
      surnames.set(last, [...(surnames.get(last) ?? []), n.key]);
    }
  }
  for (const [last, full] of surnames) {
    if (full.length !== 1) continue;
    const fullKey = full[0] as string;
    alias.set(last, fullKey);
    const single = names.get(last);
    const fullInfo = names.get(fullKey) as NameInfo;
    if (single) {
      fullInfo.unitCount += single.unitCount;
      fullInfo.docCount = Math.max(fullInfo.docCount, single.docCount);
      single.cls = 'person';
    }
  }
  const canonical = (key: string): string => alias.get(key) ?? key;
  const displayOf = (key: string): string => names.get(canonical(key))?.display ?? key;

  // Per-unit mentions with canonical keys.
  for (const u of content) {
    const g = groups[u.group] as Group;
    u.mentions = g.names.flatMap((m) => {
      const key = nameKey(m.text);
      const info = names.get(key);
      if (!key || !info) return [];
      return [{ key: canonical(key), cls: info.cls, start: m.start, end: m.end }];
    });
  }

  // G/H. Quotations, speakers, and which units they cover.
  const roleMap = buildRoleMap(groups, canonical, names);
  for (const d of docs) {
    const quotes = findQuotations(d.text);
    // People named outside quotations: who "he" or "she" can refer to.
    const insideQuote = (pos: number): boolean => quotes.some((q) => q.start <= pos && pos < q.end);
    const personMentions: Array<{ pos: number; key: string }> = [];
    for (const u of d.units) {
      for (const m of u.mentions) if (m.cls === 'person' && !insideQuote(u.unit.start + m.start)) personMentions.push({ pos: u.unit.start + m.start, key: m.key });
    }
    personMentions.sort((a, b) => a.pos - b.pos);
    const resolved: ResolvedQuote[] = quotes.map((q) => ({ ...q, docId: d.id, speaker: null }));
    for (let i = 0; i < resolved.length; i++) {
      const q = resolved[i] as ResolvedQuote;
      if (q.speakerPhrase) q.speaker = resolveSpeaker(q.speakerPhrase, q.speakerStart, d.text, personMentions, roleMap, names, canonical, displayOf);
      else if (q.continuesPrevious && i > 0) q.speaker = (resolved[i - 1] as ResolvedQuote).speaker;
    }
    for (let i = resolved.length - 2; i >= 0; i--) {
      const q = resolved[i] as ResolvedQuote;
      if (q.continuesNext && !q.speaker) q.speaker = (resolved[i + 1] as ResolvedQuote).speaker;
    }
    d.quotes = resolved;
    for (const u of d.units) {
      if (u.unit.boilerplate) continue;
      let covered = 0;
      for (const q of resolved) {
        const a = Math.max(q.start, u.unit.start);
        const b = Math.min(q.end, u.unit.end);
        if (b > a) {
          covered += b - a;
          if (q.speaker && !u.speakers.some((s) => s.name === q.speaker?.name)) u.speakers.push(q.speaker);
        }
      }
      u.quoteCover = Math.min(1, covered / Math.max(1, u.unit.end - u.unit.start));
    }
  }

  // Key phrases: short quotations set inside a sentence ("as long as it takes"), which the
  // sources single out; kept when several documents carry them or a person said them.
  const phraseCandidates = new Map<string, { text: string; person: boolean }>();
  for (const d of docs) {
    for (const q of d.quotes) {
      const raw = d.text.slice(q.start, q.end).replace(/^[\s,.;:…]+|[\s,.;:…]+$/gu, '');
      const words = tokenize(raw);
      if (words.length < 2 || words.length > 8) continue;
      const unit = d.units.find((u) => u.unit.start <= q.start && q.end <= u.unit.end + 2);
      if (!unit || unit.unit.boilerplate) continue;
      if (raw.length > 0.6 * unit.unit.text.length) continue;
      if (words.every((w) => STOPWORDS.has(w.norm))) continue;
      const key = foldPhrase(raw);
      const prev = phraseCandidates.get(key);
      phraseCandidates.set(key, { text: prev?.text ?? raw, person: (prev?.person ?? false) || q.speaker?.kind === 'person' });
    }
  }
  // Which groups contain which candidate phrase: look their 2-8 word runs up in the set.
  const firstWords = new Set([...phraseCandidates.keys()].map((k) => k.split(' ')[0] as string));
  const groupPhrases: string[][] = groups.map((g) => {
    const found: string[] = [];
    if (!phraseCandidates.size) return found;
    for (let i = 0; i < g.keys.length; i++) {
      if (!firstWords.has(g.keys[i] as string)) continue;
      let key = g.keys[i] as string;
      for (let n = 2; n <= 8 && i + n <= g.keys.length; n++) {
        key += ` ${g.keys[i + n - 1] as string}`;
        if (phraseCandidates.has(key) && !found.includes(key)) found.push(key);
      }
    }
    return found;
  });
  const phraseDocs = new Map<string, Set<string>>();
  groups.forEach((g, gi) => {
    for (const key of groupPhrases[gi] as string[]) {
      const set = phraseDocs.get(key) ?? new Set<string>();
      for (const ui of g.units) set.add((units[ui] as UnitInfo).unit.docId);
      phraseDocs.set(key, set);
    }
  });
  const keyPhrases = new Map<string, { text: string; docs: number }>();
  for (const [key, c] of phraseCandidates) {
    const n = phraseDocs.get(key)?.size ?? 0;
    if (n >= 2 || c.person) keyPhrases.set(key, { text: c.text, docs: n });
  }
  groups.forEach((g, gi) => {
    const mine = (groupPhrases[gi] as string[]).filter((k) => keyPhrases.has(k));
    for (const ui of g.units) (units[ui] as UnitInfo).keyPhrases = mine;
  });

  // I. Key terms: noun phrases (2-3 lower-case words) that several documents use.
  const termDocs = new Map<string, Set<string>>();
  const termUnits = new Map<string, number>();
  const groupTerms: Array<Array<{ start: number; end: number; key: string; text: string }>> = groups.map((g) => termCandidates(g.text, g.tokens));
  groups.forEach((g, gi) => {
    for (const t of groupTerms[gi] as Array<{ key: string }>) {
      const set = termDocs.get(t.key) ?? new Set<string>();
      for (const ui of g.units) set.add((units[ui] as UnitInfo).unit.docId);
      termDocs.set(t.key, set);
      termUnits.set(t.key, (termUnits.get(t.key) ?? 0) + g.units.length);
    }
  });
  const contentUnits = content.length;
  const ubiquityLimit = Math.max(5, Math.round(contentUnits * 0.12));
  const isUbiquitous = (key: string): boolean => {
    const n = names.get(canonical(key));
    if (n) return n.unitCount > ubiquityLimit;
    return (termUnits.get(key) ?? 0) > ubiquityLimit;
  };

  // J. Answer spans of each group.
  let listCounter = 0;
  const groupSpans: AnswerSpan[][] = groups.map((g, gi) => {
    const spans: AnswerSpan[] = [];
    for (const q of g.quantities) spans.push({ start: q.start, end: q.end, type: q.type, text: q.text, key: quantityKey(q.type, q.text), listId: null });
    for (const m of g.names) {
      const key = canonical(nameKey(m.text));
      const info = names.get(key);
      if (!info || info.cls === 'reject') continue;
      const type: SpanType = info.cls === 'designator' ? 'designator' : info.cls;
      // "the Republic of Moldova": the article stays in the sentence.
      spans.push({ start: m.start, end: m.end, type, text: m.text, key, listId: null });
    }
    for (const key of (groupPhrases[gi] as string[]).filter((k) => keyPhrases.has(k))) {
      const at = findFolded(g.tokens, g.keys, key);
      if (at) spans.push({ start: at.start, end: at.end, type: 'quote', text: g.text.slice(at.start, at.end), key, listId: null });
    }
    const kept = dropOverlaps(spans).map((s) => spans.find((x) => x.start === s.start && x.end === s.end && x.type === s.type) as AnswerSpan);
    listCounter = markLists(g.text, kept, listCounter);
    return kept;
  });
  for (const u of content) u.spans = groupSpans[u.group] as AnswerSpan[];

  // K. Clusters: the same statement in several documents.
  const uf = new UnionFind(units.length);
  const byFold = new Map<string, number>();
  const bags: Array<Set<string>> = [];
  const groupRep: number[] = [];
  for (const g of groups) {
    const rep = g.units[0] as number;
    for (const ui of g.units) uf.union(rep, ui);
    const f = g.keys.join(' ');
    const other = byFold.get(f);
    if (other !== undefined) uf.union(other, rep);
    else byFold.set(f, rep);
    bags.push(g.bag);
    groupRep.push(rep);
  }
  const postings = wordPostings(bags);
  linkNearDuplicates(groups, bags, groupRep, units, uf, postings);
  for (const st of statements) {
    const members: number[] = [];
    for (const s of st.sources) {
      const d = docById.get(s.docId);
      if (!d) continue;
      for (const u of d.units) if (!u.unit.boilerplate && u.unit.start < s.end && s.start < u.unit.end) members.push(u.idx);
    }
    for (let i = 1; i < members.length; i++) uf.union(members[0] as number, members[i] as number);
  }
  const clusterDocs = new Map<number, Set<string>>();
  for (const u of content) {
    u.cluster = uf.find(u.idx);
    const set = clusterDocs.get(u.cluster) ?? new Set<string>();
    set.add(u.unit.docId);
    clusterDocs.set(u.cluster, set);
  }
  for (const u of content) u.sourceDocs = [...(clusterDocs.get(u.cluster) as Set<string>)];

  // L. The reader's highlights.
  for (const h of highlights) {
    if (h.orphan) continue;
    const d = docById.get(h.docId);
    if (!d) continue;
    for (const u of d.units) if (u.unit.start < h.end && h.start < u.unit.end) u.highlights++;
  }

  // Headlines say what matters: a sentence that restates a title (any document's).
  // Each title is looked for only among the sentences holding its rarest word.
  const headlineGroups = new Set<number>();
  for (const d of docs) {
    const title = [...new Set(contentWords(d.title))];
    if (title.length < 3) continue;
    const anchor = title.reduce((best, w) => ((postings.get(w)?.length ?? 0) < (postings.get(best)?.length ?? 0) ? w : best), title[0] as string);
    for (const gi of postings.get(anchor) ?? []) {
      if (headlineGroups.has(gi)) continue;
      const bag = bags[gi] as Set<string>;
      let inter = 0;
      for (const w of title) if (bag.has(w)) inter++;
      if (inter / title.length >= 0.75) headlineGroups.add(gi);
    }
  }
  for (const u of content) u.headline = headlineGroups.has(u.group);

  // M. Scores with reasons.
  for (const u of units) scoreUnit(u, { names, keyPhrases, isUbiquitous, displayOf, docs: docs.length });

  // N. Key terms as answers, only where a card could come of them (a key sentence), and only
  // noun phrases by the tagger, which is asked once per term.
  const termVerdict = new Map<string, boolean>();
  groups.forEach((g, gi) => {
    const best = Math.max(...g.units.map((ui) => (units[ui] as UnitInfo).score));
    if (best < TERM_MIN_UNIT_SCORE) return;
    const spans = groupSpans[gi] as AnswerSpan[];
    let added = false;
    for (const t of groupTerms[gi] as Array<{ start: number; end: number; key: string; text: string }>) {
      if ((termDocs.get(t.key)?.size ?? 0) < 2) continue;
      if (spans.some((sp) => t.start < sp.end && sp.start < t.end)) continue;
      let ok = termVerdict.get(t.key);
      if (ok === undefined) termVerdict.set(t.key, (ok = isNounPhrase(fastTags(g.text), t.start, t.end)));
      if (!ok) continue;
      spans.push({ start: t.start, end: t.end, type: 'term', text: t.text, key: t.key, listId: null });
      added = true;
    }
    if (added) spans.sort((x, y) => x.start - y.start);
  });

  return {
    fingerprint,
    docs,
    docById,
    units,
    contentUnits,
    names,
    keyPhrases,
    statements,
    isUbiquitous,
    termCounts: termUnits,
  };
}

// ---------------------------------------------------------------- names

export function nameKey(text: string): string {
  const undotted = text.replace(/\b(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  return foldPhrase(undotted.replace(/^the\s+/i, '')).replace(/^the\s+/, '');
}

function vote(v: NameVotes, m: NameMention, weight: number, text: string): void {
  const words = m.text.split(/\s+/);
  const tags = new Set<string>();
  if (MULTIWORD_PLACES.includes(m.text)) v.place += 5 * weight;
  if (words.length === 1) for (const t of lexiconTags(fold(m.text))) tags.add(t);
  else {
    // "Jens Stoltenberg": a known first name; "Republic of Moldova": a known country in it.
    const first = lexiconTags(fold(words[0] as string));
    if (first.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) tags.add('Person');
    if (words.some((w) => lexiconTags(fold(w)).some((t) => t === 'Country' || t === 'City'))) tags.add('Place');
  }
  const last = fold(words.at(-1) ?? '');
  const acronymOnly = /^(?:\p{Lu}{2,}|(?:\p{Lu}\.)+\p{Lu}\.?)$/u.test(m.text);
  if (/\p{Lu}{2,}\s\d+|\p{Lu}[\p{L}]{0,3}-\d/u.test(m.text)) v.designator += 3 * weight;
  if (m.role && !acronymOnly) v.person += 3 * weight;
  if (tags.has('Person') || tags.has('FirstName') || tags.has('LastName') || tags.has('MaleName') || tags.has('FemaleName')) v.person += 2 * weight;
  if (tags.has('Place') || tags.has('Country') || tags.has('City') || tags.has('Region')) v.place += 2 * weight;
  if (tags.has('Organization') || tags.has('Company') || tags.has('SportsTeam')) v.org += 2 * weight;
  if (acronymOnly) v.org += 1 * weight;
  if (words.length === 1 && (tags.has('Demonym') || (/(?:ian|ians|ean|eans|ese|ish)$/i.test(m.text) && !tags.has('Place')))) v.reject += 5 * weight;
  if (words.length === 1 && /^\p{Lu}[\p{Ll}]+-\p{Ll}/u.test(m.text)) v.reject += 5 * weight; // Soviet-era, Russia-endangered
  // "Euro-Atlantic aspirations": a hyphenated capitalised word before a noun is an adjective.
  if (words.length === 1 && m.text.includes('-') && !/\d/.test(m.text) && /^ \p{Ll}/u.test(text.slice(m.end, m.end + 2))) v.reject += 4 * weight;
  if (m.before && ROLE_WORDS.has(m.before) && !acronymOnly) v.person += 3 * weight; // "their counterpart Dmytro Kuleba"
  if (/^(?:NOK|EUR|USD|GBP|SEK|DKK|CHF|UAH|RUB)$/.test(m.text)) v.reject += 5 * weight;
  if (tags.has('Adjective') && !tags.has('ProperNoun') && !tags.has('Place')) v.reject += 2 * weight;
  if (PLACE_HEADS.has(last) && words.length > 1) v.place += 3 * weight;
  if (words.length > 1 && (ORG_HEADS.has(last) || words.slice(0, -1).some((w) => ORG_HEADS.has(fold(w))))) v.org += 3 * weight;
  if (m.before && PLACE_BEFORE.has(m.before) && !acronymOnly) v.place += 1 * weight;
  if (ROLE_WORDS.has(fold(words[0] ?? ''))) v.reject += 1 * weight;
}

function classify(v: NameVotes, key: string): NameClass {
  const scores: Array<[NameClass, number]> = [
    ['reject', v.reject],
    ['designator', v.designator],
    ['person', v.person],
    ['place', v.place],
    ['org', v.org],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best, score] = scores[0] as [NameClass, number];
  if (score > 0) return best;
  // Unknown kind: a name seen once, in one word, may be a typo or a stray capital; keep
  // only names the library repeats or that have several words.
  if (v.units.size >= 2 || key.includes(' ')) return 'name';
  return 'reject';
}

function buildRoleMap(groups: Group[], canonical: (k: string) => string, names: Map<string, NameInfo>): Map<string, Map<string, number>> {
  // role words (folded, without "of"/org names) -> person key -> count
  const map = new Map<string, Map<string, number>>();
  for (const g of groups) {
    for (const m of g.names) {
      if (!m.role) continue;
      const key = canonical(nameKey(m.text));
      if (names.get(key)?.cls !== 'person') continue;
      const role = roleKey(m.role);
      if (!role) continue;
      const inner = map.get(role) ?? new Map<string, number>();
      inner.set(key, (inner.get(key) ?? 0) + g.units.length);
      map.set(role, inner);
    }
  }
  return map;
}

function roleKey(role: string): string {
  return fold(role)
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((w) => ROLE_WORDS.has(w) && w !== 'of')
    .join(' ');
}

function resolveSpeaker(
  phrase: string,
  at: number,
  text: string,
  persons: Array<{ pos: number; key: string }>,
  roleMap: Map<string, Map<string, number>>,
  names: Map<string, NameInfo>,
  canonical: (k: string) => string,
  displayOf: (k: string) => string,
): Speaker | null {
  const cleaned = phrase.replace(/\s+(?:also|further|then|again)$/i, '').trim();
  // A person named in the phrase.
  const words = foldPhrase(cleaned).split(' ');
  let best: string | null = null;
  // The longest run of words that is a person's name.
  for (let len = Math.min(4, words.length); len >= 1 && !best; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const key = words.slice(i, i + len).join(' ');
      if (names.get(key)?.cls === 'person') {
        best = key;
        break;
      }
    }
  }
  if (!best) {
    for (const w of words) {
      const c = canonical(w);
      if (c !== w && names.get(c)?.cls === 'person') best = c;
    }
  }
  if (best) return { kind: 'person', name: displayOf(best) };
  // A pronoun: the person last named before it.
  if (PRONOUN_SPEAKER.test(cleaned)) {
    const before = persons.filter((p) => p.pos < at).at(-1);
    return before ? { kind: 'person', name: displayOf(before.key) } : null;
  }
  // An office ("the Secretary-General"): whoever holds it in this library.
  const role = roleKey(cleaned);
  if (role) {
    let holder: string | null = null;
    let count = 0;
    for (const [r, people] of roleMap) {
      if (!(` ${r} `.includes(` ${role} `) || ` ${role} `.includes(` ${r} `))) continue;
      for (const [k, c] of people) {
        if (c > count) {
          holder = k;
          count = c;
        }
      }
    }
    if (holder) return { kind: 'person', name: displayOf(holder) };
  }
  void text;
  if (GROUP_SPEAKER.test(cleaned)) return { kind: 'group', name: cleaned.replace(/^the\s+/i, 'the ').replace(/\s+(?:issued|adopted|published)\b.*$/i, '') };
  return null;
}

// ---------------------------------------------------------------- spans

function quantityKey(type: SpanType, text: string): string {
  return `${type}:${foldPhrase(text)}`;
}

/** Where a folded phrase occurs among tokens, on word boundaries (offsets into the text). */
export function findFolded(tokens: Token[], keys: string[], key: string): { start: number; end: number } | null {
  const want = key.split(' ');
  for (let i = 0; i + want.length <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < want.length; k++) {
      if (keys[i + k] !== want[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { start: (tokens[i] as Token).start, end: (tokens[i + want.length - 1] as Token).end };
  }
  return null;
}

/** Runs of 2-3 lower-case content words (the last 2-3 of a longer run): possible key terms. */
function termCandidates(text: string, tokens: Token[]): Array<{ start: number; end: number; key: string; text: string }> {
  const out: Array<{ start: number; end: number; key: string; text: string }> = [];
  let run: Token[] = [];
  const flush = (): void => {
    // Adverbs and -ing/-ed forms rarely end a noun phrase.
    while (run.length && /(?:ly|ed)$/.test((run.at(-1) as Token).norm)) run.pop();
    if (run.length >= 2) {
      const words = run.slice(-3);
      const start = (words[0] as Token).start;
      const end = (words.at(-1) as Token).end;
      const phrase = text.slice(start, end);
      if (!words.some((w) => ROLE_WORDS.has(w.norm))) out.push({ start, end, text: phrase, key: foldPhrase(phrase).replace(/s$/, '') });
    }
    run = [];
  };
  for (const t of tokens) {
    const ok = /^\p{Ll}[\p{Ll}-]*$/u.test(t.text) && !STOPWORDS.has(t.norm) && t.norm.length > 2;
    const contiguous = run.length === 0 || text.slice((run.at(-1) as Token).end, t.start) === ' ';
    if (ok && contiguous) run.push(t);
    else {
      flush();
      if (ok) run.push(t);
    }
  }
  flush();
  return out;
}

/** Nouns and adjectives only, ending in a noun, by the tagger. */
function isNounPhrase(terms: TaggedTerm[], start: number, end: number): boolean {
  const words = terms.filter((t) => t.start >= start && t.end <= end);
  if (words.length < 2) return false;
  if (!words.every((t) => (t.tags.has('Noun') || t.tags.has('Adjective')) && !t.tags.has('Verb') && !t.tags.has('Pronoun'))) return false;
  return (words.at(-1) as TaggedTerm).tags.has('Noun');
}

/** "Bosnia and Herzegovina, Georgia and Moldova": items of a list get one card each. */
function markLists(text: string, spans: AnswerSpan[], counter: number): number {
  const listable = new Set<SpanType>(['person', 'place', 'org', 'name', 'designator']);
  let i = 0;
  while (i < spans.length) {
    const run = [spans[i] as AnswerSpan];
    let j = i + 1;
    while (j < spans.length) {
      const a = run.at(-1) as AnswerSpan;
      const b = spans[j] as AnswerSpan;
      const gap = text.slice(a.end, b.start);
      if (!listable.has(a.type) || !listable.has(b.type)) break;
      if (!/^(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+|,\s+or\s+|\s*&\s*)(?:the\s+)?$/u.test(gap)) break;
      run.push(b);
      j++;
    }
    // A list ends in "and"/"or" and holds one kind of thing ("Bucharest, Romania" is no list).
    const lastGap = run.length >= 2 ? text.slice((run.at(-2) as AnswerSpan).end, (run.at(-1) as AnswerSpan).start) : '';
    const sameKind = run.every((s) => s.type === (run[0] as AnswerSpan).type);
    if (run.length >= 2 && /\b(?:and|or)\b|&/.test(lastGap) && sameKind) {
      for (const s of run) s.listId = counter;
      counter++;
    }
    i = Math.max(j, i + 1);
  }
  return counter;
}

// ---------------------------------------------------------------- clusters

class UnionFind {
  private parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[x] !== r) {
      const next = this.parent[x] as number;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function wordPostings(bags: Array<Set<string>>): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  bags.forEach((bag, gi) => {
    for (const w of bag) {
      const p = postings.get(w);
      if (p) p.push(gi);
      else postings.set(w, [gi]);
    }
  });
  return postings;
}

/**
 * Near-duplicate sentences in different documents (Jaccard >= 0.5 on content words, or one
 * mostly inside the other). Candidates come from prefix filtering: with words ordered rarest
 * first, two sets that similar must share a word among the first |A| - ceil(0.5|A|) + 1 of
 * each, so only those prefixes are indexed and compared.
 */
function linkNearDuplicates(groups: Group[], bags: Array<Set<string>>, groupRep: number[], units: UnitInfo[], uf: UnionFind, postings: Map<string, number[]>): void {
  if (bags.length > EXACT_NEAR_DUPLICATE_LIMIT) {
    linkNearDuplicatesLsh(bags, groupRep, units, uf);
    return;
  }
  const df = (w: string): number => postings.get(w)?.length ?? 0;
  const prefixes = bags.map((bag) => {
    if (bag.size < 4) return [];
    const words = [...bag].sort((x, y) => df(x) - df(y) || (x < y ? -1 : 1));
    return words.slice(0, bag.size - Math.ceil(0.5 * bag.size) + 1);
  });
  const index = new Map<string, number[]>();
  prefixes.forEach((prefix, gi) => {
    for (const w of prefix) {
      const list = index.get(w);
      if (list) list.push(gi);
      else index.set(w, [gi]);
    }
  });
  const seen = new Int32Array(bags.length).fill(-1);
  for (let gi = 0; gi < bags.length; gi++) {
    const prefix = prefixes[gi] as string[];
    if (!prefix.length) continue;
    const bag = bags[gi] as Set<string>;
    const repA = groupRep[gi] as number;
    const docA = (units[repA] as UnitInfo).unit.docId;
    for (const w of prefix) {
      for (const other of index.get(w) as number[]) {
        if (other <= gi || seen[other] === gi) continue;
        seen[other] = gi;
        const repB = groupRep[other] as number;
        if ((units[repB] as UnitInfo).unit.docId === docA) continue;
        if (uf.find(repA) === uf.find(repB)) continue;
        const ob = bags[other] as Set<string>;
        if (jaccard(bag, ob) >= 0.5 || (Math.min(bag.size, ob.size) >= 6 && containment(bag, ob) >= 0.8)) uf.union(repA, repB);
      }
    }
  }
  void groups;
}

/** Above this many distinct sentences, near-duplicates are found approximately (MinHash). */
const EXACT_NEAR_DUPLICATE_LIMIT = 4000;
const MINHASH_BANDS = 12;
const MINHASH_ROWS = 2;

function hashWord(w: string): number {
  // FNV-1a, 32 bits.
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Near-duplicates in a large library by MinHash with banding: sentences whose signatures
 * agree on a band land in the same bucket and are compared with the bucket's first sentence
 * (enough, since union-find joins the rest transitively). A pair with Jaccard 0.5 meets in
 * some band with probability 1 - (1 - 0.5^2)^12 ≈ 0.97.
 */
function linkNearDuplicatesLsh(bags: Array<Set<string>>, groupRep: number[], units: UnitInfo[], uf: UnionFind): void {
  const k = MINHASH_BANDS * MINHASH_ROWS;
  const seeds = Array.from({ length: k }, (_, i) => mix(i + 1, 0x9e3779b9));
  const wordHash = new Map<string, number>();
  const buckets = new Map<string, number>();
  const sig = new Uint32Array(k);
  for (let gi = 0; gi < bags.length; gi++) {
    const bag = bags[gi] as Set<string>;
    if (bag.size < 4) continue;
    sig.fill(0xffffffff);
    for (const w of bag) {
      let h = wordHash.get(w);
      if (h === undefined) wordHash.set(w, (h = hashWord(w)));
      for (let i = 0; i < k; i++) {
        const v = mix(h, seeds[i] as number);
        if (v < (sig[i] as number)) sig[i] = v;
      }
    }
    const repA = groupRep[gi] as number;
    for (let b = 0; b < MINHASH_BANDS; b++) {
      const key = `${b}:${sig[b * MINHASH_ROWS]}:${sig[b * MINHASH_ROWS + 1]}`;
      const first = buckets.get(key);
      if (first === undefined) {
        buckets.set(key, gi);
        continue;
      }
      const repB = groupRep[first] as number;
      if (uf.find(repA) === uf.find(repB)) continue;
      if ((units[repA] as UnitInfo).unit.docId === (units[repB] as UnitInfo).unit.docId) continue;
      const ob = bags[first] as Set<string>;
      if (jaccard(bag, ob) >= 0.5 || (Math.min(bag.size, ob.size) >= 6 && containment(bag, ob) >= 0.8)) uf.union(repA, repB);
    }
  }
}

// ---------------------------------------------------------------- scoring

const DECISION_RE =
  /\b(?:will|decided|agreed|announced|announce|reaffirm(?:ed|s)?|condemn(?:ed|s)?|allocat(?:e|ed|es|ion)|pledged?|commit(?:ted|s|ment)?|approved?|adopted?|confirm(?:ed|s)?|welcome[sd]?|recogni[sz]e|support(?:ed|s)?|provide[sd]?|supply(?:ing)?|deliver(?:ed|ing)?)\b/i;

interface ScoreContext {
  names: Map<string, NameInfo>;
  keyPhrases: Map<string, { text: string; docs: number }>;
  isUbiquitous(key: string): boolean;
  displayOf(key: string): string;
  docs: number;
}

function scoreUnit(u: UnitInfo, ctx: ScoreContext): void {
  if (u.unit.boilerplate) {
    u.score = 0;
    u.reasons = [`not key: ${u.unit.boilerplate}`];
    return;
  }
  let score = 0;
  const reasons: string[] = [];
  const k = u.sourceDocs.length;
  if (k >= 2) {
    score += 1.2 * (k - 1);
    reasons.push(`carried by ${k} sources`);
  }
  const person = u.speakers.find((s) => s.kind === 'person');
  if (person && u.quoteCover > 0.3) {
    score += 1.5;
    reasons.push(`quotes ${person.name}`);
  } else if (u.speakers.length && u.quoteCover > 0.3) {
    score += 0.6;
    reasons.push(`quotes ${(u.speakers[0] as Speaker).name}`);
  } else if (u.quoteCover > 0.5) {
    score += 0.3;
    reasons.push('a quotation');
  }
  for (const p of u.keyPhrases.slice(0, 2)) {
    score += 1.5;
    reasons.push(`key phrase “${ctx.keyPhrases.get(p)?.text ?? p}”`);
  }
  const byType = (t: SpanType): AnswerSpan[] => u.spans.filter((s) => s.type === t);
  const money = byType('money');
  if (money.length) {
    score += 2.5 * Math.min(2, money.length);
    reasons.push(`money: ${money.map((s) => s.text).join(', ')}`);
  }
  const numbers = [...byType('number'), ...byType('designator')];
  if (numbers.length) {
    score += 1.8 * Math.min(2, numbers.length);
    reasons.push(`figures: ${numbers.map((s) => s.text).join(', ')}`);
  }
  const dates = [...byType('date'), ...byType('year')];
  if (dates.length) {
    score += 1.5 * Math.min(2, dates.length);
    reasons.push(`dates: ${dates.map((s) => s.text).join(', ')}`);
  }
  const people = [...new Set(u.mentions.filter((m) => m.cls === 'person').map((m) => m.key))];
  if (people.length) {
    score += 1.2 * Math.min(2, people.length);
    reasons.push(`names ${people.map((p) => ctx.displayOf(p)).join(', ')}`);
  }
  const things = [...new Set(u.mentions.filter((m) => m.cls === 'place' || m.cls === 'org' || m.cls === 'name').map((m) => m.key))].filter((key) => !ctx.isUbiquitous(key));
  if (things.length) {
    score += 0.6 * Math.min(3, things.length);
    reasons.push(`mentions ${things.map((p) => ctx.displayOf(p)).join(', ')}`);
  }
  if (u.unit.ordinal === 0) {
    score += 1;
    reasons.push('opens the report');
  } else if (u.unit.ordinal <= 2) score += 0.4;
  if (DECISION_RE.test(u.unit.text)) {
    score += 0.5;
    reasons.push('states a decision or commitment');
  }
  if (u.unit.keyListItem) {
    score += 2;
    reasons.push('listed among the key points');
  } else if (u.unit.listItem) score += 0.3;
  if (u.headline) {
    score += 1.5;
    reasons.push('echoes a headline');
  }
  if (u.highlights > 0) {
    score += 3;
    reasons.push('you highlighted it');
  }
  const words = u.tokens.length;
  if (words < 6) score -= 1.5;
  else if (words > 60) score -= 1;
  u.score = Math.round(score * 100) / 100;
  u.reasons = reasons;
}

// ---------------------------------------------------------------- sources

function sourceLabel(d: { outlet: string | null; title: string }): string {
  if (d.outlet) return d.outlet;
  const words = d.title.split(/\s+/);
  return words.length <= 7 ? d.title : `${words.slice(0, 7).join(' ')}…`;
}

function disambiguateLabels(docs: DocInfo[]): void {
  const seen = new Map<string, DocInfo[]>();
  for (const d of docs) seen.set(d.label, [...(seen.get(d.label) ?? []), d]);
  for (const [label, list] of seen) {
    if (list.length < 2) continue;
    for (const d of list) {
      const words = d.title.split(/\s+/);
      const short = words.length <= 7 ? d.title : `${words.slice(0, 7).join(' ')}…`;
      d.label = d.outlet ? `${label}: ${short}` : `${short} (${d.id.slice(0, 6)})`;
    }
  }
}
