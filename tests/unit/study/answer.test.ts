import { describe, expect, it } from 'vitest';
import { checkAnswer, normaliseAnswer } from '../../../electron/core/study/answer.js';

const right = (expected: string, typed: string, alts: string[] = []): boolean => checkAnswer(expected, typed, alts).correct;

describe('checking typed answers', () => {
  it('ignores case, punctuation, accents and articles', () => {
    expect(right('Jens Stoltenberg', 'jens stoltenberg')).toBe(true);
    expect(right('the Republic of Moldova', 'Republic of Moldova')).toBe(true);
    expect(right('Bucharest', 'Bucharest.')).toBe(true);
    expect(right('Alinața', 'Alinata')).toBe(true);
    expect(right('São Tomé', 'sao tome')).toBe(true);
    expect(right('“as long as it takes”', 'as long as it takes')).toBe(true);
    expect(normaliseAnswer('The Black Sea!')).toBe('black sea');
  });

  it('forgives a small typo in proportion to the length, and says so', () => {
    const c = checkAnswer('Darchiashvili', 'Darchiashvilli');
    expect(c.correct).toBe(true);
    expect(c.close).toBe(true);
    expect(c.note).toContain('Darchiashvili');
    expect(right('Stoltenberg', 'Stoltenburg')).toBe(true);
    expect(right('Kyiv', 'Kiev')).toBe(false); // two edits in four letters is another word
    expect(right('Putin', 'Pution')).toBe(true);
    expect(right('Putin', 'Biden')).toBe(false);
  });

  it('never forgives a wrong digit', () => {
    expect(right('2008', '2009')).toBe(false);
    expect(right('MiG-29', 'MiG-28')).toBe(false);
    expect(right('F-16', 'F-15')).toBe(false);
    expect(right('MiG-29', 'mig 29')).toBe(true);
    expect(right('F-16', 'f16')).toBe(true);
  });

  it('reads amounts of money however they are written', () => {
    for (const typed of ['€270 million', '270 million euros', 'EUR 270m', '270m EUR', '€270,000,000', 'eur 270 million']) {
      expect(right('€270 million', typed), typed).toBe(true);
    }
    expect(right('€270 million', '€207 million')).toBe(false);
    expect(right('€270 million', '$270 million')).toBe(false);
    expect(right('$53 million', '53 million dollars')).toBe(true);
    expect(right('$53 million', 'USD 53m')).toBe(true);
    expect(right('NOK 2 billion', '2 billion kroner')).toBe(true);
    expect(right('NOK 2 billion', '2bn NOK')).toBe(true);
    expect(right('NOK 2 billion', 'NOK 2 million')).toBe(false);
    const noCurrency = checkAnswer('€270 million', '270 million');
    expect(noCurrency.correct).toBe(true);
    expect(noCurrency.close).toBe(true);
  });

  it('reads dates however they are written', () => {
    for (const typed of ['November 15, 2022', '15 November 2022', '2022-11-15', '15/11/2022', 'Nov 15 2022', '15th of November 2022']) {
      expect(right('November 15, 2022', typed), typed).toBe(true);
    }
    expect(right('November 15, 2022', 'November 16, 2022')).toBe(false);
    expect(right('29-30 November 2022', '29–30 Nov 2022')).toBe(true);
    expect(right('29-30 November 2022', '30 November 2022')).toBe(false);
  });

  it('accepts the alternatives a card lists (a surname for a full name)', () => {
    expect(right('Jens Stoltenberg', 'Stoltenberg', ['Stoltenberg'])).toBe(true);
    expect(right('Jens Stoltenberg', 'Stoltenberg')).toBe(false);
  });

  it('needs every part of a list answer, in any order', () => {
    expect(right('Free Press; Ukrainian World Congress', 'ukrainian world congress and free press')).toBe(true);
    expect(right('Free Press; Ukrainian World Congress', 'Free Press')).toBe(false);
  });

  it('suggests Again for a wrong answer and Good for a right one', () => {
    expect(checkAnswer('Kherson', 'Kharkiv').suggestedRating).toBe(1);
    expect(checkAnswer('Kherson', 'kherson').suggestedRating).toBe(3);
    expect(checkAnswer('Kherson', '').correct).toBe(false);
  });
});
