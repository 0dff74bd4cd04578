import { describe, expect, it } from 'vitest';
import {
  BLANK,
  blanksWholeWords,
  checkBlank,
  enumerationAround,
  isOutlet,
  isWireService,
  notAfterInitial,
  notDatelineOrByline,
  notEnumerationMember,
  notGivenAway,
  notLongQuotation,
  notPartOfAbbreviation,
  notPartOfLongerName,
  notPossessive,
  trimToClause,
} from '../../../electron/core/study/gen/hygiene.js';

// Each rule of a good card on the sentences that broke it in imported news articles.

/** [start, end) of the first occurrence of needle in text (after `after`, when given). */
function at(text: string, needle: string, after = ''): [number, number] {
  const from = after ? text.indexOf(after) + after.length : 0;
  const s = text.indexOf(needle, from);
  if (s < 0) throw new Error(`${needle} not in ${text}`);
  return [s, s + needle.length];
}

describe('hygiene: whole words and whole names', () => {
  it('rejects a blank inside a hyphenated compound', () => {
    const t = 'The 70-year-old senator said he would run again.';
    expect(blanksWholeWords(t, ...at(t, '70'))).toBe(false);
    expect(blanksWholeWords(t, ...at(t, 'year'))).toBe(false);
    expect(blanksWholeWords(t, ...at(t, '70-year-old'))).toBe(true);
    expect(blanksWholeWords(t, ...at(t, 'enat'))).toBe(false);
  });

  it('rejects a name cut at an initial', () => {
    const t = 'President-elect Donald J. Trump said he would meet the leaders on Monday.';
    expect(notAfterInitial(t, ...at(t, 'Trump'))).toBe(false);
    expect(notAfterInitial(t, ...at(t, 'Donald'))).toBe(false);
    expect(notAfterInitial(t, ...at(t, 'Donald J. Trump'))).toBe(true);
    const u = 'Patrick W. Carlineo Jr., 55, pleaded guilty.';
    expect(notAfterInitial(u, ...at(u, 'Patrick W'))).toBe(false);
  });

  it('rejects a blank after or inside an abbreviation', () => {
    const t = 'A man pleaded guilty to threatening to kill U.S. Rep. Ilhan Omar, D-Minn., in March.';
    expect(notPartOfAbbreviation(t, ...at(t, 'Rep'))).toBe(false);
    expect(notPartOfAbbreviation(t, ...at(t, 'Ilhan Omar'))).toBe(false);
    expect(notPartOfAbbreviation(t, ...at(t, 'D-Minn'))).toBe(false);
    expect(notPartOfAbbreviation(t, ...at(t, 'U'))).toBe(false);
    expect(notPartOfAbbreviation(t, ...at(t, 'threatening to kill'))).toBe(true);
  });

  it('rejects the owner of a possessive', () => {
    const t = 'Hong Kong lost out on Alibaba’s initial public offering to New York in 2013.';
    expect(notPossessive(t, ...at(t, 'Alibaba'))).toBe(false);
    expect(notPossessive(t, ...at(t, 'initial public offering'))).toBe(true);
  });

  it('rejects one word of a longer name or title', () => {
    const t = 'He pleaded guilty, the U.S. Attorney’s Office for the Western District of New York said.';
    expect(notPartOfLongerName(t, ...at(t, 'Office'))).toBe(false);
    expect(notPartOfLongerName(t, ...at(t, 'Western'))).toBe(false);
    const u = 'Secretary General Jens Stoltenberg warned that winter would be hard.';
    expect(notPartOfLongerName(u, ...at(u, 'Stoltenberg'))).toBe(false);
    expect(notPartOfLongerName(u, ...at(u, 'Jens Stoltenberg'))).toBe(true);
  });
});

describe('hygiene: enumerations', () => {
  const t = 'The ministers of Bosnia and Herzegovina, Georgia and Moldova will be present in Bucharest.';
  it('sees a list of three with a country that has "and" in its name', () => {
    expect(enumerationAround(t, ...at(t, 'Georgia')).items).toBe(3);
    expect(notEnumerationMember(t, ...at(t, 'Georgia'))).toBe(false);
    expect(notEnumerationMember(t, ...at(t, 'Moldova'))).toBe(false);
    expect(notEnumerationMember(t, ...at(t, 'Bosnia and Herzegovina'))).toBe(false);
  });
  it('accepts the whole set as one answer', () => {
    expect(notEnumerationMember(t, ...at(t, 'Bosnia and Herzegovina, Georgia and Moldova'))).toBe(true);
  });
  it('rejects one of a pair of names, not a phrase of ordinary words', () => {
    const u = 'NATO is re-examining the idea of giving Ukraine MiG-29 and F-16 fighter jets.';
    expect(notEnumerationMember(u, ...at(u, 'F-16'))).toBe(false);
    const v = 'They will step up political and practical support for Ukraine.';
    expect(notEnumerationMember(v, ...at(v, 'political and practical support'))).toBe(true);
  });
  it('rejects a member of a list of ordinary nouns', () => {
    const u = 'The package includes air defense systems, ammunition, vehicles and winter equipment.';
    expect(notEnumerationMember(u, ...at(u, 'ammunition'))).toBe(false);
  });
  it('does not count a name among ordinary words as one member of their list', () => {
    const u = 'Russia’s recent losses, including its withdrawal from Kherson, demonstrate the incredible courage and bravery of the Ukrainian forces.';
    expect(notEnumerationMember(u, ...at(u, 'Kherson'))).toBe(true);
    // A name among names still is one.
    const w = 'Leaders of France, Germany and Italy met in Rome.';
    expect(notEnumerationMember(w, ...at(w, 'Germany'))).toBe(false);
  });
});

describe('hygiene: quotations, datelines, bylines, outlets, wire services', () => {
  it('never asks to recite a quotation of 6+ words', () => {
    const t = 'He said: “we will continue to stand with Ukraine for as long as it takes”.';
    expect(notLongQuotation(t, ...at(t, 'we will continue to stand with Ukraine'))).toBe(false);
    expect(notLongQuotation(t, ...at(t, 'as long as it takes'))).toBe(true);
  });
  it('never blanks a dateline', () => {
    const t = 'MADRID — Rafael Nadal kept Spain’s hopes alive in the Davis Cup Finals.';
    expect(notDatelineOrByline(t, ...at(t, 'MADRID'))).toBe(false);
    const u = 'WASHINGTON (AP) — The Senate voted on Tuesday to extend the program.';
    expect(notDatelineOrByline(u, ...at(u, 'WASHINGTON'))).toBe(false);
    expect(notDatelineOrByline(t, ...at(t, 'Rafael Nadal'))).toBe(true);
  });
  it('never blanks a byline, a credit or a source attribution', () => {
    const t = 'Phil Helsel is a reporter for NBC News.';
    expect(notDatelineOrByline(t, ...at(t, 'Phil Helsel'))).toBe(false);
    const u = 'Investors have been told the price is final, Reuters reported.';
    expect(notDatelineOrByline(u, ...at(u, 'Reuters'))).toBe(false);
    const v = 'His attorney said in an email to The Associated Press that he never intended harm.';
    expect(notDatelineOrByline(v, ...at(v, 'Associated Press'))).toBe(false);
  });
  it('knows wire services and the library’s outlets', () => {
    expect(isWireService('The Associated Press')).toBe(true);
    expect(isWireService('Reuters')).toBe(true);
    expect(isWireService('Gerard Pique')).toBe(false);
    expect(isOutlet('NBC News', ['NBC News'])).toBe(true);
    expect(isOutlet('the Guardian', ['The Guardian'])).toBe(true);
    expect(isOutlet('Ukraine', ['Ukrainian World Congress'])).toBe(false);
  });
});

describe('hygiene: the answer is never elsewhere in the prompt', () => {
  it('catches the whole answer, a word of a name, a figure and a demonym', () => {
    expect(notGivenAway(`NATO said that ${BLANK} would send jets.`, 'NATO')).toBe(false);
    expect(notGivenAway(`${BLANK} faces a maximum of 10 years; Carlineo Jr. pleaded guilty.`, 'Carlineo')).toBe(false);
    expect(notGivenAway(`The deal could raise up to ${BLANK}, or $12.9bn with the option.`, '$12.9bn')).toBe(false);
    expect(notGivenAway(`The Swedish minister said ${BLANK} would pay.`, 'Sweden')).toBe(false);
    expect(notGivenAway(`They condemned ${BLANK} against civilians.`, 'Russia’s cruel actions')).toBe(true);
  });
});

describe('hygiene: long sentences are trimmed to the clause of the blank', () => {
  const long =
    'In the NATO Declaration from Bucharest, the foreign ministers of the allied and invited states condemned Russia’s war of aggression against Ukraine, in particular the attacks against the population and civilian infrastructure, the repeated violations of international humanitarian law, as well as the energy blackmail practiced by Moscow, and they reaffirmed their support for the Open Door Policy.';
  it('keeps the prompt within 300 characters with an ellipsis and 6+ words of context', () => {
    const [s, e] = at(long, 'energy blackmail');
    const t = trimToClause(long, s, e);
    expect(t).not.toBeNull();
    expect(t?.prompt.length).toBeLessThanOrEqual(300);
    expect(t?.prompt).toContain(BLANK);
    expect(t?.prompt).toMatch(/…/);
    const context = (t?.prompt ?? '').replace(BLANK, ' ').split(/\s+/).filter((w) => /\w/.test(w));
    expect(context.length).toBeGreaterThanOrEqual(6);
  });
  it('leaves a short sentence whole', () => {
    const t = 'Norway will allocate NOK 2 billion to buy gas.';
    expect(trimToClause(t, ...at(t, 'NOK 2 billion'))?.prompt).toBe(`Norway will allocate ${BLANK} to buy gas.`);
  });
});

describe('hygiene: all rules together', () => {
  it('names the first rule a blank breaks', () => {
    const t = 'A New York man pleaded guilty Monday to threatening to kill U.S. Rep. Ilhan Omar, prosecutors said.';
    expect(checkBlank(t, ...at(t, 'Rep')).rule).toBe('abbreviation');
    expect(checkBlank(t, ...at(t, 'threatening to kill')).ok).toBe(true);
  });
});
