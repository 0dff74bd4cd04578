import { describe, expect, it } from 'vitest';
import { findDates, isDateLine } from '../../../electron/core/corpus/dates.js';
import { countWords, deriveTitle, extractPublished, guessLanguage } from '../../../electron/core/corpus/metadata.js';
import { corpusText } from './helpers.js';

describe('countWords', () => {
  it('counts words, keeping possessives, hyphenated words and numbers whole', () => {
    expect(countWords('one two three')).toBe(3);
    expect(countWords('Russia’s long-term support: 2.5 percent, 1,000 troops, €270 million.')).toBe(9);
    expect(countWords('  — … “ ” ')).toBe(0);
    expect(countWords('')).toBe(0);
    expect(countWords('Alinața café Ελλάδα Україна 北')).toBe(5);
  });

  it('agrees with a whitespace count on plain prose', () => {
    const t = corpusText('f707968108d80172');
    const rough = t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    expect(Math.abs(countWords(t) - rough)).toBeLessThanOrEqual(rough * 0.02);
  });
});

describe('deriveTitle', () => {
  it('prefers the headline to an upper-case banner above it', () => {
    expect(deriveTitle(corpusText('4435434e06963c7c'), 'x')).toBe('NATO: We will not back down in support of Ukraine');
  });

  it('takes the heading that opens the text', () => {
    expect(deriveTitle(corpusText('da58ee4863b15816'), 'x')).toBe('"We will never recognize Russia\'s illegal annexation," the NATO allies said');
  });

  it('falls back to the opening sentence, clipped at a word to a sensible length', () => {
    const title = deriveTitle(corpusText('b44e6ea7410dd368'), 'x');
    expect(title.startsWith('The NATO Foreign Ministers adopted a joint statement in Bucharest')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
    expect(deriveTitle('Short opening sentence. Then more text follows here.', 'x')).toBe('Short opening sentence.');
  });

  it('ignores a section heading that comes after the first paragraph', () => {
    expect(deriveTitle('The ministers met on Tuesday.\n\nWhat was agreed\n\nMore.', 'x')).toBe('The ministers met on Tuesday.');
  });

  it('uses the fallback when there is no text', () => {
    expect(deriveTitle('', 'my-notes')).toBe('my-notes');
    expect(deriveTitle('icon\n#Tag', 'my-notes')).toBe('my-notes');
  });
});

describe('extractPublished', () => {
  it('reads the date the bundled reports give at their top', () => {
    expect(extractPublished(corpusText('b44e6ea7410dd368'))).toBe('2022-11-29');
    expect(extractPublished(corpusText('4435434e06963c7c'))).toBe('2022-11-30');
  });

  it('does not take the date of an event mentioned in a sentence', () => {
    expect(extractPublished(corpusText('db710659ffeaf388'))).toBeNull();
    expect(extractPublished('We stand with Poland after the incident on November 15, 2022.')).toBeNull();
  });

  it('returns null for texts that give no date', () => {
    expect(extractPublished(corpusText('da58ee4863b15816'))).toBeNull();
    expect(extractPublished(corpusText('f707968108d80172'))).toBeNull();
  });

  it.each([
    ['Headline\n\nPublished: 30 November 2022\n\nText.', '2022-11-30'],
    ['Headline\nPosted on Nov. 3, 2021 at 14:30\nText.', '2021-11-03'],
    ['Headline\n30.11.2022\nText.', '2022-11-30'],
    ['Headline\nTuesday, 29 November 2022\nText.', '2022-11-29'],
    ['30 November 2022 — NATO ministers met in Bucharest.', '2022-11-30'],
    ['Headline\n31/12/2022\nText.', '2022-12-31'],
    ['Headline\n03/04/2022\nText.', null],
    ['Headline\n31 February 2022\nText.', null],
  ])('%j -> %s', (text, expected) => {
    expect(extractPublished(text)).toBe(expected);
  });

  it('only looks near the top of the text', () => {
    const text = `${'A sentence of body text here. '.repeat(100)}\n\n30 November 2022`;
    expect(extractPublished(text)).toBeNull();
  });
});

describe('dates', () => {
  it('finds dates in the forms news pages write them', () => {
    expect(findDates('on November 30,2022 and 29 November 2022 and 2022-11-28').map((d) => d.iso)).toEqual(['2022-11-30', '2022-11-29', '2022-11-28']);
  });

  it('recognises a line that is only a date', () => {
    expect(isDateLine('November 30,2022 330')?.iso).toBe('2022-11-30');
    expect(isDateLine('date 2022-11-29')?.iso).toBe('2022-11-29');
    expect(isDateLine('date 2022-11-29 The NATO Foreign Ministers adopted')).toBeNull();
  });
});

describe('guessLanguage', () => {
  it('recognises the bundled reports as English', () => {
    expect(guessLanguage(corpusText('b44e6ea7410dd368'))).toBe('en');
  });

  it.each([
    ['Die Außenminister der NATO haben sich in Bukarest getroffen, und sie wollen die Ukraine nicht allein lassen. Das ist auch für die Sicherheit der Allianz wichtig.', 'de'],
    ['Les ministres des affaires étrangères de l’OTAN se sont réunis à Bucarest et ils ont promis que le soutien à l’Ukraine est pour une longue durée dans la région.', 'fr'],
    ['Los ministros de la OTAN se reunieron en Bucarest y dijeron que el apoyo a Ucrania es firme, pero que la guerra de Rusia es una amenaza para los aliados.', 'es'],
    ['Міністри закордонних справ НАТО зустрілися в Бухаресті. Вони заявили, що підтримка України є непохитною і що альянс не відступить.', 'uk'],
    ['Министры иностранных дел НАТО встретились в Бухаресте. Они заявили, что поддержка Украины будет продолжаться, и это не изменится.', 'ru'],
    ['', 'en'],
    ['12345 67890', 'en'],
  ])('%#: %s', (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });
});
