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
}

export interface Distinctiveness {
  /** 0..1: how rare a (stemmed, folded) word is across the library's documents. */
  idf(word: string): number;
  /** How often the document itself uses the word (>= 1 when it occurs). */
  tf(word: string): number;
}

const ROLE_BASE: Record<BlankRole, number> = { quote: 3, object: 2.8, set: 2.2, phrase: 1.6, figure: 1.4, name: 0.8, date: 0.3 };

/** Verbs whose object is what a statement commits to, condemns, decides or demands. */
const CARRIER_VERBS = new Set(
  (
    'condemn condemned condemns recognize recognise recognized recognised accept accepted support supported supports provide provided provides allocate allocated ' +
    'announce announced announces pledge pledged promise promised reject rejected demand demanded urge urged warn warned welcome welcomed reaffirm reaffirmed approve approved ' +
    'adopt adopted ban banned impose imposed sign signed end ended stop stopped join joined send sent deliver delivered supply supplied raise raised cut cuts accuse accused ' +
    'deny denied launch launched introduce introduced buy bought sell sold acquire acquired win won beat defeated defeat kill killed threaten threatened threatening ' +
    'strengthen strengthened intensify step repair protect defend maintain finalise finalize enhance increase reduce manage assess discuss address build counter ' +
    'include includes including find found discover discovered detect detected develop developed create created offer offered seek sought face faces faced ' +
    'plead pleaded charge charged sentence sentenced arrest arrested investigate investigated' 
  ).split(/\s+/),
);

const NOUNISH = (t: TaggedTerm): boolean => t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('Value') || t.tags.has('Possessive');

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

/** The noun phrase right after a carrier verb ("never recognize [Russia’s illegal annexations]"). */
function objectOptions(text: string, terms: readonly TaggedTerm[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < terms.length; i++) {
    const v = terms[i] as TaggedTerm;
    if (!CARRIER_VERBS.has(fold(v.text))) continue;
    let j = i + 1;
    // Skip determiners and particles in front: "the", "its", "to", "further".
    while (j < terms.length && /^(?:the|a|an|its|their|his|her|our|further|more|all|any|to|for|on|about|of|up)$/i.test((terms[j] as TaggedTerm).text) && j - i <= 3) j++;
    const first = j;
    let last = -1;
    while (j < terms.length && j - first < 6) {
      const t = terms[j] as TaggedTerm;
      const and = /^(?:and)$/i.test(t.text) && j + 1 < terms.length && NOUNISH(terms[j + 1] as TaggedTerm) && (terms[j - 1] as TaggedTerm).tags.has('Adjective');
      // "Russia’s war of aggression": "of" and a noun continue the phrase.
      const of = /^of$/i.test(t.text) && j > first && j + 1 < terms.length && (terms[j + 1] as TaggedTerm).tags.has('Noun') && !/[,;:]/u.test(text.slice((terms[j - 1] as TaggedTerm).end, t.start));
      if (!(NOUNISH(t) || and || of) || t.tags.has('Pronoun') || (t.tags.has('Verb') && !of) || (t.tags.has('Preposition') && !of) || (t.tags.has('Conjunction') && !and)) break;
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
    if (tokenize(text.slice(s, e)).length <= 5) out.push({ start: s, end: e });
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
  for (const t of terms) {
    const ok = (t.tags.has('Noun') || t.tags.has('Adjective')) && !t.tags.has('Pronoun') && !t.tags.has('Verb') && !t.tags.has('Date');
    const prev = run.at(-1);
    const contiguous = !prev || /^\s+$/u.test(text.slice(prev.end, t.start)) || text.slice(prev.end, t.start) === '-';
    if (ok && contiguous) run.push(t);
    else {
      flush();
      if (ok) run.push(t);
    }
  }
  flush();
  return out;
}

export interface BlankInput {
  text: string;
  spans: readonly AnswerSpan[];
  terms: readonly TaggedTerm[];
  kind: StatementKind | null;
  /** Keys of names so common in the library that blanking them tests nothing. */
  ubiquitous(key: string): boolean;
  d: Distinctiveness;
}

/** Every blank the sentence offers, best first (hygiene is checked afterwards, by the caller). */
export function blankOptions(input: BlankInput): BlankOption[] {
  const { text, spans, terms, kind, d } = input;
  const out: BlankOption[] = [];
  const add = (from: number, to: number, role: BlankRole, key?: string): void => {
    let start = from;
    let end = to;
    if (role === 'object' || role === 'phrase') {
      // Never a stopword at either end ("against hostile attacks", "the meeting").
      const words = tokenize(text.slice(start, end));
      while (words.length && STOPWORDS.has((words[0] as { norm: string }).norm)) words.shift();
      while (words.length && STOPWORDS.has((words.at(-1) as { norm: string }).norm)) words.pop();
      if (!words.length) return;
      start += (words[0] as { start: number }).start;
      end = from + (words.at(-1) as { end: number }).end;
    }
    while (end > start && /[\s.,;:!?]/u.test(text[end - 1] as string) && !/\p{Lu}\.$/u.test(text.slice(end - 2, end))) end--;
    if (end <= start) return;
    const t = text.slice(start, end);
    if (out.some((o) => o.start === start && o.end === end)) return;
    let score = ROLE_BASE[role] + phraseDistinctiveness(t, d);
    const words = tokenize(t).length;
    if (words > 4) score -= 0.6;
    // One ordinary word ("ways", "meeting") rarely carries a claim.
    if (words === 1 && (role === 'object' || role === 'phrase')) score -= t.length < 8 ? 2 : 1;
    if (role === 'figure' && (kind === 'decision' || kind === 'commitment') && /[\p{Sc}]|million|billion|\bbn\b|per ?cent|%/iu.test(t)) score += 1.2;
    if (role === 'name' && key && input.ubiquitous(key)) score -= 2;
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
  for (const o of objectOptions(text, terms)) {
    // The object of "allocate $53 million": the figure is the object; keep its own span too.
    const named = spans.find((s) => s.start === o.start && s.end === o.end);
    add(o.start, o.end, named && named.type !== 'term' ? (named.type === 'money' || named.type === 'number' ? 'figure' : 'name') : 'object', named?.key);
    const last = out.at(-1);
    if (last && last.start === o.start && last.end === o.end && last.role !== 'object') last.score += 1;
  }
  for (const p of phraseOptions(text, terms)) add(p.start, p.end, 'phrase');
  // A whole enumeration of 3-4 names when the sentence is about the set.
  for (const s of spans) {
    const list = enumerationAround(text, s.start, s.end);
    if (list.items >= 2 && list.items <= 4) add(list.start, list.end, 'set');
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}
