// The one text module: normalisation for matching (fold), the tokenizer with offsets and its
// named word shapes (words), the one stop-word list and its named views (stopwords), the one
// stemmer (stem), language guessing (language). Search, alignment, study and document
// metadata all analyse text through it; where they differ, it is a named option here.
export { fold, type FoldOptions } from './fold.js';
export { words, forEachWord, countWords, POSSESSIVE, type WordShape, type WordSpan } from './words.js';
export { STOPWORDS, NEGATIONS, REPORTING_WORDS, PARTICLES, stopwords, type StopwordProfile } from './stopwords.js';
export { stem, type StemOptions } from './stem.js';
export { guessLanguage } from './language.js';
