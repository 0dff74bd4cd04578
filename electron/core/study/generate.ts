import type { AnswerSpan, CorpusAnalysis, DocInfo, ResolvedQuote, UnitInfo } from './analysis.js';
import type { SpanType } from './entities.js';
import { quantityKey } from './quantities.js';
import { containment, contentWords, fold, foldPhrase, jaccard, sha1, STOPWORDS, tokenize, type Token } from './text.js';
import type { CardKind } from './types.js';

// Cards made from the analysis. Each tests one thing and keeps its sources; the same fact in
// several documents is one card; a fact the sources disagree on becomes a question about the
// disagreement. Output is deterministic for the same library.

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
  /** The full source sentence(s). */
  passage: string;
  /** What the answer is, compared across cards (a canonical name, a folded phrase). */
  answerKey: string;
  sources: CardSource[];
  score: number;
  reasons: string[];
}

export const BLANK = '[...]';

const TYPE_BONUS: Record<SpanType, number> = {
  money: 3,
  date: 2.5,
  designator: 2.5,
  number: 2,
  year: 1.5,
  person: 2,
  quote: 2,
  place: 1,
  org: 0.8,
  name: 0.5,
  term: -0.5,
};

const TYPE_LABEL: Record<SpanType, string> = {
  money: 'an amount',
  date: 'a date',
  designator: 'a model name',
  number: 'a number',
  year: 'a year',
  person: 'a person',
  quote: 'a key phrase',
  place: 'a place',
  org: 'an organisation',
  name: 'a name',
  term: 'a key term',
};

/** Below this a cloze card is not worth the reader's time. */
const MIN_CLOZE_SCORE = 3.4;
const MIN_WHO_SCORE = 2.5;
const PER_ANSWER = 2;
const PER_CLUSTER = 4;
const MAX_TERMS = 10;
const WHO_PER_SPEAKER = 7;
const WHO_SHORTLIST = 60;
const MAX_DISAGREEMENT_UNITS = 12;
const MIN_QUOTE_WORDS = 6;
const MAX_WHICH = 12;
const MAX_QUOTE_WORDS = 45;

interface ClozeCandidate {
  unit: UnitInfo;
  span: AnswerSpan;
  score: number;
  key: string;
  sources: Set<UnitInfo>;
}

export function generateCards(a: CorpusAnalysis): GeneratedCard[] {
  const disputed = findDisagreements(a);
  const cloze = clozeCards(a, disputed.keys);
  const who = whoSaidCards(a);
  const which = whichSourcesCards(a);
  const all = [...cloze, ...who, ...which, ...disputed.cards];
  // One card per prompt: the first (best) wins.
  const seen = new Set<string>();
  const out: GeneratedCard[] = [];
  for (const c of all) {
    const k = foldPhrase(c.prompt);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------- cloze

function clozeCards(a: CorpusAnalysis, disputedKeys: Set<string>): GeneratedCard[] {
  const byKey = new Map<string, ClozeCandidate>();
  const groups = new Map<number, UnitInfo[]>();
  const clusters = new Map<number, UnitInfo[]>();
  for (const u of a.units) {
    if (u.unit.boilerplate) continue;
    const list = groups.get(u.group);
    if (list) list.push(u);
    else groups.set(u.group, [u]);
    const inCluster = clusters.get(u.cluster);
    if (inCluster) inCluster.push(u);
    else clusters.set(u.cluster, [u]);
  }
  for (const groupUnits of groups.values()) {
    const u = groupUnits[0] as UnitInfo;
    const rep = groupUnits.reduce((best, x) => (x.score > best.score ? x : best), u);
    if (!clozeableUnit(rep)) continue;
    for (const span of rep.spans) {
      if (!answerable(a, rep, span)) continue;
      if (disputedKeys.has(`${rep.cluster}|${span.key}`)) continue;
      // Long sentences make poor prompts: where the same answer sits in a shorter one, that wins.
      const words = rep.tokens.length;
      const common = a.isUbiquitous(span.key) ? 1 : 0;
      // A key term is a fair question where the source itself lists the point as key.
      const bonus = span.type === 'term' && (rep.unit.keyListItem || rep.headline) ? 0 : TYPE_BONUS[span.type];
      const score = rep.score + bonus - common - Math.max(0, (words - 35) / 15);
      const key = `${rep.cluster}|${span.key}`;
      const prev = byKey.get(key);
      if (!prev) byKey.set(key, { unit: rep, span, score, key: span.key, sources: new Set(groupUnits) });
      else {
        for (const x of groupUnits) prev.sources.add(x);
        if (score > prev.score || (score === prev.score && rep.unit.text.length < prev.unit.unit.text.length)) {
          prev.unit = rep;
          prev.span = span;
          prev.score = score;
        }
      }
    }
  }
  const candidates = [...byKey.values()].sort((x, y) => y.score - x.score || x.unit.idx - y.unit.idx || x.span.start - y.span.start);
  const perAnswer = new Map<string, number>();
  const perCluster = new Map<number, number>();
  const out: GeneratedCard[] = [];
  let terms = 0;
  const termClusters = new Set<number>();
  for (const c of candidates) {
    if (c.score < MIN_CLOZE_SCORE) break;
    // Key terms are the weakest answers: a few, one per statement.
    if (c.span.type === 'term' && (terms >= MAX_TERMS || termClusters.has(c.unit.cluster))) continue;
    const answerCap = a.isUbiquitous(c.key) ? 1 : PER_ANSWER;
    if ((perAnswer.get(c.key) ?? 0) >= answerCap) continue;
    // List items (one card per item) count once against the sentence's allowance.
    const clusterCap = PER_CLUSTER + (c.span.listId !== null ? 2 : 0);
    if ((perCluster.get(c.unit.cluster) ?? 0) >= clusterCap) continue;
    perAnswer.set(c.key, (perAnswer.get(c.key) ?? 0) + 1);
    perCluster.set(c.unit.cluster, (perCluster.get(c.unit.cluster) ?? 0) + 1);
    if (c.span.type === 'term') {
      terms++;
      termClusters.add(c.unit.cluster);
    }
    // Every telling of the statement that has the answer is a source of the card.
    const answerKey = c.unit.keys.filter((_, i) => {
      const t = c.unit.tokens[i] as Token;
      return t.start >= c.span.start && t.end <= c.span.end;
    });
    const needle = ` ${answerKey.join(' ')} `;
    if (needle.trim()) for (const other of clusters.get(c.unit.cluster) ?? []) if (!c.sources.has(other) && ` ${other.keys.join(' ')} `.includes(needle)) c.sources.add(other);
    out.push(clozeCard(a, c));
  }
  return out;
}

function clozeCard(a: CorpusAnalysis, c: ClozeCandidate): GeneratedCard {
  const passage = c.unit.unit.text;
  const answer = passage.slice(c.span.start, c.span.end);
  const prompt = passage.slice(0, c.span.start) + BLANK + passage.slice(c.span.end);
  // The sentence the card shows comes first; the other sources follow in library order.
  const sources = [c.unit, ...orderSources(a, [...c.sources]).filter((u) => u !== c.unit)];
  const reasons = [`blanks ${TYPE_LABEL[c.span.type]}`, ...c.unit.reasons];
  return {
    fingerprint: sha1(`cloze|${foldPhrase(passage)}|${c.key}`),
    kind: 'cloze',
    prompt,
    answer,
    alternatives: alternativesFor(a, c.span, answer),
    passage,
    answerKey: c.key,
    sources: sources.map((u) => ({ docId: u.unit.docId, start: u.unit.start, end: u.unit.end })),
    score: Math.round(c.score * 100) / 100,
    reasons,
  };
}

function clozeableUnit(u: UnitInfo): boolean {
  const words = u.tokens.length;
  if (words < 6 || words > 80) return false;
  if (u.unit.text.includes(BLANK)) return false;
  return true;
}

/** Can this span be the one blank of a card: meaningful, and not given away by the rest? */
function answerable(a: CorpusAnalysis, u: UnitInfo, span: AnswerSpan): boolean {
  const text = u.unit.text;
  const answer = text.slice(span.start, span.end);
  const inside: number[] = [];
  const outside: number[] = [];
  u.tokens.forEach((t, i) => (t.start >= span.start && t.end <= span.end ? inside : t.end <= span.start || t.start >= span.end ? outside : inside).push(i));
  const words = inside.map((i) => u.tokens[i] as Token);
  if (words.length === 0 || words.length > 8) return false;
  if (words.every((w) => STOPWORDS.has(w.norm))) return false;
  const nameLike = span.type === 'person' || span.type === 'place' || span.type === 'org' || span.type === 'name';
  // Who said a quotation is asked by its own card, not by blanking the speaker.
  if (span.type === 'person' && u.speakers.some((s) => s.kind === 'person' && a.names.get(span.key)?.display === s.name)) return false;
  // So common in this library that blanking it tests nothing (NATO, Ukraine).
  if ((nameLike || span.type === 'term') && a.isUbiquitous(span.key) && superUbiquitous(a, span.key)) return false;
  const rest = text.slice(0, span.start) + ' ' + text.slice(span.end);
  const restFolded = ` ${outside.map((i) => u.keys[i]).join(' ')} `;
  const answerFolded = inside.map((i) => u.keys[i]).join(' ');
  if (answerFolded && restFolded.includes(` ${answerFolded} `)) return false;
  // The same person/place named again elsewhere in the sentence.
  if (u.mentions.some((m) => m.key === span.key && (m.end <= span.start || m.start >= span.end))) return false;
  if (nameLike) {
    // "Swedish" gives away "Sweden"; "Ukrainian" gives away "Ukraine".
    for (const w of words) {
      if (w.norm.length < 5 || !/^\p{Lu}/u.test(w.text)) continue;
      const stem = w.norm.slice(0, 4);
      for (const i of outside) {
        const t = u.tokens[i] as Token;
        if (/^\p{Lu}/u.test(t.text) && t.norm.startsWith(stem)) return false;
      }
    }
  }
  if (span.type === 'money' || span.type === 'number' || span.type === 'year' || span.type === 'date') {
    // The same figure written again elsewhere in the sentence.
    for (const d of answer.match(/\d+/g) ?? []) if (new RegExp(`(?<!\\d)${d}(?!\\d)`).test(rest)) return false;
  }
  if (span.type === 'term') {
    // A term is only worth a card where the sentence makes it the point, and never a phrase
    // that is just a common collocation of two ordinary words.
    if ((a.termCounts.get(span.key) ?? 0) < 2) return false;
  }
  return true;
}

function superUbiquitous(a: CorpusAnalysis, key: string): boolean {
  const n = a.names.get(key);
  const count = n ? n.unitCount : (a.termCounts.get(key) ?? 0);
  return count > Math.max(8, a.contentUnits * 0.25);
}

function alternativesFor(a: CorpusAnalysis, span: AnswerSpan, answer: string): string[] {
  const alts = new Set<string>();
  if (span.type === 'person') {
    const n = a.names.get(span.key);
    if (n) alts.add(n.display);
    const parts = answer.split(/\s+/);
    if (parts.length >= 2) alts.add(parts.at(-1) as string);
  }
  if (span.type === 'place' || span.type === 'org') {
    const stripped = answer.replace(/^(?:the\s+)?(?:Republic|Kingdom|State|Principality) of\s+/i, '');
    if (stripped !== answer) alts.add(stripped);
    const n = a.names.get(span.key);
    if (n && n.display !== answer) alts.add(n.display);
  }
  if (span.type === 'designator') {
    const last = answer.split(/\s+/).at(-1) as string;
    if (last !== answer && /^\p{Lu}\p{Ll}+$/u.test(last)) alts.add(last); // "Gripen" for "SAAB JAS 39 Gripen"
  }
  alts.delete(answer);
  return [...alts];
}

// ---------------------------------------------------------------- who said it

interface WhoCandidate {
  speaker: string;
  quote: string;
  passage: string;
  score: number;
  words: Set<string>;
  sources: UnitInfo[];
  reasons: string[];
}

function whoSaidCards(a: CorpusAnalysis): GeneratedCard[] {
  // The same words in several documents are merged first (cheaply, by their folded text);
  // near-duplicates are then looked for among each speaker's best quotations only.
  const exact = new Map<string, WhoCandidate>();
  for (const d of a.docs) {
    for (const q of d.quotes) {
      if (q.speaker?.kind !== 'person') continue;
      const c = whoCandidate(a, d, q, q.speaker.name);
      if (!c) continue;
      const key = `${c.speaker}|${foldPhrase(c.quote)}`;
      const same = exact.get(key);
      if (!same) exact.set(key, c);
      else {
        const newDoc = !same.sources.some((u) => u.unit.docId === c.sources[0]?.unit.docId);
        for (const s of c.sources) if (!same.sources.includes(s)) same.sources.push(s);
        same.score = Math.max(same.score, c.score) + (newDoc ? 1 : 0);
      }
    }
  }
  const bySpeaker = new Map<string, WhoCandidate[]>();
  for (const c of exact.values()) {
    const list = bySpeaker.get(c.speaker);
    if (list) list.push(c);
    else bySpeaker.set(c.speaker, [c]);
  }
  const shortlisted = [...bySpeaker.values()].flatMap((list) => list.sort((x, y) => y.score - x.score).slice(0, WHO_SHORTLIST));
  const cands: WhoCandidate[] = [];
  {
    for (const c of shortlisted) {
      // The same quotation reported by several sources (or a fragment of one): one card.
      const same = cands.find((x) => x.speaker === c.speaker && (jaccard(x.words, c.words) >= 0.6 || (Math.min(x.words.size, c.words.size) >= 2 && containment(x.words, c.words) >= 0.9)));
      if (same) {
        for (const s of c.sources) if (!same.sources.includes(s)) same.sources.push(s);
        if (c.score > same.score && c.words.size >= same.words.size * 0.5) {
          same.quote = c.quote;
          same.passage = c.passage;
          same.score = c.score;
          same.reasons = c.reasons;
          same.words = c.words;
        }
        same.score += 1;
      } else cands.push(c);
    }
  }
  cands.sort((x, y) => y.score - x.score || x.quote.localeCompare(y.quote));
  const perSpeaker = new Map<string, number>();
  const out: GeneratedCard[] = [];
  for (const c of cands) {
    if (c.score < MIN_WHO_SCORE) break;
    if ((perSpeaker.get(c.speaker) ?? 0) >= WHO_PER_SPEAKER) continue;
    perSpeaker.set(c.speaker, (perSpeaker.get(c.speaker) ?? 0) + 1);
    const parts = c.speaker.split(/\s+/);
    const docs = new Set(c.sources.map((s) => s.unit.docId));
    out.push({
      fingerprint: sha1(`who|${foldPhrase(c.quote)}|${fold(c.speaker)}`),
      kind: 'who-said',
      prompt: `Who said: “${c.quote}”?`,
      answer: c.speaker,
      alternatives: parts.length >= 2 ? [parts.at(-1) as string] : [],
      passage: c.passage,
      answerKey: `speaker:${fold(c.speaker)}`,
      sources: orderSources(a, c.sources).map((u) => ({ docId: u.unit.docId, start: u.unit.start, end: u.unit.end })),
      score: Math.round(c.score * 100) / 100,
      reasons: [`quotation attributed to ${c.speaker}`, ...(docs.size > 1 ? [`reported by ${docs.size} sources`] : []), ...c.reasons],
    });
  }
  return out;
}

function whoCandidate(a: CorpusAnalysis, d: DocInfo, q: ResolvedQuote, speaker: string): WhoCandidate | null {
  const covering = d.units.filter((u) => !u.unit.boilerplate && u.unit.start < q.end && q.start < u.unit.end);
  if (!covering.length) return null;
  // Long quotations: the best-scoring sentences of it, up to MAX_QUOTE_WORDS words.
  let chosen = covering;
  if (tokenize(d.text.slice(q.start, q.end)).length > MAX_QUOTE_WORDS) {
    const best = covering.reduce((b, u) => (u.score > b.score ? u : b), covering[0] as UnitInfo);
    const i = covering.indexOf(best);
    let lo = i;
    let hi = i;
    const words = (from: number, to: number): number => tokenize(d.text.slice(Math.max(q.start, (covering[from] as UnitInfo).unit.start), Math.min(q.end, (covering[to] as UnitInfo).unit.end))).length;
    for (;;) {
      const canUp = hi + 1 < covering.length && words(lo, hi + 1) <= MAX_QUOTE_WORDS;
      const canDown = lo - 1 >= 0 && words(lo - 1, hi) <= MAX_QUOTE_WORDS;
      if (!canUp && !canDown) break;
      const up = canUp ? (covering[hi + 1] as UnitInfo).score : -Infinity;
      const down = canDown ? (covering[lo - 1] as UnitInfo).score : -Infinity;
      if (up >= down) hi++;
      else lo--;
    }
    chosen = covering.slice(lo, hi + 1);
  }
  const from = Math.max(q.start, (chosen[0] as UnitInfo).unit.start);
  const to = Math.min(q.end, (chosen.at(-1) as UnitInfo).unit.end);
  let quote = d.text
    .slice(from, to)
    .replace(/\s*\n+\s*/g, ' ')
    .replace(/^\s*\d{1,2}\.\s+/, '')
    .replace(/[\s,;:]+$/u, '')
    .replace(/^[\s,;:]+/u, '')
    .trim();
  if (!quote) return null;
  if (from > q.start || /^\p{Ll}/u.test(quote)) quote = `…${quote}`;
  if (to < q.end) quote = `${quote.replace(/[.,;:]$/, '')}…`;
  const words = tokenize(quote);
  if (words.length < MIN_QUOTE_WORDS) return null;
  // The quotation must not name its own speaker.
  const folded = ` ${foldPhrase(quote)} `;
  for (const part of speaker.split(/\s+/)) if (part.length > 2 && folded.includes(` ${foldPhrase(part)} `)) return null;
  const attributionUnit = q.speakerStart >= 0 ? d.units.find((u) => u.unit.start <= q.speakerStart && q.speakerStart < u.unit.end) : undefined;
  const passageUnits = [...chosen];
  if (attributionUnit && !passageUnits.includes(attributionUnit)) passageUnits.push(attributionUnit);
  passageUnits.sort((x, y) => x.unit.start - y.unit.start);
  const passage = passageUnits.map((u) => u.unit.text).join(' ');
  const quoteKey = ` ${foldPhrase(quote)} `;
  const keyPhrase = [...a.keyPhrases.keys()].some((k) => quoteKey.includes(` ${k} `));
  // A fragment quoted inside a longer sentence is a weaker question than a whole statement.
  const span = (chosen.at(-1) as UnitInfo).unit.end - (chosen[0] as UnitInfo).unit.start;
  const fragment = to - from < 0.5 * span;
  const mean = chosen.reduce((sum, u) => sum + u.score, 0) / chosen.length;
  const score = (fragment ? mean / 2 : mean) + (keyPhrase ? 1 : 0) + (words.length >= 10 && words.length <= 40 ? 0.5 : 0);
  const reasons = [...new Set(chosen.flatMap((u) => u.reasons))].filter((r) => !r.startsWith('quotes '));
  return { speaker, quote, passage, score, words: new Set(contentWords(quote)), sources: passageUnits, reasons };
}

// ---------------------------------------------------------------- which sources

function whichSourcesCards(a: CorpusAnalysis): GeneratedCard[] {
  if (!a.statements.length) return [];
  const out: GeneratedCard[] = [];
  const ranked = a.statements
    .map((st) => {
      const units: UnitInfo[] = [];
      for (const s of st.sources) {
        const d = a.docById.get(s.docId);
        const u = d?.units.find((x) => !x.unit.boilerplate && x.unit.start < s.end && s.start < x.unit.end);
        if (u && !units.includes(u)) units.push(u);
      }
      const docs = [...new Set(units.map((u) => u.unit.docId))];
      const best = units.reduce<UnitInfo | null>((b, u) => (!b || u.score > b.score ? u : b), null);
      return { st, units, docs, best };
    })
    .filter((x) => x.docs.length >= 2 && x.best !== null && x.best.tokens.length >= 6)
    .sort((x, y) => y.docs.length - x.docs.length || (y.best?.score ?? 0) - (x.best?.score ?? 0));
  const used = new Set<number>();
  for (const r of ranked) {
    if (out.length >= MAX_WHICH) break;
    const best = r.best as UnitInfo;
    if (used.has(best.cluster)) continue;
    used.add(best.cluster);
    const labels = orderDocs(a, r.docs).map((id) => a.docById.get(id)?.label ?? id);
    out.push({
      fingerprint: sha1(`which|${foldPhrase(best.unit.text)}`),
      kind: 'which-sources',
      prompt: `Which sources report this? ${best.unit.text}`,
      answer: labels.join('; '),
      alternatives: [],
      passage: best.unit.text,
      answerKey: `sources:${[...r.docs].sort().join(',')}`,
      sources: orderSources(a, r.units).map((u) => ({ docId: u.unit.docId, start: u.unit.start, end: u.unit.end })),
      // Harder than a cloze: after the clozes of the same weight in the queue of new cards.
      score: best.score - 0.5,
      reasons: [`carried by ${r.docs.length} sources`, ...best.reasons.filter((x) => !x.startsWith('carried by'))],
    });
  }
  return out;
}

// ---------------------------------------------------------------- disagreements

const FAMILY: Partial<Record<SpanType, string>> = { money: 'amount', number: 'amount', date: 'date', year: 'date', person: 'person' };

/**
 * Sentences in different documents that say the same thing but give a different figure,
 * date or person. No single-answer card is made from those; one card asks what each says.
 */
function findDisagreements(a: CorpusAnalysis): { keys: Set<string>; cards: GeneratedCard[] } {
  const keys = new Set<string>();
  const cards: GeneratedCard[] = [];
  // One unit per distinct sentence, the best few per cluster: enough to see a disagreement
  // without comparing every pair of a statement a thousand documents repeat.
  const byCluster = new Map<number, Map<number, UnitInfo>>();
  for (const u of a.units) {
    if (u.unit.boilerplate || u.sourceDocs.length < 2 || !u.spans.some((sp) => FAMILY[sp.type])) continue;
    let groups = byCluster.get(u.cluster);
    if (!groups) byCluster.set(u.cluster, (groups = new Map()));
    const prev = groups.get(u.group);
    if (!prev || u.score > prev.score) groups.set(u.group, u);
  }
  const values = new Map<string, Map<string, AnswerSpan>>();
  const cachedValues = (u: UnitInfo, family: string): Map<string, AnswerSpan> => {
    const k = `${u.group}|${family}`;
    let v = values.get(k);
    if (!v) values.set(k, (v = valuesOf(u, family)));
    return v;
  };
  for (const [cluster, groupMap] of byCluster) {
    const units = [...groupMap.values()].sort((x, y) => y.score - x.score || x.idx - y.idx).slice(0, MAX_DISAGREEMENT_UNITS);
    const reported = new Set<string>();
    for (let i = 0; i < units.length; i++) {
      for (let j = i + 1; j < units.length; j++) {
        const x = units[i] as UnitInfo;
        const y = units[j] as UnitInfo;
        if (x.unit.docId === y.unit.docId || x.group === y.group) continue;
        for (const family of ['amount', 'date', 'person']) {
          if (reported.has(family)) continue;
          const vx = cachedValues(x, family);
          const vy = cachedValues(y, family);
          if (!vx.size || !vy.size) continue;
          const onlyX = [...vx.entries()].filter(([k]) => !hasEquivalent(vy, k));
          const onlyY = [...vy.entries()].filter(([k]) => !hasEquivalent(vx, k));
          if (!onlyX.length || !onlyY.length) continue;
          // The rest of the two sentences must agree: otherwise they are two statements.
          const rest = (u: UnitInfo, vals: Array<[string, AnswerSpan]>): Set<string> => {
            let t = u.unit.text;
            for (const [, s] of [...vals].sort((p, q) => q[1].start - p[1].start)) t = t.slice(0, s.start) + ' ' + t.slice(s.end);
            return new Set(contentWords(t));
          };
          if (jaccard(rest(x, onlyX), rest(y, onlyY)) < 0.5) continue;
          const [kx, sx] = onlyX[0] as [string, AnswerSpan];
          const [ky, sy] = onlyY[0] as [string, AnswerSpan];
          keys.add(`${cluster}|${sx.key}`);
          keys.add(`${cluster}|${sy.key}`);
          reported.add(family);
          const labelX = a.docById.get(x.unit.docId)?.label ?? x.unit.docId;
          const labelY = a.docById.get(y.unit.docId)?.label ?? y.unit.docId;
          const prompt = `The sources disagree here: “${x.unit.text.slice(0, sx.start)}${BLANK}${x.unit.text.slice(sx.end)}” What does each source give?`;
          cards.push({
            fingerprint: sha1(`disagree|${foldPhrase(x.unit.text)}|${[kx, ky].sort().join('|')}`),
            kind: 'disagreement',
            prompt,
            answer: `${labelX}: ${sx.text}; ${labelY}: ${sy.text}`,
            alternatives: [],
            passage: `${x.unit.text} / ${y.unit.text}`,
            answerKey: `disagree:${[kx, ky].sort().join('|')}`,
            sources: orderSources(a, [x, y]).map((u) => ({ docId: u.unit.docId, start: u.unit.start, end: u.unit.end })),
            score: Math.max(x.score, y.score) + 2,
            reasons: [`sources disagree on ${family === 'amount' ? 'a figure' : family === 'date' ? 'a date' : 'a name'}`],
          });
        }
      }
    }
  }
  return { keys, cards };
}

function valuesOf(u: UnitInfo, family: string): Map<string, AnswerSpan> {
  const out = new Map<string, AnswerSpan>();
  for (const s of u.spans) {
    if (FAMILY[s.type] !== family) continue;
    const k = family === 'person' ? s.key : (quantityKey(s.text) ?? s.key);
    out.set(k, s);
  }
  return out;
}

function hasEquivalent(values: Map<string, AnswerSpan>, key: string): boolean {
  if (values.has(key)) return true;
  // "Moldova" and "the Republic of Moldova", "2022" and "November 15, 2022": one contains the other.
  for (const k of values.keys()) if (k.includes(key) || key.includes(k)) return true;
  return false;
}

// ---------------------------------------------------------------- helpers

function orderDocs(a: CorpusAnalysis, ids: string[]): string[] {
  const order = new Map(a.docs.map((d, i) => [d.id, i]));
  return [...ids].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
}

function orderSources(a: CorpusAnalysis, units: UnitInfo[]): UnitInfo[] {
  const order = new Map(a.docs.map((d, i) => [d.id, i]));
  const unique = [...new Set(units)];
  return unique.sort((x, y) => (order.get(x.unit.docId) ?? 0) - (order.get(y.unit.docId) ?? 0) || x.unit.start - y.unit.start);
}
