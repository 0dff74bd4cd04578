import lunr from 'lunr';

// Turning sentence text into comparable terms. Two translations of one statement rarely share
// their exact words, so terms are folded hard: case, quote marks, possessives, abbreviation
// dots ("U.N." = "UN"), British/American spelling, Porter stems, and finally a prefix cut so
// "Russian"/"Russia" and "Ukrainian"/"Ukraine" meet.

export interface Token {
  /** Offsets into the text the token was read from. */
  start: number;
  end: number;
  /** Lower-cased, quotes folded, abbreviation dots removed, possessive dropped. */
  norm: string;
}

export interface Term {
  key: string;
  /** Digits: a differing number is a strong sign of a different statement. */
  numeric: boolean;
  /** Reporting words ("said", "added") and negations: they weigh little in a match. */
  framing: boolean;
  /** "not", "never", "no"...: the statement is denied. */
  negation: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[’'.\-‐‑&][\p{L}\p{N}]+)*/gu;

/** Words (with offsets) of a text; possessives and abbreviation dots folded away in `norm`. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    let norm = raw.toLowerCase().replace(/’/g, "'");
    norm = norm.replace(/'s$/, '').replace(/'$/, '');
    if (norm.includes('.')) norm = norm.replace(/\./g, '');
    if (norm.length === 0) continue;
    out.push({ start: offset + m.index, end: offset + m.index + raw.length, norm });
  }
  return out;
}

// Function words carry no statement of their own. Negations ("not", "never") and words such as
// "back", "down" are kept: "we will not back down" is a statement.
const STOPWORDS = new Set(
  `a about above across after again against all almost also am among an and any are as at be because been before being
  below between both but by can could did do does doing during each either else ever every few for from further had has
  have having he her here hers herself him himself his how however i if in into is it its itself just least let like
  may me might more most much must my myself of off often on once only or other others otherwise our ours
  ourselves out over own per rather same shall she should since so some such than that the their theirs them themselves
  then there these they this those though through thus to too toward towards under until upon us very was we were what
  when where whether which while who whom whose why will with within without would yet you your yours yourself
  yourselves one ones another s t re ve ll d m mr mrs ms dr`
    .split(/\s+/)
    .filter(Boolean),
);

// Negations matter to what a sentence says (a sentence and its denial are not the same
// statement) but sharing one is no sign of saying the same thing: they weigh little.
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'neither', 'none', 'nothing', 'cannot']);
const NOT = 'not';

// ("stated", "noted", "pointed" are left out: their stems are the nouns state, note, point.)
const FRAMING = new Set(
  `said say says saying told added adds explained explains reads emphasised emphasized stressed underlined
  concluded quoted`
    .split(/\s+/)
    .filter(Boolean),
);

const stemCache = new Map<string, string>();
let framingKeys: Set<string> | null = null;

let negationKeys: Set<string> | null = null;

/** Whether a folded term is a negation (see Term.negation). */
export function isNegationKey(key: string): boolean {
  negationKeys ??= new Set([...NEGATIONS].map(stemKey));
  return negationKeys.has(key);
}

/** Whether a folded term is a reporting word or a negation (see Term.framing). */
export function isFramingKey(key: string): boolean {
  framingKeys ??= new Set([...FRAMING, ...NEGATIONS].map(stemKey));
  return framingKeys.has(key);
}
const KEY_LENGTH = 6;

/** British to American spelling, so both spellings share a stem. */
function foldSpelling(w: string): string {
  return w
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/is(e|es|ed|ing)$/, 'iz$1')
    .replace(/yse(s|d)?$/, 'yze$1')
    .replace(/our(s?)$/, 'or$1')
    .replace(/ence$/, 'ense')
    .replace(/tre$/, 'ter')
    .replace(/ll(ed|ing)$/, 'l$1');
}

export function stemKey(norm: string): string {
  const cached = stemCache.get(norm);
  if (cached !== undefined) return cached;
  let key: string;
  if (/^\d/.test(norm)) key = norm.replace(/[,]/g, '');
  else {
    const folded = norm.length > 4 ? foldSpelling(norm) : norm;
    const stem = lunr.stemmer(new lunr.Token(folded, {})).toString();
    key = stem.length > KEY_LENGTH ? stem.slice(0, KEY_LENGTH) : stem;
  }
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(norm, key);
  return key;
}

/** The content terms of a list of tokens, in reading order (repeats kept). */
export function termsOf(tokens: readonly Token[]): Term[] {
  const out: Term[] = [];
  for (const t of tokens) {
    for (const raw of t.norm.split(/[-‐‑]/)) {
      // "won't", "don't": the auxiliary is a function word, the negation is not.
      const part = raw.endsWith("n't") ? NOT : raw;
      if (part.length === 0 || STOPWORDS.has(part)) continue;
      const numeric = /^\d/.test(part);
      if (!numeric && part.length < 2) continue;
      const key = stemKey(part);
      out.push({ key, numeric, framing: isFramingKey(key), negation: NEGATIONS.has(part) });
    }
  }
  return out;
}

/**
 * The text as a sequence of words, case, punctuation, quote marks and spacing ignored: two
 * spans with the same sameForm say the same thing in the same words (kind 'same').
 */
export function sameForm(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(' ');
}
