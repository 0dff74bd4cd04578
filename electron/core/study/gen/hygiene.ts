import { lexiconSaysName } from '../nlp.js';
import { fold, foldPhrase, STOPWORDS, tokenize } from '../text.js';

// The rules of a good card (SuperMemo's twenty rules, Anki's manual), one small predicate each,
// so that the generator and the quality checker apply exactly the same rule and each rule has
// its own test. Every predicate takes the sentence and the blank as [start, end) offsets into it.

export const BLANK = '[...]';
export const MAX_PROMPT_CHARS = 300;
/** A prompt trimmed to a clause keeps at least this many words around the blank. */
export const MIN_CONTEXT_WORDS = 6;
/** A quotation this long is recitation, not recall. */
export const MAX_QUOTE_ANSWER_WORDS = 5;
export const MAX_ANSWER_WORDS = 6;

const LETTER = /[\p{L}\p{N}]/u;

/** The blank starts and ends on word boundaries (never half a word, never part of "70-year-old"). */
export function blanksWholeWords(text: string, start: number, end: number): boolean {
  if (start < 0 || end > text.length || end <= start) return false;
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  const first = text[start] as string;
  const last = text[end - 1] as string;
  if (!LETTER.test(first) && !/[$€£¥₴“"‘']/u.test(first)) return false;
  if (!LETTER.test(last) && !/[%”"’'.)]/u.test(last)) return false;
  if (LETTER.test(before) || LETTER.test(after)) return false;
  // Hyphenated compounds: "[...]-year-old", "Soviet-[...]".
  if (/[-‐‑]/u.test(before) && LETTER.test(text[start - 2] ?? '')) return false;
  if (/[-‐‑]/u.test(after) && LETTER.test(text[end + 1] ?? '')) return false;
  return true;
}

/** Not a name cut after an initial ("Donald J. [...]") or before one ("[...] J. Trump"). */
export function notAfterInitial(text: string, start: number, end: number): boolean {
  const head = text.slice(Math.max(0, start - 4), start);
  if (/(?:^|[\s(])\p{Lu}\.\s$/u.test(head)) return false;
  const tail = text.slice(end, end + 4);
  if (/^\s\p{Lu}\.(?:\s|$)/u.test(tail)) return false;
  // The answer itself ends in an initial: "Patrick W".
  if (/\s\p{Lu}$/u.test(text.slice(start, end)) && text[end] === '.') return false;
  return true;
}

/** Not a piece of an abbreviation ("U.S. [...]" where the blank is "Rep", or "[...]." cutting "D-Minn."). */
export function notPartOfAbbreviation(text: string, start: number, end: number): boolean {
  const answer = text.slice(start, end);
  // The blank stops right before a dot that belongs to an abbreviation: "Rep." "Jr." "D-Minn."
  if (text[end] === '.' && /^(?:\p{Lu}[\p{Ll}]{0,4}|\p{Lu}+-\p{Lu}\p{Ll}+)$/u.test(answer.split(/\s+/).at(-1) ?? '') && /^\.\s*(?:\p{Ll}|,|\p{Lu}\p{Ll}*\s)/u.test(text.slice(end, end + 6))) {
    const last = answer.split(/\s+/).at(-1) as string;
    if (ABBREVIATIONS.has(fold(last)) || /^\p{Lu}\p{Ll}{0,3}$/u.test(last) || last.includes('-')) return false;
  }
  // An abbreviation in front of the blank: "U.S. [...]", "Rep. [...]", "Dr. [...]".
  const head = text.slice(Math.max(0, start - 8), start);
  const m = /([\p{L}.]+)\s$/u.exec(head);
  if (m && /\.$/.test(m[1] as string)) {
    const word = (m[1] as string).replace(/\.$/, '');
    if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word) || ABBREVIATIONS.has(fold(word))) return false;
  }
  // The blank holds part of an abbreviation: "U" of "U.S.".
  if (/^\p{Lu}$/u.test(answer) && text[end] === '.') return false;
  return true;
}

const ABBREVIATIONS = new Set('mr mrs ms dr st gen lt col capt sgt prof sen rep reps gov jr sr inc ltd co corp no vs etc dept minn calif mass fla'.split(' '));

/** Not the owner of a possessive ("[...]’s initial public offering"). */
export function notPossessive(text: string, start: number, end: number): boolean {
  return !/^[’']s?\b/u.test(text.slice(end, end + 3));
}

/** Not one word of a longer capitalised name or title ("the U.S. Attorney’s [...] for the Western District"). */
export function notPartOfLongerName(text: string, start: number, end: number): boolean {
  const answer = text.slice(start, end);
  const capitalised = /^\p{Lu}/u.test(answer);
  const before = /([\p{L}\p{N}’'.-]+)\s$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? '';
  const after = /^\s([\p{L}\p{N}’'-]+)/u.exec(text.slice(end, end + 30))?.[1] ?? '';
  const sentenceStartBefore = start - before.length - 1 <= 0 || /[.!?:;“"(—–]\s*$/u.test(text.slice(0, Math.max(0, start - before.length - 1)));
  const nameWord = (w: string): boolean => /^\p{Lu}/u.test(w) && !STOPWORDS.has(fold(w).replace(/[’']s$/, '')) && !/^(?:The|A|An)$/u.test(w);
  if (capitalised && nameWord(after)) return false;
  // "the [...] of Moldova", "[...] of the United States": a name continues after "of".
  if (capitalised && /^\s(?:of|for|de|of the)\s\p{Lu}/u.test(text.slice(end, end + 12))) return false;
  // "NATO’s Comprehensive Assistance Package": an owner that is a name of its own (an acronym,
  // a known place or person) is not part of the name; "the Attorney’s Office" is one name.
  const owner = /^(.+)[’']s$/u.exec(before)?.[1] ?? null;
  const separateOwner = owner !== null && (/^\p{Lu}{2,}$/u.test(owner) || lexiconSaysName(fold(owner)) === true);
  if (capitalised && !/\d/.test(answer.split(/\s+/)[0] ?? '') && nameWord(before) && !separateOwner && !(sentenceStartBefore && STOPWORDS.has(fold(before)))) {
    // "President Trump": an office in front is fine to leave; a name word is not.
    if (!/^(?:President|Senator|Sen\.|Rep\.|Minister|Secretary|Chancellor|Premier|Governor|Mayor|Judge|Justice|Dr\.|Mr\.|Mrs\.|Ms\.|Prime|Pope|King|Queen|Prince|General|Gen\.)$/u.test(before)) return false;
  }
  // "of the [...]" inside "Western District of New York": capitalised name on both sides of "of".
  if (capitalised && /\p{Lu}[\p{L}]*\s+(?:of|for|of the|for the)\s$/u.test(text.slice(Math.max(0, start - 30), start)) && /\p{Lu}[\p{L}’']*\s+(?:of|for|of the|for the)\s$/u.test(text.slice(Math.max(0, start - 40), start))) {
    const head = text.slice(Math.max(0, start - 40), start);
    if (/(?:Office|Department|District|Ministry|University|Court|Bank|Board|Council|Committee|Institute|Museum|Secretary|Minister|Republic|Kingdom|House|Bureau|Agency|Chamber|School|Academy)\s+(?:of|for)(?:\s+the)?\s$/u.test(head)) return false;
  }
  return true;
}

export interface ListShape {
  /** Items of the enumeration the blank sits in (including the blank), or 1 when none. */
  items: number;
  /** [start, end) of the whole enumeration in the sentence. */
  start: number;
  end: number;
}

const MULTIWORD_AND = /\b(?:Bosnia and Herzegovina|Trinidad and Tobago|Antigua and Barbuda|Sao Tome and Principe|São Tomé and Príncipe)\b/gu;

interface Item {
  start: number;
  end: number;
}

const capitalOrFigure = (w: string): boolean => /^[\p{Lu}\p{N}$€£]/u.test(w);

/** The leading or trailing words of a segment that make one list item, shaped like the others. */
function edgeItem(text: string, from: number, to: number, leading: boolean, names: boolean): Item | null {
  const words = [...text.slice(from, to).matchAll(/[\p{L}\p{N}$€£][\p{L}\p{N}’'.\-%＆]*/gu)].map((m) => ({ s: from + m.index, e: from + m.index + m[0].length, w: m[0] }));
  if (!words.length) return null;
  const seq = leading ? words : [...words].reverse();
  const kept: typeof words = [];
  for (const w of seq) {
    if (kept.length >= 4) break;
    const stop = STOPWORDS.has(fold(w.w));
    if (names ? !capitalOrFigure(w.w) : stop) break;
    // "giving Ukraine MiG-29 and F-16": a name next to a designator is not part of the item.
    if (names && kept.length && /\d/.test(w.w) !== /\d/.test((kept[0] as { w: string }).w)) break;
    kept.push(w);
    if (!names && kept.length >= 3) break;
  }
  if (!kept.length) return null;
  const first = leading ? kept[0] : kept.at(-1);
  const last = leading ? kept.at(-1) : kept[0];
  return first && last ? { start: first.s, end: last.e } : null;
}

/**
 * The enumeration ("A, B and C", "A and B") the blank is a member of. A list of 3+ items or a
 * pair of names is an enumeration; the blank is a member when it is one item, not the whole.
 */
export function enumerationAround(text: string, start: number, end: number): ListShape {
  // Multi-word countries with "and" would read as two items.
  const masked = text.replace(MULTIWORD_AND, (m) => m.replace(/ and /g, ' ＆＆＆ '));
  const seps = [...masked.matchAll(/\s*,\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/gu)].map((m) => ({ s: m.index, e: m.index + m[0].length, and: /\b(?:and|or)\b/.test(m[0]) }));
  let best: ListShape = { items: 1, start, end };
  for (let i = 0; i < seps.length; i++) {
    // A run of separators: commas, closed by an and/or.
    let j = i;
    while (j < seps.length && !(seps[j] as { and: boolean }).and) j++;
    if (j >= seps.length) break;
    const run = seps.slice(i, j + 1);
    const middles: Item[] = [];
    let broken = -1;
    for (let k = 0; k + 1 < run.length; k++) {
      const from = (run[k] as { e: number }).e;
      const to = (run[k + 1] as { s: number }).s;
      if (masked.slice(from, to).split(/\s+/).length > 4) broken = k;
      middles.push({ start: from, end: to });
    }
    if (broken >= 0) {
      // A long segment is no item: the list can only start after it.
      i = i + broken;
      continue;
    }
    const names = middles.length ? middles.every((m) => capitalOrFigure(masked.slice(m.start, m.end))) : capitalOrFigure(masked.slice((run.at(-1) as { e: number }).e));
    const prevEnd = i > 0 ? (seps[i - 1] as { e: number }).e : 0;
    const firstSep = run[0] as { s: number; e: number };
    const lastSep = run.at(-1) as { s: number; e: number };
    const nextStart = j + 1 < seps.length ? (seps[j + 1] as { s: number }).s : masked.length;
    const first = edgeItem(masked, prevEnd, firstSep.s, false, names);
    const last = edgeItem(masked, lastSep.e, nextStart, true, names);
    if (!first || !last) {
      i = j;
      continue;
    }
    const items = [first, ...middles, last];
    const listStart = first.start;
    const listEnd = last.end;
    if (start <= listStart && end >= listEnd) return { items: 1, start: listStart, end: listEnd };
    const inItem = items.some((it) => start < it.end && it.start < end);
    if (inItem && items.length > best.items) {
      best = { items: items.length, start: listStart, end: listEnd };
      if (items.length === 2 && !(names && capitalOrFigure(masked.slice(first.start, first.end)))) best = { items: 1, start, end };
    }
    i = j;
  }
  return best;
}

/** Never one member of an enumeration of 3+ items, nor one of a pair of names ("Finland and [...]"). */
export function notEnumerationMember(text: string, start: number, end: number): boolean {
  const list = enumerationAround(text, start, end);
  // An amount among things ("ammunition, vehicles and €270 million") is not one of a kind.
  const figure = /\d/.test(text.slice(start, end));
  if (figure && list.items >= 2) {
    const rest = (text.slice(list.start, start) + ' ' + text.slice(end, list.end)).replace(/\b(?:and|or)\b/g, ' ');
    if (!/\d/.test(rest)) return true;
  }
  // A name among ordinary things ("its withdrawal from Kherson, demonstrate the courage and bravery") is not one of a kind.
  if (/^\p{Lu}/u.test(text.slice(start, end)) && list.items >= 2) {
    const rest = text.slice(list.start, list.end).replace(text.slice(start, end), ' ');
    if (!/(?:^|[\s,])\p{Lu}/u.test(rest.replace(/\b(?:and|or)\b/g, ' '))) return true;
  }
  if (list.items >= 3) return false;
  if (list.items === 2) {
    // A pair is a list when both sides are names or figures of one kind: "Finland and Sweden",
    // "MiG-29 and F-16"; "support and training" of ordinary words is a phrase, not a list.
    return false;
  }
  return true;
}

/** The blank's words, for length rules. */
export function answerWords(answer: string): number {
  return tokenize(answer).length;
}

/** Not a whole quotation to recite: a quoted answer has at most MAX_QUOTE_ANSWER_WORDS words. */
export function notLongQuotation(text: string, start: number, end: number): boolean {
  const words = answerWords(text.slice(start, end));
  if (words > MAX_ANSWER_WORDS) return false;
  const open = text.slice(0, start).split(/[“"«]/u).length - text.slice(0, start).split(/[”»]/u).length;
  const insideQuote = open > 0 || /[“"]\s*$/u.test(text.slice(Math.max(0, start - 2), start));
  return !(insideQuote && words > MAX_QUOTE_ANSWER_WORDS);
}

/** Not only stopwords, and something a person could recall (a letter or digit in it). */
export function hasContent(answer: string): boolean {
  const words = tokenize(answer);
  return words.length > 0 && words.some((w) => !STOPWORDS.has(w.norm));
}

const WIRE_SERVICES = new Set(
  ['associated press', 'ap', 'reuters', 'afp', 'agence france presse', 'agence france-presse', 'bloomberg', 'dpa', 'efe', 'ansa', 'xinhua', 'tass', 'interfax', 'pa media', 'press association', 'upi', 'united press international', 'kyodo', 'yonhap', 'anadolu', 'getty images', 'epa', 'epa-efe'].map(foldPhrase),
);

/** A wire service or picture agency: never an answer. */
export function isWireService(answer: string): boolean {
  return WIRE_SERVICES.has(foldPhrase(answer).replace(/^the /, ''));
}

/** The outlet or site that published the document (or another the library knows). */
export function isOutlet(answer: string, outlets: Iterable<string>): boolean {
  const a = foldPhrase(answer).replace(/^the /, '');
  if (!a) return false;
  for (const o of outlets) {
    const f = foldPhrase(o).replace(/^the /, '');
    if (f && (a === f || (f.includes(a) && a.length >= 4 && a.split(' ').length >= f.split(' ').length - 1))) return true;
  }
  return false;
}

/**
 * The blank is a dateline ("MADRID —", "WASHINGTON (AP) —") or a byline / credit / source
 * attribution ("Phil Helsel is a reporter for", "Reuters reported", "contributed to this report").
 */
export function notDatelineOrByline(text: string, start: number, end: number): boolean {
  const head = text.slice(0, start);
  const tail = text.slice(end);
  // Dateline: capitals (and a wire tag) before a dash at the very start.
  if (/^\s*[\p{Lu}\s.,'’-]*$/u.test(head) && /^[\p{Lu}\s.,'’-]*(?:\([\p{L}\s]+\))?\s*[—–-]{1,2}\s/u.test(tail)) return false;
  if (start === 0 && /^\s*(?:\([^)]*\)\s*)?[—–]/u.test(tail)) return false;
  // Bylines and credits.
  if (/^\s*(?:by|photo(?:graph)?(?: by)?|image|credit|reporting by|written by|edited by|additional reporting by)\s*:?\s*$/iu.test(head)) return false;
  if (/^\s*(?:is|was)\s+an?\s+(?:[\p{L}-]+\s+){0,3}(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|photographer)\b/iu.test(tail)) return false;
  if (/^\s*(?:contributed|reported)\b/iu.test(tail) && /(?:^|,|\.|and)\s*$/u.test(head)) return false;
  if (/^,?\s*(?:reported|reports|contributed to this report|said in a report)\b/iu.test(tail)) return false;
  // The one who speaks at the end of a quotation ("…,” the joint statement says): asked by who-said.
  if (/^\s*(?:says|said|reads|read|stated|states|added|notes|noted|wrote|writes|told)\b/iu.test(tail) && /(?:[”"]\s*,?\s*(?:the|a)?\s*|,\s*(?:the\s+)?)$/u.test(head)) return false;
  if (/\b(?:told|according to|in an email to|in an interview with|speaking to|reported by|said to)\s+(?:the\s+)?$/iu.test(head)) {
    // "told The Associated Press", "according to Reuters": the medium, not the news.
    if (/^\p{Lu}/u.test(text.slice(start, end))) return false;
  }
  return true;
}

/** The answer is nowhere else in the prompt, not even one of a name's words or the same figure. */
export function notGivenAway(prompt: string, answer: string): boolean {
  const rest = ` ${foldPhrase(prompt.replace(BLANK, ' '))} `;
  const a = foldPhrase(answer);
  if (!a) return false;
  if (rest.includes(` ${a} `)) return false;
  const words = a.split(' ');
  const isName = /^\p{Lu}/u.test(answer.trim()) && answer.trim().split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w) || STOPWORDS.has(fold(w)));
  for (const w of words) {
    if (STOPWORDS.has(w) || w.length < 3) continue;
    // A name's own words ("Carlineo" in "Carlineo Jr."), a figure's digits.
    if ((isName || /\d/.test(w)) && rest.includes(` ${w} `)) return false;
  }
  for (const d of answer.match(/\d[\d,.]*/g) ?? []) if (new RegExp(`(?<![\\d,.])${d.replace(/[.,]/g, '\\$&')}(?![\\d])`).test(prompt.replace(BLANK, ' '))) return false;
  // "Swedish" gives away "Sweden".
  if (isName) {
    const capitals = tokenize(prompt.replace(BLANK, ' ')).filter((t) => /^\p{Lu}/u.test(t.text) && t.norm.length >= 5);
    for (const w of words) {
      if (w.length < 5) continue;
      if (capitals.some((t) => t.norm !== w && t.norm.slice(0, 4) === w.slice(0, 4))) return false;
    }
  }
  return true;
}

export interface Trimmed {
  prompt: string;
  /** Offsets of the kept part in the sentence. */
  from: number;
  to: number;
}

/**
 * The sentence with the blank, cut to the clauses around the blank when it is longer than
 * MAX_PROMPT_CHARS, with an ellipsis where it was cut. Null when no cut keeps at least
 * MIN_CONTEXT_WORDS words of context within the limit.
 */
export function trimToClause(text: string, start: number, end: number, max = MAX_PROMPT_CHARS): Trimmed | null {
  const whole = text.slice(0, start) + BLANK + text.slice(end);
  if (whole.length <= max) return { prompt: whole, from: 0, to: text.length };
  // Clause boundaries: after , ; : — – and before "but", "which", "while", "because".
  const cuts = new Set<number>([0, text.length]);
  for (const m of text.matchAll(/[,;:]\s+|\s+[—–]\s+|\s+(?=(?:but|which|while|because|although|whereas|after|before|as|and)\s)/gu)) {
    const at = m.index + m[0].length;
    if (at <= start || m.index >= end) cuts.add(m.index >= end ? m.index : at);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const lefts = points.filter((p) => p <= start).reverse();
  const rights = points.filter((p) => p >= end);
  let best: Trimmed | null = null;
  for (const l of lefts) {
    for (const r of rights) {
      const head = text.slice(l, start);
      const tail = text.slice(end, r);
      let prompt = (l > 0 ? '…' : '') + head + BLANK + tail.replace(/[,;:\s—–]+$/u, '') + (r < text.length ? '…' : '');
      prompt = prompt.replace(/^…\s*/u, '…');
      if (prompt.length > max) continue;
      const context = tokenize(head).length + tokenize(tail).length;
      if (context < MIN_CONTEXT_WORDS) continue;
      if (!best || prompt.length > best.prompt.length) best = { prompt, from: l, to: r };
    }
  }
  return best;
}

export interface HygieneVerdict {
  ok: boolean;
  /** The first rule broken, for reports and tests. */
  rule: string | null;
}

/** Every rule on one blank in one sentence. outlets: the outlets/sites the library knows. */
export function checkBlank(text: string, start: number, end: number, outlets: Iterable<string> = []): HygieneVerdict {
  const answer = text.slice(start, end);
  const rules: Array<[string, () => boolean]> = [
    ['whole words', () => blanksWholeWords(text, start, end)],
    ['has content', () => hasContent(answer)],
    ['initial', () => notAfterInitial(text, start, end)],
    ['abbreviation', () => notPartOfAbbreviation(text, start, end)],
    ['possessive', () => notPossessive(text, start, end)],
    ['longer name', () => notPartOfLongerName(text, start, end)],
    ['enumeration member', () => notEnumerationMember(text, start, end)],
    ['long quotation', () => notLongQuotation(text, start, end)],
    ['wire service', () => !isWireService(answer)],
    ['outlet', () => !isOutlet(answer, outlets)],
    ['dateline or byline', () => notDatelineOrByline(text, start, end)],
  ];
  for (const [rule, ok] of rules) if (!ok()) return { ok: false, rule };
  return { ok: true, rule: null };
}
