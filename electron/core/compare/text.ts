import { fold } from '../text/fold.js';
import { stem } from '../text/stem.js';
import { NEGATIONS, REPORTING_WORDS, stopwords } from '../text/stopwords.js';
import { words } from '../text/words.js';

// Turning sentence text into comparable terms (the analysis is the one text module's,
// electron/core/text, with alignment's named options). Two translations of one statement rarely share
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

/** Words (with offsets) of a text; possessives and abbreviation dots folded away in `norm`. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const w of words(text, 'compound', 0, text.length, offset)) {
    let norm = fold(w.text, { accents: false, apostrophes: 'straight' });
    norm = norm.replace(/'s$/, '').replace(/'$/, '');
    if (norm.includes('.')) norm = norm.replace(/\./g, '');
    if (norm.length === 0) continue;
    out.push({ start: w.start, end: w.end, norm });
  }
  return out;
}

// Function words carry no statement of their own; alignment's view of the one list keeps
// negations, reporting words and particles ("we will not back down" is a statement).
const STOP = stopwords('alignment');
const NOT = 'not';

let framingKeys: Set<string> | null = null;
let negationKeys: Set<string> | null = null;

/** Whether a folded term is a negation (see Term.negation). */
export function isNegationKey(key: string): boolean {
  negationKeys ??= new Set([...NEGATIONS].map(stemKey));
  return negationKeys.has(key);
}

// ("stated", "noted", "pointed" are left out: their stems are the nouns state, note, point.)
const FRAMING = [
  ...REPORTING_WORDS,
  ...`saying added adds explained explains reads emphasised emphasized stressed underlined concluded quoted`.split(/\s+/),
];

/** Whether a folded term is a reporting word or a negation (see Term.framing). */
export function isFramingKey(key: string): boolean {
  framingKeys ??= new Set([...FRAMING, ...NEGATIONS].map(stemKey));
  return framingKeys.has(key);
}

/** The alignment key of a word: the one stemmer's hard fold (spelling, prefix of the stem). */
export function stemKey(norm: string): string {
  return stem(norm, { alignmentKey: true });
}

/** The content terms of a list of tokens, in reading order (repeats kept). */
export function termsOf(tokens: readonly Token[]): Term[] {
  const out: Term[] = [];
  for (const t of tokens) {
    for (const raw of t.norm.split(/[-‐‑]/)) {
      // "won't", "don't": the auxiliary is a function word, the negation is not.
      const part = raw.endsWith("n't") ? NOT : raw;
      if (part.length === 0 || STOP.has(part)) continue;
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
