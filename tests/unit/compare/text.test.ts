import { describe, expect, it } from 'vitest';
import { sameForm, stemKey, termsOf, tokenize } from '../../../electron/core/compare/text.js';
import { sentenceFeatures, quotedRanges, termKey } from '../../../electron/core/compare/features.js';

// Folding words so that translations of one statement meet.

const keys = (text: string): string[] => termsOf(tokenize(text)).map((t) => t.key);

describe('terms', () => {
  it('folds abbreviations, possessives, spelling and word forms', () => {
    expect(keys('the U.N. Charter')).toEqual(keys('the UN charter'));
    expect(keys('Russia’s annexations')).toEqual(keys("Russia's annexation"));
    expect(keys('recognise')).toEqual(keys('recognize'));
    expect(stemKey('russian')).toBe(stemKey('russia'));
    expect(stemKey('ukrainians')).toBe(stemKey('ukraine'));
    expect(stemKey('violation')).toBe(stemKey('violate'));
  });

  it('drops function words and keeps numbers', () => {
    expect(keys('We will not back down')).toEqual(['not', 'back', 'down']);
    expect(termsOf(tokenize('in 2008')).map((t) => [t.key, t.numeric])).toEqual([['2008', true]]);
  });

  it('compares wording without case, quote marks, punctuation or spacing', () => {
    expect(sameForm('“There can be no lasting peace,” he said.')).toBe(sameForm('"there can be no lasting peace"  he said'));
    expect(sameForm('We will not back down.')).not.toBe(sameForm('We will not back down now.'));
  });
});

describe('what a sentence asserts', () => {
  const core = (text: string): string[] | null => {
    const f = sentenceFeatures(text, { index: 0, passageIndex: 0, start: 0, end: text.length }, quotedRanges(text));
    return f.core ? [...f.core.order].map((t) => termKey(t) ?? '') : null;
  };

  it('reads a quotation without its attribution', () => {
    const c = core('Previewing the meeting, NATO Secretary General Jens Stoltenberg said that “NATO will continue to stand with Ukraine.”');
    expect(c).toEqual(keys('NATO will continue to stand with Ukraine'));
  });

  it('reads reported speech after "X said that"', () => {
    expect(core('The ministers confirmed that they remain steadfast in their commitment to Ukraine.')).toEqual(
      keys('they remain steadfast in their commitment to Ukraine'),
    );
  });

  it('drops a trailing attribution', () => {
    expect(core('NATO will support Ukraine as long as it takes, Stoltenberg said in Bucharest on Tuesday.')).toEqual(
      keys('NATO will support Ukraine as long as it takes'),
    );
  });

  it('leaves a plain sentence whole', () => {
    expect(core('Allies will help Ukraine repair its energy infrastructure.')).toBeNull();
  });

  it('finds quotations in curly and straight marks, paragraph by paragraph', () => {
    const text = 'He said "yes, indeed" and left.\n“One paragraph\n“Two” she said.';
    const quoted = quotedRanges(text).map(([s, e]) => text.slice(s, e));
    expect(quoted).toEqual(['yes, indeed', 'One paragraph', 'Two']);
  });
});
