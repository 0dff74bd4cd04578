import { termId } from './features.js';
import { modernForm } from './lexicon.js';
import { wordSimilarity, type SemWord } from './semantic.js';
import { termsOf, tokenize } from './text.js';

// Whether two stretches of a word diff say the same thing in other words, so the diff can show
// them as 'equivalent' rather than as a change (see diff.ts).

/** Content words of a diff's stretch: archaic function words ("thy", "unto") count as function words. */
function meaningWords(text: string): { words: SemWord[]; negated: boolean } {
  const words: SemWord[] = [];
  let negated = false;
  for (const tok of tokenize(text)) {
    for (const part of tok.norm.split(/[-‐‑]/)) {
      const [t] = termsOf([{ ...tok, norm: part }]);
      if (!t) continue;
      if (t.negation) {
        negated = true;
        continue;
      }
      if (t.numeric) return { words: [], negated };
      const modern = modernForm(part);
      if (modern !== part && termsOf([{ ...tok, norm: modern }]).length === 0) continue;
      words.push({ term: termId(t.key), word: part, weight: 1 });
    }
  }
  return { words, negated };
}

/** Most content words a stretch may have to be called the same meaning as another. */
const EQUIVALENT_MAX_WORDS = 4;

/**
 * Whether two short stretches of words say the same thing in other words: every content
 * word on each side has a partner on the other that is the same word or means the same
 * (synonym or close vector), and neither side denies what the other asserts.
 */
export function sameMeaning(aText: string, bText: string): boolean {
  const a = meaningWords(aText);
  const b = meaningWords(bText);
  if (a.negated !== b.negated) return false;
  if (a.words.length === 0 || b.words.length === 0) return false;
  if (a.words.length > EQUIVALENT_MAX_WORDS || b.words.length > EQUIVALENT_MAX_WORDS) return false;
  const matched = (x: SemWord, other: readonly SemWord[]): boolean =>
    other.some((y) => wordSimilarity(x, y) > 0);
  return a.words.every((x) => matched(x, b.words)) && b.words.every((y) => matched(y, a.words));
}
