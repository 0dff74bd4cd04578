// Sentence boundaries inside one passage. A hand-written scanner rather than a general NLP
// library: the boundaries are the product's own offsets (highlights, alignment and cards all
// point at them), and it must segment thousands of documents a second.

const SHORT_QUOTE = 200;

// Titles and abbreviations that (almost) never end a sentence.
const NEVER_END = new Set([
  'mr', 'mrs', 'ms', 'mx', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'st', 'mt', 'gen', 'lt', 'col', 'maj', 'capt',
  'cmdr', 'adm', 'sgt', 'cpl', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'supt', 'insp', 'fr', 'vs', 'v',
  'cf', 'viz', 'approx', 'ca', 'incl', 'esp', 'resp', 'dept', 'univ', 'assn', 'e.g', 'i.e', 'al', 'lit', 'ibid',
]);
// Abbreviations that stand before a number: "No. 5", "Art. 5", "Nov. 30", "p. 12".
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'art', 'arts', 'fig', 'figs', 'vol', 'vols', 'ch', 'chap', 'sec', 'secs', 'para', 'paras', 'pp',
  'p', 'op', 'ed', 'tel', 'ref', 'pt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec',
]);
// After an initialism ("U.S.", "a.m.", "J.") a new sentence is believed only when the next word
// is one that commonly opens a sentence; "the U.N. Charter" stays whole.
const STARTERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'we', 'they', 'i', 'you', 'his',
  'her', 'our', 'their', 'my', 'your', 'there', 'here', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for',
  'with', 'from', 'by', 'as', 'after', 'before', 'during', 'while', 'when', 'where', 'why', 'how', 'what', 'who',
  'which', 'if', 'although', 'though', 'however', 'meanwhile', 'also', 'still', 'then', 'now', 'today',
  'yesterday', 'tomorrow', 'some', 'many', 'most', 'all', 'both', 'each', 'every', 'no', 'not', 'one', 'such',
  'other', 'another', 'last', 'next', 'earlier', 'later', 'according', 'despite', 'since', 'because', 'until',
  'under', 'over', 'officials', 'moreover', 'furthermore', 'nevertheless', 'thus', 'instead',
]);

// "am 29. November": a day number with a full stop before a month is an ordinal (German,
// Scandinavian, Slavic usage), not the end of a sentence.
const MONTH_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'januar', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'jänner', 'januari',
  'februari', 'maart', 'augustus', 'mars', 'augusti', 'jan', 'feb', 'mär', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'okt', 'oct', 'nov', 'dez', 'dec',
]);

const OPENERS = '“‘"\'«‹([{¿¡';
const CLOSERS = '”’"\'»›)]}';
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const ENUMERATOR = /^(?:\d{1,3}|[IVXLC]{1,6})$/;
const STARTS = /[\p{Lu}\p{Lt}\p{Lo}\p{N}\p{Sc}]/u;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

function isTerminal(ch: string): boolean {
  return ch === '.' || ch === '!' || ch === '?' || ch === '…' || ch === '‼' || ch === '⁉' || ch === '⁈' || ch === '。' || ch === '！' || ch === '？';
}

// Texts that are not news (scripture, older prose, verse) join sentences in ways news does
// not: "they do no unrighteousness; They walk in his ways" (a clause that is a sentence of its
// own after a semicolon), and some start sentences in lower case ("he went out. then the
// seed fell"). Both are split only before a word that commonly opens a sentence, after a
// clause of a few words, so a list ("Kyiv; Moscow") stays whole. Colons are not split: in
// older English they join the halves of one verse ("Let there be light: and there was
// light"), and splitting them measurably hurt the alignment of translations
// (bench/sections/parallel.ts).
const CLAUSE_MIN_WORDS = 4;
// Words that open a clause standing as a sentence: pronouns, conjunctions, a few adverbs. Not
// articles: "; A time to kill" is a line of a list, capitalised as verse is, not a sentence.
const CLAUSE_STARTERS = new Set([
  'they', 'he', 'she', 'we', 'i', 'you', 'it', 'and', 'but', 'for', 'then', 'so', 'thou', 'ye', 'there', 'this',
  'these', 'those', 'who', 'which', 'when', 'if', 'now', 'therefore', 'wherefore', 'behold', 'let', 'yet', 'nor',
]);

/** Words in text[start, end) (runs of letters or digits). */
function wordsIn(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const w = /[\p{L}\p{N}]/u.test(text[i]!);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/**
 * Whether the semicolon at `i` ends a verse-like clause that is a sentence of its own: a
 * capitalised clause opener follows ("; They walk") and both clauses have a few words.
 */
function clauseEnds(text: string, i: number, sentenceStart: number, end: number): boolean {
  const next = i + 1;
  if (next >= end || !isSpace(text.charCodeAt(next))) return false;
  let k = next;
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  if (k >= end || OPENERS.includes(text[k]!) || !/\p{Lu}/u.test(text[k]!)) return false;
  if (!CLAUSE_STARTERS.has(wordAt(text, k, end))) return false;
  return wordsIn(text, sentenceStart, i) >= CLAUSE_MIN_WORDS && wordsIn(text, k, end) >= CLAUSE_MIN_WORDS;
}

/**
 * Whether the full stop at `i` ends a sentence although the next begins in lower case: the
 * stop follows a plain word (no abbreviation or initial) and a common sentence opener follows.
 */
function lowerCaseStart(text: string, i: number, next: number, sentenceStart: number, end: number): boolean {
  if (!/\p{Ll}/u.test(text[next] ?? '') || !STARTERS.has(wordAt(text, next, end))) return false;
  let a = i;
  while (a > sentenceStart && /[\p{L}]/u.test(text[a - 1]!)) a--;
  const token = text.slice(a, i);
  if (token.length < 3 || (a > sentenceStart && text[a - 1] === '.')) return false;
  const lower = token.toLowerCase();
  return !NEVER_END.has(lower) && !BEFORE_NUMBER.has(lower) && wordsIn(text, sentenceStart, i) >= CLAUSE_MIN_WORDS;
}

/** Whether a sentence may begin at `i`: past any opening quotes, a capital, a digit or a caseless letter. */
function startsSentence(text: string, i: number, end: number): boolean {
  while (i < end && OPENERS.includes(text[i]!)) i++;
  return i < end && STARTS.test(text[i]!);
}

function wordAt(text: string, i: number, end: number): string {
  while (i < end && OPENERS.includes(text[i]!)) i++;
  let j = i;
  while (j < end && /[\p{L}’']/u.test(text[j]!)) j++;
  return text.slice(i, j).toLowerCase();
}

interface Pair {
  open: number;
  close: number;
}

/** Quotations and parentheses opened and closed within the span. */
function findPairs(text: string, start: number, end: number): Pair[] {
  const pairs: Pair[] = [];
  const stacks: Record<string, number[]> = { '“': [], '«': [], '(': [], '‘': [] };
  let straight = -1;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    switch (ch) {
      case '“':
      case '«':
      case '(':
      case '‘':
        stacks[ch]!.push(i);
        break;
      case '”':
      case '»':
      case ')': {
        const open = stacks[ch === '”' ? '“' : ch === '»' ? '«' : '(']!.pop();
        if (open !== undefined) pairs.push({ open, close: i });
        break;
      }
      case '’': {
        // Apostrophe unless it closes an open ‘ and no letter follows.
        const next = i + 1 < end ? text[i + 1]! : ' ';
        if (stacks['‘']!.length > 0 && !/\p{L}/u.test(next)) pairs.push({ open: stacks['‘']!.pop()!, close: i });
        break;
      }
      case '"': {
        const prev = i > start ? text.charCodeAt(i - 1) : 32;
        const opening = i === start || isSpace(prev) || OPENERS.includes(text[i - 1]!) || text[i - 1] === '—' || text[i - 1] === '–';
        if (opening && straight < 0) straight = i;
        else if (!opening && straight >= 0) {
          pairs.push({ open: straight, close: i });
          straight = -1;
        }
        break;
      }
    }
  }
  return pairs;
}

/**
 * Whether a boundary after a terminal at `i` (run ending at `runEnd`) falls inside a short
 * quotation or parenthesis that sits in the middle of a sentence, and so must not split.
 * `open` holds the pairs that enclose `i`; `firstWord` is where the sentence's first letter is.
 */
function insideShortQuote(text: string, open: Pair[], runEnd: number, firstWord: number, end: number): boolean {
  for (const p of open) {
    if (p.close < runEnd || p.close - p.open + 1 > SHORT_QUOTE) continue;
    if (firstWord < p.open) return true;
    let k = p.close + 1;
    while (k < end && (CLOSERS.includes(text[k]!) || isSpace(text.charCodeAt(k)))) k++;
    if (k < end && !startsSentence(text, k, end)) return true;
  }
  return false;
}

/** Whether the single full stop at `i` ends the sentence that began at `sentenceStart`. */
function periodEnds(text: string, i: number, next: number, sentenceStart: number, end: number): boolean {
  let tokenStart = i;
  while (tokenStart > sentenceStart && !isSpace(text.charCodeAt(tokenStart - 1))) tokenStart--;
  let a = tokenStart;
  while (a < i && OPENERS.includes(text[a]!)) a++;
  let b = i;
  while (b > a && CLOSERS.includes(text[b - 1]!)) b--;
  const token = text.slice(a, b);
  if (token.length === 0) return true;
  const lower = token.toLowerCase();
  if (NEVER_END.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && /\d/.test(text[next]!)) return false;
  if (tokenStart === sentenceStart && ENUMERATOR.test(token)) return false;
  if (/^\d{1,2}$/.test(token) && MONTH_WORDS.has(wordAt(text, next, end))) return false;
  if (INITIALISM.test(token) || SINGLE_CAPITAL.test(token)) return STARTERS.has(wordAt(text, next, end));
  return true;
}

/**
 * Append the sentences of text[start, end) to `out` as [start, end) pairs: no leading or
 * trailing whitespace, closing quotation marks kept with the sentence they end.
 */
export function splitSentences(text: string, start: number, end: number, out: Array<[number, number]>): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return;
  // Quotation pairs, found once a candidate boundary needs them, swept in order of opening.
  let pairs: Pair[] | undefined;
  let nextPair = 0;
  const enclosing: Pair[] = [];
  let sentenceStart = start;
  let firstWord = -1;
  // A clause boundary inside a quotation or parenthesis is the quotation's business.
  let allPairs: Pair[] | undefined;
  const insideQuote = (i: number): boolean => {
    allPairs ??= findPairs(text, start, end);
    return allPairs.some((p) => p.open < i && i < p.close);
  };
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === ';' && clauseEnds(text, i, sentenceStart, end) && !insideQuote(i)) {
      let next = i + 1;
      while (next < end && isSpace(text.charCodeAt(next))) next++;
      out.push([sentenceStart, i + 1]);
      sentenceStart = next;
      i = next - 1;
      continue;
    }
    if (!isTerminal(ch)) continue;
    let runEnd = i + 1;
    let dots = ch === '.' ? 1 : 0;
    let ellipsis = ch === '…';
    while (runEnd < end && isTerminal(text[runEnd]!)) {
      if (text[runEnd] === '.') dots++;
      if (text[runEnd] === '…') ellipsis = true;
      runEnd++;
    }
    while (runEnd < end && CLOSERS.includes(text[runEnd]!)) runEnd++;
    const fullWidth = ch === '。' || ch === '！' || ch === '？';
    if (runEnd < end && !isSpace(text.charCodeAt(runEnd)) && !fullWidth) {
      // "U.N.Charter", "2.5", "e.g.,": no space, no boundary (Chinese and Japanese use none).
      i = runEnd - 1;
      continue;
    }
    let next = runEnd;
    while (next < end && isSpace(text.charCodeAt(next))) next++;
    if (next >= end) break;
    let ends = startsSentence(text, next, end) || (ch === '.' && dots === 1 && runEnd === i + 1 && lowerCaseStart(text, i, next, sentenceStart, end));
    if (ends && (dots >= 2 || ellipsis)) {
      // An ellipsis set off by spaces marks words left out mid-sentence; one attached to a word may end it.
      ends = i > sentenceStart && !isSpace(text.charCodeAt(i - 1));
    } else if (ends && ch === '.' && dots === 1) {
      ends = periodEnds(text, i, next, sentenceStart, end);
    }
    if (ends) {
      if (!pairs) {
        pairs = findPairs(text, start, end).sort((a, b) => a.open - b.open);
      }
      while (nextPair < pairs.length && pairs[nextPair]!.open < i) enclosing.push(pairs[nextPair++]!);
      for (let k = enclosing.length - 1; k >= 0; k--) if (enclosing[k]!.close < i) enclosing.splice(k, 1);
      if (enclosing.length > 0) {
        if (firstWord < sentenceStart) {
          firstWord = sentenceStart;
          while (firstWord < end && !/[\p{L}\p{N}]/u.test(text[firstWord]!)) firstWord++;
        }
        if (insideShortQuote(text, enclosing, runEnd, firstWord, end)) ends = false;
      }
    }
    if (ends) {
      out.push([sentenceStart, runEnd]);
      sentenceStart = next;
    }
    i = runEnd - 1;
  }
  out.push([sentenceStart, end]);
}
