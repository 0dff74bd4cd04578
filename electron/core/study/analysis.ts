import type { Db } from '../db/open.js';
import { getDocument, getPassages, getSentences, listDocuments } from '../corpus/store.js';
import { getStatements, type Statement } from '../compare/index.js';
import { listHighlights, type HighlightRecord } from '../annotate/index.js';
import { buildUnits } from './units.js';
import { findNames, findQuantities } from './entities.js';
import { lexiconSaysName } from './nlp.js';
import { sha1, stem, STOPWORDS, tokenize } from './text.js';
import { ANALYSIS_VERSION, type CorpusAnalysis, type DocInfo, type Group, type LoadedDoc, type UnitInfo } from './analysis/types.js';
import { classifyNames } from './analysis/names.js';
import { attachQuotes, findKeyPhrases } from './analysis/quotes-speakers.js';
import { addKeyTerms, answerSpans, findTerms } from './analysis/spans.js';
import { clusterUnits } from './analysis/clusters.js';
import { disambiguateLabels, markHeadlines, markHighlights, scoreUnit, sourceLabel } from './analysis/scoring.js';

// One pass over a set of documents that everything in study builds on: units, names and what
// kind of thing each is, quotations and their speakers, which statements several sources
// carry, and a score with reasons for every unit. The phases live in ./analysis/ (names,
// quotes-speakers, spans, clusters, scoring); this file runs them in order. Generation calls
// it per document (gen/doc.ts, cached by content hash); analyseLibrary runs it over the
// whole library (cached per database and input fingerprint).

export type { AnswerSpan, CorpusAnalysis, DocInfo, LoadedDoc, NameClass, NameInfo, NameRef, ResolvedQuote, Speaker, UnitInfo } from './analysis/types.js';
export { ANALYSIS_VERSION } from './analysis/types.js';

function tokenKey(norm: string): string {
  return norm.replace(/'s$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

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

function inputFingerprint(docKeys: string[], highlights: HighlightRecord[], statements: Statement[]): string {
  const h = highlights.map((x) => `${x.id}:${x.docId}:${x.start}:${x.end}`).sort();
  const s = statements.map((st) => st.sources.map((x) => `${x.docId}:${x.start}:${x.end}`).sort().join(',')).sort();
  return sha1(JSON.stringify([ANALYSIS_VERSION, [...docKeys].sort(), h, s]));
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

  // C. What kind of thing each name is; each unit's mentions.
  const nameTable = classifyNames(groups, units, content);
  const { names, canonical } = nameTable;
  // G/H. Quotations, speakers, and which units they cover; key phrases.
  attachQuotes(docs, groups, nameTable);
  const { keyPhrases, groupPhrases } = findKeyPhrases(docs, groups, units);
  // I. Key terms: noun phrases (2-3 lower-case words) that several documents use.
  const terms = findTerms(groups, units);
  const { termUnits } = terms;
  const contentUnits = content.length;
  const ubiquityLimit = Math.max(5, Math.round(contentUnits * 0.12));
  const isUbiquitous = (key: string): boolean => {
    const n = names.get(canonical(key));
    if (n) return n.unitCount > ubiquityLimit;
    return (termUnits.get(key) ?? 0) > ubiquityLimit;
  };
  // J. Answer spans of each group.
  const groupSpans = answerSpans(groups, content, nameTable, groupPhrases, keyPhrases);
  // K. Clusters: the same statement in several documents.
  const { bags, postings } = clusterUnits(groups, units, content, statements, docById);
  // L. The reader's highlights; sentences that restate a title.
  markHighlights(highlights, docById);
  markHeadlines(docs, content, bags, postings);
  // M. Scores with reasons.
  for (const u of units) scoreUnit(u, { names, keyPhrases, isUbiquitous, displayOf: nameTable.displayOf, docs: docs.length });
  // N. Key terms as answers where a card could come of them.
  addKeyTerms(groups, units, groupSpans, terms);

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
