import { ParallaxError } from '../errors.js';
import type { AnswerCheck, Card } from './types.js';

// Grading a choice card (who-said among the library's speakers: one answer; which sources
// carry a statement: all that apply). The choice is right when exactly the right options are
// chosen; for choose-all, a choice that misses or adds one option of four or more is "nearly"
// (counted wrong, Hard suggested), so the reader sees what was off before rating.

export function checkChoice(card: Pick<Card, 'options' | 'answers' | 'choice'>, chosen: readonly string[]): AnswerCheck {
  if (!card.choice) throw new ParallaxError('INVALID_INPUT', 'This card has no options to choose from; type the answer instead.');
  const options = new Set(card.options);
  const picked = [...new Set(chosen)];
  const unknown = picked.filter((c) => !options.has(c));
  if (unknown.length) throw new ParallaxError('INVALID_INPUT', `“${unknown[0]}” is not one of this card's options.`);
  if (card.choice === 'one' && picked.length > 1) throw new ParallaxError('INVALID_INPUT', 'Choose one option.');
  const right = new Set(card.answers);
  const missed = card.answers.filter((a) => !picked.includes(a));
  const wrong = picked.filter((c) => !right.has(c));
  const correct = missed.length === 0 && wrong.length === 0 && picked.length > 0;
  const nearly = !correct && card.choice === 'all' && card.options.length >= 4 && missed.length + wrong.length === 1 && picked.length > 0;
  const parts: string[] = [];
  if (missed.length) parts.push(`Also right: ${missed.join('; ')}.`);
  if (wrong.length) parts.push(`Not right: ${wrong.join('; ')}.`);
  return {
    correct,
    close: false,
    expected: card.answers.join('; '),
    typed: picked.join('; '),
    suggestedRating: correct ? 3 : nearly ? 2 : 1,
    note: correct ? null : parts.join(' ') || null,
  };
}
