import { fold, tokenize, type Token } from './text.js';

// Answer-bearing spans inside a sentence: amounts of money, numbers with their unit, dates,
// model designations, and capitalised names (classified later with the corpus and compromise).

export type SpanType = 'money' | 'number' | 'date' | 'year' | 'designator' | 'person' | 'place' | 'org' | 'name' | 'quote' | 'term';

export interface TypedSpan {
  start: number;
  end: number;
  type: SpanType;
  text: string;
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const NUM = '(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const SCALE = '(?:million|billion|trillion|thousand|mn|bn|tn|m|b|k)';
const CUR_SYM = '(?:US\\$|C\\$|A\\$|[€$£¥₴₽])';
const CUR_CODE = '(?:EUR|USD|GBP|NOK|SEK|DKK|CHF|JPY|CNY|UAH|RUB|PLN|CAD|AUD|CZK|HUF|RON|TRY)';
const CUR_WORD = '(?:euros?|dollars?|pounds?(?: sterling)?|kroner|krone|kronor|kronur|hryvnias?|hryvnia|roubles?|rubles?|yen|yuan|francs?|zlotys?|lei|leu)';

const MONEY_RES = [
  new RegExp(`${CUR_SYM}\\s?${NUM}(?:\\s?${SCALE}\\b)?`, 'gu'),
  new RegExp(`\\b${CUR_CODE}\\s?${NUM}(?:\\s?${SCALE}\\b)?`, 'gu'),
  new RegExp(`\\b${NUM}(?:\\s?${SCALE})?\\s?(?:${CUR_CODE}\\b|${CUR_WORD}\\b)`, 'giu'),
];
const DATE_RES = [
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?)?(?:,\\s*|\\s+)\\d{4}\\b`, 'gu'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{4})?\\b`, 'gu'),
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'gu'),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'gu'),
  /\b\d{4}-\d{2}-\d{2}\b/g,
];
const YEAR_RE = /\b(?:1[89]\d{2}|20\d{2})\b/g;
const NUMBER_WORDS = '(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)';
const UNIT_WORDS =
  '(?:percent|per cent|%|degrees?|days?|years?|months?|weeks?|hours?|minutes?|km|kilometres?|kilometers?|miles?|metres?|meters?|tonnes?|tons?|troops|soldiers|people|civilians|countries|nations|members|allies|states|jets|aircraft|tanks|missiles|drones|systems|points?)';
const NUMBER_RES = [
  new RegExp(`\\b${NUM}\\s?${SCALE}?\\s?(?:%|percent\\b|per cent\\b)`, 'giu'),
  new RegExp(`\\b${NUM}(?:-|\\s)${UNIT_WORDS}\\b`, 'giu'),
  new RegExp(`\\b${NUM}\\s${SCALE}\\b(?:\\s${UNIT_WORDS}\\b)?`, 'giu'),
  new RegExp(`\\b${NUMBER_WORDS}-(?:day|year|month|week|hour|point|member|nation|party|way|degree)\\b`, 'giu'),
];
/** Model designations: MiG-29, F-16, Su-27, S-300, HIMARS-style codes with a number. */
const DESIGNATOR_RE = /\b\p{Lu}[\p{L}]{0,3}-\d{1,4}[\p{L}]?\b/gu;

/** Amounts, numbers with units, dates and designators, longest first where they overlap. */
export function findQuantities(text: string): TypedSpan[] {
  const found: TypedSpan[] = [];
  const add = (re: RegExp, type: SpanType): void => {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const t = m[0].replace(/[\s,.]+$/u, '');
      if (!t) continue;
      found.push({ start: m.index, end: m.index + t.length, type, text: t });
    }
  };
  for (const re of MONEY_RES) add(re, 'money');
  for (const re of DATE_RES) add(re, 'date');
  for (const re of NUMBER_RES) add(re, 'number');
  add(DESIGNATOR_RE, 'designator');
  add(YEAR_RE, 'year');
  return dropOverlaps(found);
}

const TYPE_RANK: Record<SpanType, number> = {
  money: 0,
  date: 1,
  designator: 2,
  number: 3,
  year: 4,
  person: 5,
  place: 6,
  org: 7,
  name: 8,
  quote: 9,
  term: 10,
};

/** Keep the longest span where spans overlap; ties go to the more specific type. */
export function dropOverlaps(spans: TypedSpan[]): TypedSpan[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || TYPE_RANK[a.type] - TYPE_RANK[b.type] || a.start - b.start);
  const kept: TypedSpan[] = [];
  for (const s of sorted) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- capitalised names

/** Words that name an office, not a person: they introduce a name and are cut off it. */
export const ROLE_WORDS = new Set(
  (
    'secretary-general secretary general minister ministers president vice-president prime foreign chancellor mr mrs ms dr ambassador ' +
    'commissioner spokesperson spokesman spokeswoman king queen chief director deputy senator governor mayor admiral colonel ' +
    'lieutenant captain sergeant pope prince princess premier envoy representative chairman chairwoman chair affairs defence defense ' +
    'counterpart counterparts high general-secretary head heads'
  ).split(' '),
);

/** Capitalised words that are never names on their own. */
const NEVER_NAMES = new Set(
  (
    'allies alliance allied ally statement declaration summit monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december government ministry ' +
    'moreover however therefore meanwhile furthermore also and but the a an in on at of to for by with from ' +
    'we they he she it i you our their his her its this that these those there here today mr mrs ms'
  ).split(' '),
);

/** Country names that contain "and" (so "Bosnia and Herzegovina" is one place, not a list). */
export const MULTIWORD_PLACES = ['Bosnia and Herzegovina', 'Trinidad and Tobago', 'Antigua and Barbuda', 'Saint Kitts and Nevis', 'Saint Vincent and the Grenadines', 'São Tomé and Príncipe', 'Sao Tome and Principe', 'Heard Island and McDonald Islands'];

export interface NameMention {
  start: number;
  end: number;
  text: string;
  /** The office words just before it ("Foreign Minister"), if any. */
  role: string | null;
  /** The token before the name, folded ("in", "from", "president"), for classification. */
  before: string | null;
}

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) || /^\p{Ll}+\p{Lu}/u.test(t.text); // iPhone-style too
}

function isAcronym(w: string): boolean {
  return /^(?:\p{Lu}{2,}|(?:\p{Lu}\.)+\p{Lu}\.?)$/u.test(w);
}

/**
 * Runs of capitalised words ("Jens Stoltenberg", "the Republic of Moldova", "U.S. Department
 * of State"), with office words cut off the front and a possessive ’s cut off the end.
 * isCommonWord(folded) says whether a capitalised word at a sentence start is just an
 * ordinary word (it occurs in lower case elsewhere), so it is not taken for a name.
 */
export function findNames(text: string, isCommonWord: (folded: string, pos: number) => boolean, tokenized?: readonly Token[]): NameMention[] {
  const tokens = tokenized ?? tokenize(text);
  const out: NameMention[] = [];
  // Multi-word countries with "and" are matched first and treated as single tokens.
  const fixed: Array<{ start: number; end: number }> = [];
  for (const p of MULTIWORD_PLACES) {
    let at = text.indexOf(p);
    while (at >= 0) {
      fixed.push({ start: at, end: at + p.length });
      at = text.indexOf(p, at + p.length);
    }
  }
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    const inFixed = fixed.find((f) => f.start === t.start);
    if (!isCapitalised(t) && !inFixed) {
      i++;
      continue;
    }
    // Collect the run.
    const run: Token[] = [];
    let j = i;
    while (j < tokens.length) {
      const cur = tokens[j] as Token;
      const fx = fixed.find((f) => f.start === cur.start);
      if (fx) {
        // Swallow the whole fixed name as one pseudo-token.
        let k = j;
        while (k < tokens.length && (tokens[k] as Token).end <= fx.end) k++;
        run.push({ text: text.slice(fx.start, fx.end), norm: fold(text.slice(fx.start, fx.end)), start: fx.start, end: fx.end });
        j = k;
      } else if (isCapitalised(cur) || (run.length > 0 && /^\d+$/.test(cur.text) && isAcronym((run.at(-1) as Token).text) && j + 1 < tokens.length && isCapitalised(tokens[j + 1] as Token))) {
        run.push(cur);
        j++;
      } else if (run.length > 0 && (cur.norm === 'of' || cur.norm === 'de' || cur.norm === 'von' || cur.norm === 'van' || cur.norm === 'al') && j + 1 < tokens.length && isCapitalised(tokens[j + 1] as Token) && gapIsSpace(text, (run.at(-1) as Token).end, cur.start) && gapIsSpace(text, cur.end, (tokens[j + 1] as Token).start)) {
        run.push(cur);
        j++;
        continue;
      } else break;
      const last = run.at(-1) as Token;
      const next = tokens[j];
      if (!next) break;
      // A model designation stands alone: "giving Ukraine MiG-29" is two things.
      if (DESIGNATOR_TOKEN.test(last.text) !== DESIGNATOR_TOKEN.test(next.text)) break;
      // Stop at punctuation between words (a comma, a quotation mark), except the dot of U.S.
      const gap = text.slice(last.end, next.start);
      if (/’s$|'s$/u.test(last.text)) break;
      if (gap === ' ') continue;
      if (gap === '. ' && /^(?:\p{Lu}\.)*\p{Lu}$/u.test(last.text) && last.text.length >= 3) continue;
      break;
    }
    if (run.length === 0) {
      i = j + 1;
      continue;
    }
    emitRun(text, tokens, i, run, isCommonWord, out);
    i = Math.max(j, i + 1);
  }
  return out;
}

const DESIGNATOR_TOKEN = /^\p{Lu}[\p{L}]{0,3}-\d/u;

function gapIsSpace(text: string, a: number, b: number): boolean {
  return text.slice(a, b) === ' ';
}

function sentenceInitial(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 4), pos);
  return pos === 0 || /(?:^|[.!?:;]\s*["“”'‘(]?|["“(‘]|[•·▪-]\s)\s*$/u.test(before) || /^\s*$/.test(text.slice(0, pos));
}

function emitRun(text: string, tokens: readonly Token[], firstIndex: number, run: Token[], isCommonWord: (w: string, pos: number) => boolean, out: NameMention[]): void {
  let words = [...run];
  // A capitalised ordinary word at a sentence start is not a name ("Accession will …").
  while (words.length && sentenceInitial(text, (words[0] as Token).start) && (isCommonWord((words[0] as Token).norm.replace(/'s$/, ''), (words[0] as Token).start) || NEVER_NAMES.has((words[0] as Token).norm))) words.shift();
  // Cut office words off the front: "NATO Secretary-General Jens Stoltenberg" -> org + person.
  let role: string | null = null;
  let lastRole = -1;
  words.forEach((w, k) => {
    if (ROLE_WORDS.has(w.norm) || (w.norm === 'of' && k > 0 && ROLE_WORDS.has((words[k - 1] as Token).norm))) lastRole = k;
  });
  if (lastRole >= 0) {
    const head = words.slice(0, lastRole + 1);
    // An organisation before the office ("NATO Secretary-General") is a name of its own.
    const firstRole = head.findIndex((w) => ROLE_WORDS.has(w.norm));
    if (firstRole > 0) {
      const org = trimNameWords(head.slice(0, firstRole));
      if (org.length) pushName(text, org, null, tokens, out);
    }
    role = text.slice((head[Math.max(0, firstRole)] as Token).start, (head.at(-1) as Token).end);
    words = words.slice(lastRole + 1);
    while (words.length && (words[0] as Token).norm === 'of') words.shift();
    // "Secretary General of NATO Jens Stoltenberg": an acronym right after the office.
    if (words.length >= 3 && isAcronym((words[0] as Token).text) && !isAcronym((words[1] as Token).text)) {
      pushName(text, [words[0] as Token], null, tokens, out);
      words = words.slice(1);
    }
  }
  words = trimNameWords(words);
  if (words.length === 0) return;
  if (words.length === 1 && NEVER_NAMES.has((words[0] as Token).norm)) return;
  void firstIndex;
  pushName(text, words, role, tokens, out);
}

function trimNameWords(words: Token[]): Token[] {
  const w = [...words];
  while (w.length && (NEVER_NAMES.has((w[0] as Token).norm) || (w[0] as Token).norm === 'of')) w.shift();
  while (w.length && ((w.at(-1) as Token).norm === 'of' || NEVER_NAMES.has((w.at(-1) as Token).norm))) w.pop();
  return w;
}

function pushName(text: string, words: Token[], role: string | null, tokens: readonly Token[], out: NameMention[]): void {
  const first = words[0] as Token;
  const last = words.at(-1) as Token;
  let end = last.end;
  const possessive = /[’']s$/u.exec(text.slice(first.start, end));
  if (possessive) end -= possessive[0].length;
  // Keep the final dot of a dotted acronym (U.S.).
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(last.text) && text[end] === '.') end++;
  const start = first.start;
  if (end <= start) return;
  const idx = tokens.findIndex((t) => t.start === first.start);
  const before = idx > 0 ? (tokens[idx - 1] as Token).norm : null;
  out.push({ start, end, text: text.slice(start, end), role, before });
}
