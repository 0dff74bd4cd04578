import type { AnswerSpan } from '../analysis.js';
import type { TaggedTerm } from '../nlp.js';
import { fold, foldPhrase, stem, STOPWORDS, tokenize } from '../text.js';
import type { StatementKind } from './candidates.js';
import { enumerationAround, MAX_QUOTE_ANSWER_WORDS } from './hygiene.js';

// Phase 2: the blank. The phrase that carries the claim: a quoted or coined phrase, the object
// of the commitment / condemnation / decision, a key noun or verb phrase; names, numbers and
// dates only as details the statement is about. Each option is scored by its role in the
// sentence (compromise's tags) and by how distinctive its words are in the library (idf of
// its content words against the other documents, times how often this document uses them).

export type BlankRole = 'quote' | 'object' | 'phrase' | 'set' | 'figure' | 'name' | 'date';

export interface BlankOption {
  start: number;
  end: number;
  text: string;
  role: BlankRole;
  /** What two answers are compared by. */
  key: string;
  score: number;
  /** A set of names that several documents name together. */
  recurring?: boolean;
}

export interface Distinctiveness {
  /** 0..1: how rare a (stemmed, folded) word is across the library's documents. */
  idf(word: string): number;
  /** How often the document itself uses the word (>= 1 when it occurs). */
  tf(word: string): number;
}

/**
 * A multi-word name of a programme, policy, agreement or event: what a statement is about.
 * Legal references ("the UN Charter", "the Geneva Convention") are where a violation is
 * measured, usually a side detail, so they are not in the list.
 */
const PROGRAMME_NAME = /^(?:[\p{Lu}\d][\p{L}\d’'-]*\s+){1,5}(?:Package|Policy|Plan|Programme|Program|Bill|Treaty|Agreement|Accords?|Concept|Initiative|Strategy|Summit|Mechanism|Facility|Doctrine|Compact|Deal|Framework|Scheme|Pact|Conference)$/u;

const NAMED_EVENT = /(?<![\p{L}\d])(?:(?:1[89]|20)\d\d\s+)?(?:\p{Lu}[\p{L}’'-]*\s+){1,5}\p{Lu}\p{Ll}+(?:\s+in\s+(?:1[89]|20)\d\d)?(?![\p{L}\d])/gu;

const ROLE_BASE: Record<BlankRole, number> = { quote: 3, object: 2.8, set: 2.2, phrase: 1.6, figure: 1.4, name: 0.8, date: 0.3 };

/** Verbs whose object is what a statement commits to, condemns, decides or demands. */
const CARRIER_VERBS = new Set(
  (
    'condemn condemned condemns recognize recognise recognized recognised accept accepted support supported supports provide provided provides allocate allocated ' +
    'announce announced announces pledge pledged promise promised reject rejected demand demanded urge urged warn warned welcome welcomed reaffirm reaffirmed approve approved ' +
    'adopt adopted ban banned impose imposed sign signed end ended stop stopped join joined send sent deliver delivered supply supplied raise raised cut cuts accuse accused ' +
    'deny denied launch launched introduce introduced buy bought sell sold acquire acquired win won beat defeated defeat kill killed threaten threatened threatening ' +
    'strengthen strengthened intensify step repair protect defend maintain finalise finalize enhance increase reduce manage assess discuss address build counter ' +
    'include includes find found discover discovered detect detected develop developed create created offer offered seek sought face faces faced ' +
    'plead pleaded charge charged sentence sentenced arrest arrested investigate investigated' 
  ).split(/\s+/),
);

const POSSESSIVE_PRONOUN = /^(?:its|their|his|her|our|my|your)$/i;
/** Nouns too vague to carry a claim on their own. */
const VAGUE = new Set('lot lots way ways thing things part parts kind kinds number numbers time times people year years day days week weeks month months end side sort bit deal issue issues case cases point points fact facts place places'.split(' '));

/** Phrases whose head is a measure or a vague noun ("large number", "many different ways", "longer term"). */
const MEASURE_HEAD = /^(?:\p{L}+\s+){0,2}(?:number|numbers|lot|lots|amount|kind|sort|bit|deal|part|ways?|term)$/iu;

const NOUNISH = (t: TaggedTerm): boolean => t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('Value') || t.tags.has('Possessive');

/** Verbs the fast tagger often reads as nouns ("the alliance confirms", "the policy remains"). */
const VERB_WORDS = new Set(
  [...CARRIER_VERBS, ...'remain remains confirm confirms continue continues says reads shows state states add adds note notes stress stresses call calls help helps stand stands'.split(' ')].filter(
    (w) => !/ing$/.test(w),
  ),
);
const DETERMINER_LIKE = /^(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your|any|some|no|each|every)$/i;

/**
 * A term that works as a verb here although the tagger reads a noun: a verb word after "and",
 * "to", a pronoun or an adverb ("and defend every inch"), or a verb in -s between a singular
 * noun and what it governs ("the alliance confirms the decisions", "the policy remains steadfast").
 * Noun compounds ("food supply", "tax cuts for") stay nouns.
 */
export function verbLike(terms: readonly TaggedTerm[], i: number): boolean {
  const t = terms[i] as TaggedTerm;
  if (t.tags.has('Verb')) return true;
  const w = fold(t.text);
  if (/^\p{Lu}/u.test(t.text)) return false;
  const prev = terms[i - 1];
  const next = terms[i + 1];
  if (!prev) return false;
  // "our support makes a difference": a word in -s between a singular noun and an article.
  if (/[^s]s$/.test(w) && prev.tags.has('Noun') && !prev.tags.has('Plural') && !/s$/i.test(prev.text) && /^(?:a|an|the)$/i.test(next?.text ?? '')) return true;
  if (!VERB_WORDS.has(w)) return false;
  if (/^(?:and|or|to|then|also|not|never)$/i.test(prev.text) || (prev.tags.has('Pronoun') && !prev.tags.has('Possessive')) || prev.tags.has('Adverb')) return true;
  // "the allies defend every inch": a verb word between a noun and a determiner.
  if (prev.tags.has('Noun') && next && (DETERMINER_LIKE.test(next.text) || next.tags.has('Possessive'))) return true;
  if (w.endsWith('s') && prev.tags.has('Noun') && !prev.tags.has('Plural') && !/s$/i.test(prev.text) && next && (DETERMINER_LIKE.test(next.text) || next.tags.has('Adjective') || next.tags.has('Possessive') || next.tags.has('Adverb') || next.tags.has('Value'))) return true;
  return false;
}

function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !STOPWORDS.has(t.norm) && t.norm.length >= 2)
    .map((t) => stem(t.norm));
}

/** Mean distinctiveness of a phrase's content words, 0..~1.5 (rare words a document repeats score highest). */
export function phraseDistinctiveness(text: string, d: Distinctiveness): number {
  const words = contentStems(text);
  if (!words.length) return 0;
  let sum = 0;
  for (const w of words) sum += d.idf(w) * (1 + Math.min(2, Math.log2(Math.max(1, d.tf(w)))) / 4);
  return sum / words.length;
}

/** Short quotations inside the sentence: coined phrases. */
function quoteOptions(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/[“"]([^”"“]{2,80})[”"]/gu)) {
    let s = m.index + 1;
    let e = s + (m[1] as string).length;
    while (s < e && /[\s,.;:…]/u.test(text[s] as string)) s++;
    while (e > s && /[\s,.;:…!?]/u.test(text[e - 1] as string)) e--;
    const words = tokenize(text.slice(s, e)).length;
    if (words < 1 || words > MAX_QUOTE_ANSWER_WORDS) continue;
    if (e - s > 0.6 * text.length) continue;
    out.push({ start: s, end: e });
  }
  return out;
}

/** Verbs whose object is a topic (what is talked about), not what is promised, condemned or decided. */
const TOPIC_VERBS = new Set('discuss discussed address include includes face faces faced find found develop developed'.split(' '));
/** How much less the object of a topic verb carries than that of a commitment or condemnation. */
const TOPIC_PENALTY = 0.6;

/** The noun phrase right after a carrier verb ("never recognize [Russia’s illegal annexations]"). */
function objectOptions(text: string, terms: readonly TaggedTerm[], topic: ReadonlySet<string>): Array<{ start: number; end: number; topic: boolean }> {
  const out: Array<{ start: number; end: number; topic: boolean }> = [];
  for (let i = 0; i < terms.length; i++) {
    const v = terms[i] as TaggedTerm;
    if (!CARRIER_VERBS.has(fold(v.text))) continue;
    const isTopic = topic.has(fold(v.text));
    let j = i + 1;
    // Skip determiners and particles in front: "the", "its", "to", "further".
    while (j < terms.length && /^(?:the|a|an|its|their|his|her|our|further|more|all|any|to|for|on|about|of|up)$/i.test((terms[j] as TaggedTerm).text) && j - i <= 3) j++;
    const first = j;
    let last = -1;
    // "defend every inch of Allied territory": a quantifier in front is part of what is promised.
    if (j < terms.length && /^(?:every|each)$/i.test((terms[j] as TaggedTerm).text) && terms[j + 1]?.tags.has('Noun')) j++;
    while (j < terms.length && j - first < 6) {
      const t = terms[j] as TaggedTerm;
      const and = /^(?:and)$/i.test(t.text) && j + 1 < terms.length && NOUNISH(terms[j + 1] as TaggedTerm) && (terms[j - 1] as TaggedTerm).tags.has('Adjective');
      // "Russia’s war of aggression": "of" and a noun continue the phrase.
      const of = /^of$/i.test(t.text) && j > first && j + 1 < terms.length && (terms[j + 1] as TaggedTerm).tags.has('Noun') && !/[,;:]/u.test(text.slice((terms[j - 1] as TaggedTerm).end, t.start));
      if (!(NOUNISH(t) || and || of) || t.tags.has('Pronoun') || POSSESSIVE_PRONOUN.test(t.text) || (verbLike(terms, j) && !of) || (t.tags.has('Preposition') && !of) || (t.tags.has('Conjunction') && !and)) break;
      last = j;
      // Punctuation after the word ends the phrase.
      if (/[,;:.!?)”"]/u.test(text.slice(t.end, t.end + 1))) break;
      j++;
    }
    if (last < first) continue;
    // End on a noun.
    while (last >= first && !(terms[last] as TaggedTerm).tags.has('Noun') && !(terms[last] as TaggedTerm).tags.has('Value')) last--;
    if (last < first) continue;
    const s = (terms[first] as TaggedTerm).start;
    const e = (terms[last] as TaggedTerm).end;
    if (tokenize(text.slice(s, e)).length <= 5) out.push({ start: s, end: e, topic: isTopic });
  }
  return out;
}

/** Noun phrases of 2-4 words with at least one common noun (compromise's tags). */
function phraseOptions(text: string, terms: readonly TaggedTerm[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let run: TaggedTerm[] = [];
  const flush = (): void => {
    while (run.length && !run.at(-1)?.tags.has('Noun')) run.pop();
    while (run.length && (run[0]?.tags.has('Determiner') || STOPWORDS.has(fold(run[0]?.text ?? '')))) run.shift();
    if (run.length >= 2 && run.length <= 4 && run.some((t) => t.tags.has('Noun') && !t.tags.has('ProperNoun') && /^\p{Ll}/u.test(t.text))) {
      out.push({ start: (run[0] as TaggedTerm).start, end: (run.at(-1) as TaggedTerm).end });
    }
    run = [];
  };
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as TaggedTerm;
    const ok = (t.tags.has('Noun') || t.tags.has('Adjective')) && !t.tags.has('Pronoun') && !verbLike(terms, i) && !t.tags.has('Date') && !t.tags.has('Value') && !POSSESSIVE_PRONOUN.test(t.text);
    const prev = run.at(-1);
    // "a rover NASA plans": a common noun followed by a name is two phrases.
    const shapeBreak = prev !== undefined && ((/^\p{Ll}/u.test(prev.text) && /^\p{Lu}/u.test(t.text)) || (prev.tags.has('ProperNoun') && /^\p{Ll}/u.test(t.text) && t.tags.has('Verb')));
    const contiguous = !shapeBreak && (!prev || /^\s+$/u.test(text.slice(prev.end, t.start)) || text.slice(prev.end, t.start) === '-');
    if (ok && contiguous) run.push(t);
    else {
      flush();
      if (ok) run.push(t);
    }
  }
  flush();
  return out;
}

/** Where any of a set of folded 2-5 word phrases occurs in text, on word boundaries (one pass). */
export function findPhrases(text: string, phrases: ReadonlySet<string>): Array<{ start: number; end: number }> {
  const tokens = tokenize(text);
  const keys = tokens.map((t) => foldPhrase(t.text));
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    let key = keys[i] as string;
    for (let n = 2; n <= 5 && i + n <= tokens.length; n++) {
      key += ` ${keys[i + n - 1] as string}`;
      if (phrases.has(key)) out.push({ start: (tokens[i] as { start: number }).start, end: (tokens[i + n - 1] as { end: number }).end });
    }
  }
  return out;
}

/** Where a folded phrase occurs in text on word boundaries. */
export function findPhrase(text: string, key: string): { start: number; end: number } | null {
  const want = key.split(' ');
  const tokens = tokenize(text);
  for (let i = 0; i + want.length <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < want.length && ok; k++) ok = foldPhrase((tokens[i + k] as { text: string }).text) === want[k];
    if (ok) return { start: (tokens[i] as { start: number }).start, end: (tokens[i + want.length - 1] as { end: number }).end };
  }
  return null;
}

/** What a noun of support, solidarity or withdrawal is about; what a copula says a thing is; a passive demand. */
const PATTERN_OBJECTS = [
  /\b(?:solidarity with|support for|commitment to|withdrawal from|aid to|sanctions (?:on|against)|attacks? (?:on|against)|invasion of|annexation of|dependency on|dependence on|accession to)\s+(?:the\s+)?/giu,
  /\b(?:is|are|was|were)\s+(?:not\s+)?(?:a|an)\s+/giu,
  // What is taken from someone: "depriving millions of Ukrainians of [basic services]".
  /\b(?:depriv|strip|rob)\w*\s+(?:(?:millions|thousands|hundreds|many|most|all)\s+of\s+)?(?:[^\s,.;:]+\s+){1,3}?of\s+/giu,
  // The channel of help: "more support through [NATO’s Comprehensive Assistance Package]".
  /\b(?:support|assistance|aid|help|funding)\s+(?:through|via|under)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.]*[’']s\s+)?/giu,
];
const PASSIVE_PREDICATE = /\b(?:must|should|will|shall)\s+(?:never\s+|not\s+)?be\s+(\p{Ll}+(?:\s+\p{Ll}+)?)(?=[,.;:!?”"]|$)/gu;

/** The blank at `start` is what a noun of support, solidarity, withdrawal... is about. */
export function followsPatternObject(text: string, start: number): boolean {
  const head = text.slice(Math.max(0, start - 40), start);
  return PATTERN_OBJECTS.some((re) => new RegExp(`(?:${re.source})$`, 'iu').test(head));
}

function patternObjects(text: string, terms: readonly TaggedTerm[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const re of PATTERN_OBJECTS) {
    for (const m of text.matchAll(re)) {
      const from = m.index + m[0].length;
      const after = terms.filter((t) => t.start >= from);
      let end = -1;
      let n = 0;
      for (let i = 0; i < after.length && n < 5; i++) {
        const t = after[i] as TaggedTerm;
        const of = /^(?:of|to)$/i.test(t.text) && n > 0 && (after[i + 1]?.tags.has('Noun') || after[i + 1]?.tags.has('Determiner'));
        const det = /^the$/i.test(t.text) && n > 0 && /^(?:of|to)$/i.test(after[i - 1]?.text ?? '');
        if (!(NOUNISH(t) || of || det) || t.tags.has('Pronoun') || (t.tags.has('Verb') && !t.tags.has('Noun'))) break;
        n++;
        if (t.tags.has('Noun')) end = t.end;
        if (/[,;:.!?)”"]/u.test(text.slice(t.end, t.end + 1))) break;
      }
      if (end > from) out.push({ start: from, end });
    }
  }
  for (const m of text.matchAll(PASSIVE_PREDICATE)) {
    const s = m.index + m[0].length - (m[1] as string).length;
    out.push({ start: s, end: s + (m[1] as string).length });
  }
  return out;
}

export interface BlankInput {
  /** Short phrases other documents quote (folded): coined phrases wherever they occur. */
  coined?: ReadonlySet<string>;
  text: string;
  spans: readonly AnswerSpan[];
  terms: readonly TaggedTerm[];
  kind: StatementKind | null;
  /** Keys of names so common in the library that blanking them tests nothing. */
  ubiquitous(key: string): boolean;
  d: Distinctiveness;
  /** How many documents in play name this set of names together (sorted keys): a set they repeat is the point. */
  setDocs?(keys: readonly string[]): number;
}

/** A set of 3-4 names several documents name together is a unit of the story ("the partners"): worth asking whole. */
const RECURRING_SET_BONUS = 1.2;

/** Every blank the sentence offers, best first (hygiene is checked afterwards, by the caller). */
export function blankOptions(input: BlankInput): BlankOption[] {
  const { text, spans, terms, kind, d } = input;
  const out: BlankOption[] = [];
  const add = (from: number, to: number, role: BlankRole, key?: string): void => {
    let start = from;
    let end = to;
    if (role === 'object' || role === 'phrase') {
      // Never a stopword at either end ("against hostile attacks", "the meeting").
      const words = [...tokenize(text.slice(start, end))];
      // "every inch of Allied territory": a quantifier in front stays.
      while (words.length && STOPWORDS.has((words[0] as { norm: string }).norm) && !(words.length > 1 && /^(?:every|each)$/.test((words[0] as { norm: string }).norm))) words.shift();
      while (words.length && STOPWORDS.has((words.at(-1) as { norm: string }).norm)) words.pop();
      if (!words.length) return;
      start += (words[0] as { start: number }).start;
      end = from + (words.at(-1) as { end: number }).end;
    }
    while (end > start && /[\s.,;:!?]/u.test(text[end - 1] as string) && !/(?:^|[\s(])(?:\p{Lu}\.)+$/u.test(text.slice(start, end))) end--;
    if (end <= start) return;
    const t = text.slice(start, end);
    const same = out.find((o) => o.start === start && o.end === end);
    if (same) {
      // A name or figure that is also the object of the statement's verb: what it is about.
      if (role === 'object' && same.role !== 'object') same.score += 1.2;
      return;
    }
    let score = ROLE_BASE[role] + phraseDistinctiveness(t, d);
    const words = tokenize(t).length;
    if ((role === 'object' || role === 'phrase' || role === 'quote') && tokenize(t).filter((w) => !STOPWORDS.has(w.norm)).every((w) => VAGUE.has(w.norm))) return;
    // "a [large number] of troops": a measure word is not what the statement says.
    if ((role === 'object' || role === 'phrase') && MEASURE_HEAD.test(t)) return;
    if (words > 4 && role !== 'set') score -= 0.6;
    // One ordinary word ("ways", "meeting") rarely carries a claim.
    if (words === 1 && (role === 'object' || role === 'phrase')) score -= 1.5;
    if (role === 'figure' && (kind === 'decision' || kind === 'commitment') && /[\p{Sc}]|million|billion|\bbn\b|per ?cent|%/iu.test(t)) score += 1.8;
    if (role === 'name' && key && input.ubiquitous(key)) score -= 2;
    if (role === 'name' && PROGRAMME_NAME.test(t.replace(/\s+in\s+\d{4}$/u, '').replace(/^\d{4}\s+/u, ''))) score += 1.5;
    out.push({ start, end, text: t, role, key: key ?? foldPhrase(t), score: Math.round(score * 100) / 100 });
  };
  for (const q of quoteOptions(text)) add(q.start, q.end, 'quote');
  for (const s of spans) {
    if (s.type === 'quote') add(s.start, s.end, 'quote', s.key);
    else if (s.type === 'money' || s.type === 'number' || s.type === 'designator') add(s.start, s.end, 'figure', s.key);
    else if (s.type === 'date' || s.type === 'year') add(s.start, s.end, 'date', s.key);
    else if (s.type === 'term') add(s.start, s.end, 'phrase', s.key);
    else add(s.start, s.end, 'name', s.key);
  }
  for (const o of objectOptions(text, terms, TOPIC_VERBS)) {
    // The object of "allocate $53 million": the figure is the object; keep its own span too.
    const named = spans.find((s) => s.start === o.start && s.end === o.end);
    add(o.start, o.end, named && named.type !== 'term' ? (named.type === 'money' || named.type === 'number' ? 'figure' : 'name') : 'object', named?.key);
    const last = out.at(-1);
    if (last && last.start === o.start && last.end === o.end && last.role !== 'object') last.score += 1;
    else if (o.topic && last && last.start === o.start && last.end === o.end) last.score = Math.round((last.score - TOPIC_PENALTY) * 100) / 100;
  }
  for (const p of phraseOptions(text, terms)) add(p.start, p.end, 'phrase');
  // A named programme or event, with its year when the sentence dates it ("the Bucharest Summit in 2008").
  for (const m of text.matchAll(NAMED_EVENT)) {
    const lead = /^(?:(?:The|A|An|In|At|On|Of|For|By|With|From|To)\s+)+/u.exec(m[0])?.[0].length ?? 0;
    const t = m[0].slice(lead);
    if (PROGRAMME_NAME.test(t.replace(/\s+in\s+\d{4}$/u, '').replace(/^\d{4}\s+/u, ''))) add(m.index + lead, m.index + m[0].length, 'name');
  }
  for (const o of patternObjects(text, terms)) add(o.start, o.end, 'object');
  // What must happen ("must be [held accountable]") is the demand itself.
  for (const m of text.matchAll(PASSIVE_PREDICATE)) {
    const at = m.index + m[0].length - (m[1] as string).length;
    const o = out.find((x) => x.start === at && x.end === at + (m[1] as string).length);
    if (o) o.score += 0.6;
  }
  if (input.coined?.size) for (const at of findPhrases(text, input.coined)) add(at.start, at.end, 'quote');
  // A whole enumeration of 3-4 names when the sentence is about the set.
  for (const s of spans) {
    const list = enumerationAround(text, s.start, s.end);
    const items = text.slice(list.start, list.end).split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/u);
    if (list.items >= 2 && list.items <= 4 && items.every((x) => /^(?:the\s+)?[\p{Lu}\p{N}$€£]/u.test(x.trim()))) {
      add(list.start, list.end, 'set');
      const o = out.find((x) => x.start === list.start && x.end === list.end && x.role === 'set');
      const keys = [...new Set(spans.filter((m) => m.start >= list.start && m.end <= list.end).map((m) => m.key))].sort();
      if (o && !o.recurring && keys.length >= 3 && (input.setDocs?.(keys) ?? 0) >= 2) {
        o.recurring = true;
        o.score = Math.round((o.score + RECURRING_SET_BONUS) * 100) / 100;
      }
    }
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}
