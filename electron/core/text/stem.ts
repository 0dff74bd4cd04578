import lunr from 'lunr';

// The one stemmer: lunr's Porter stemmer, the one the search index is built with. Alignment
// asks for a harder fold of the same stem (a named option), never for another stemmer.

export interface StemOptions {
  /**
   * Fold British to American spelling first and cut the stem to this many characters, so
   * "organisation"/"organization" and "Russian"/"Russia" meet. Alignment only: a cut stem
   * would merge too much in a search index.
   */
  alignmentKey?: boolean;
}

const KEY_LENGTH = 6;
const CACHE_MAX = 300_000;
// Words repeat heavily (Zipf), so a bounded cache turns most stemming into one lookup.
let plainCache = new Map<string, string>();
let keyCache = new Map<string, string>();

function porter(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

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

/** The Porter stem of a folded word (see fold.ts); numbers lose their thousands commas as keys. */
export function stem(word: string, options: StemOptions = {}): string {
  if (options.alignmentKey) {
    let key = keyCache.get(word);
    if (key === undefined) {
      if (/^\d/.test(word)) key = word.replace(/[,]/g, '');
      else {
        const s = porter(word.length > 4 ? foldSpelling(word) : word);
        key = s.length > KEY_LENGTH ? s.slice(0, KEY_LENGTH) : s;
      }
      if (keyCache.size >= CACHE_MAX) keyCache = new Map();
      keyCache.set(word, key);
    }
    return key;
  }
  let s = plainCache.get(word);
  if (s === undefined) {
    s = porter(word);
    if (plainCache.size >= CACHE_MAX) plainCache = new Map();
    plainCache.set(word, s);
  }
  return s;
}
