// Normalisation for matching: the one place a word is folded to the form it is compared in.
// Stored text is never folded (offsets point into it); only the keys derived from it are.

export interface FoldOptions {
  /** 'drop' (search: "don't" = "dont"), 'straight' (study: curly quotes become '), 'keep'. */
  apostrophes?: 'drop' | 'straight' | 'keep';
  /** Fold accents ("Alianța" = "alianta"). Default true; alignment keeps them (false). */
  accents?: boolean;
  /**
   * Unicode compatibility decomposition (NFKD: ligatures, full-width forms) before the
   * accents go. For text a person typed (study answers); search keeps canonical NFD so its
   * index stays what it was.
   */
  compatibility?: boolean;
}

const NON_ASCII = /[^\u0020-\u007e]/;
const MARKS = /\p{M}+/gu;
/** Every character that is used as an apostrophe in the texts we read. */
export const APOSTROPHE_CLASS = "['’‘ʼ`´]";
const APOSTROPHES = new RegExp(APOSTROPHE_CLASS, 'g');
const HAS_APOSTROPHE = new RegExp(APOSTROPHE_CLASS);

/** Lower case, accents folded (unless told not to), apostrophes handled as asked. */
export function fold(s: string, options: FoldOptions = {}): string {
  const { apostrophes = 'drop', accents = true, compatibility = false } = options;
  let w = s;
  if (accents && NON_ASCII.test(w)) w = w.normalize(compatibility ? 'NFKD' : 'NFD').replace(MARKS, '').normalize('NFC');
  w = w.toLowerCase();
  if (apostrophes !== 'keep' && HAS_APOSTROPHE.test(w)) w = w.replace(APOSTROPHES, apostrophes === 'drop' ? '' : "'");
  return w;
}
