import { dropOverlaps, ROLE_WORDS, type SpanType } from '../entities.js';
import type { TaggedTerm } from '../nlp.js';
import { fastTags } from '../gen/tagger.js';
import { foldPhrase, STOPWORDS, type Token } from '../text.js';
import { nameKey } from './names.js';
import { TERM_MIN_UNIT_SCORE, type AnswerSpan, type Group, type NameTable, type TermTable, type UnitInfo } from './types.js';

// Phase: answer spans. What a card could ask for in each sentence: quantities, names, key
// phrases, lists ("Finland and Sweden"), and key terms (noun phrases several documents use,
// only in sentences that could make a card).

/** Candidate key terms of every group and where the library uses them. */
export function findTerms(groups: Group[], units: UnitInfo[]): TermTable {
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
  return { termDocs, termUnits, groupTerms };
}

/** Answer spans of each group (quantities, names, key phrases), lists marked; sets content units' spans. */
export function answerSpans(groups: Group[], content: UnitInfo[], t: NameTable, groupPhrases: string[][], keyPhrases: Map<string, { text: string; docs: number }>): AnswerSpan[][] {
  const { names, canonical } = t;
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
  return groupSpans;
}

/** Key terms as answers in the groups that could make a card (after scoring). */
export function addKeyTerms(groups: Group[], units: UnitInfo[], groupSpans: AnswerSpan[][], terms: TermTable): void {
  const { termDocs, groupTerms } = terms;
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
}

export function quantityKey(type: SpanType, text: string): string {
  return `${type}:${foldPhrase(text)}`;
}

/** Where a folded phrase occurs among tokens, on word boundaries (offsets into the text). */
export function findFolded(tokens: readonly Token[], keys: readonly string[], key: string): { start: number; end: number } | null {
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
function termCandidates(text: string, tokens: readonly Token[]): Array<{ start: number; end: number; key: string; text: string }> {
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
