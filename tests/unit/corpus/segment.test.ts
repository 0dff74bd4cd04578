import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../electron/core/corpus/normalise.js';
import { corpusFiles, corpusText, segmentText } from './helpers.js';

const sentencesOf = (text: string): string[] => segmentText(normaliseText(text)).sentenceTexts;
const kindsOf = (text: string): Array<[string, string]> => {
  const t = normaliseText(text);
  const seg = segmentText(t);
  return seg.passages.map((p, i) => [p.kind, seg.passageTexts[i]!]);
};

describe('sentences: abbreviations and initials', () => {
  it.each([
    ['Mr. Smith met Dr. Jones at St. Paul’s. They talked.', ['Mr. Smith met Dr. Jones at St. Paul’s.', 'They talked.']],
    ['Mrs. Kuleba arrived. Prof. Ionescu spoke after her.', ['Mrs. Kuleba arrived.', 'Prof. Ionescu spoke after her.']],
    ['They violate the U.N. Charter. We object.', ['They violate the U.N. Charter.', 'We object.']],
    ['The U.S. Department of State gave money. Others did too.', ['The U.S. Department of State gave money.', 'Others did too.']],
    ['He moved to the U.S. The move was hard.', ['He moved to the U.S.', 'The move was hard.']],
    ['Use tools, e.g. hammers, i.e. heavy ones. Then rest.', ['Use tools, e.g. hammers, i.e. heavy ones.', 'Then rest.']],
    ['Fuel, food, etc. were sent. More will follow.', ['Fuel, food, etc. were sent.', 'More will follow.']],
    ['It was signed on Jan. 5, 2022. Then it was ratified.', ['It was signed on Jan. 5, 2022.', 'Then it was ratified.']],
    ['It was signed on Feb. 24. The war began.', ['It was signed on Feb. 24.', 'The war began.']],
    ['J. Smith wrote it. A. B. Jones agreed.', ['J. Smith wrote it.', 'A. B. Jones agreed.']],
    ['See No. 5 and Art. 5 of the treaty. It applies.', ['See No. 5 and Art. 5 of the treaty.', 'It applies.']],
    ['The 5 p.m. meeting ran late. Everyone stayed.', ['The 5 p.m. meeting ran late.', 'Everyone stayed.']],
    ['It was 5 p.m. The talks ended.', ['It was 5 p.m.', 'The talks ended.']],
    ['He works for Acme Inc. The company is big.', ['He works for Acme Inc.', 'The company is big.']],
    ['Washington, D.C. is the capital. Visit nato.int. The site is up.', ['Washington, D.C. is the capital.', 'Visit nato.int.', 'The site is up.']],
    ['No. The answer is no.', ['No.', 'The answer is no.']],
  ])('%s', (input, expected) => {
    expect(sentencesOf(input)).toEqual(expected);
  });
});

describe('sentences: numbers, amounts and numbered paragraphs', () => {
  it('does not split after the number of a numbered statement paragraph', () => {
    expect(sentencesOf('1. We gathered in Bucharest. We agreed.')).toEqual(['1. We gathered in Bucharest.', 'We agreed.']);
    expect(sentencesOf('“12. We gathered in Bucharest. We agreed.')).toEqual(['“12. We gathered in Bucharest.', 'We agreed.']);
    expect(sentencesOf('IV. The Alliance responds. It is united.')).toEqual(['IV. The Alliance responds.', 'It is united.']);
  });

  it('keeps decimals and amounts inside their sentence', () => {
    expect(sentencesOf('It grew 2.5 percent. Sweden gave €270 million. The U.S. gave $53 million. Norway gave NOK 2 billion.')).toEqual([
      'It grew 2.5 percent.',
      'Sweden gave €270 million.',
      'The U.S. gave $53 million.',
      'Norway gave NOK 2 billion.',
    ]);
  });

  it('keeps a day number before a month in one sentence (German ordinal dates)', () => {
    expect(sentencesOf('Die Minister trafen sich am 29. November in Bukarest. Sie sprachen.')).toEqual([
      'Die Minister trafen sich am 29. November in Bukarest.',
      'Sie sprachen.',
    ]);
  });

  it('splits Chinese and Japanese text at full-width terminals without spaces', () => {
    expect(sentencesOf('北约外长会议在布加勒斯特举行。部长们表示支持乌克兰。会议结束了！')).toEqual(['北约外长会议在布加勒斯特举行。', '部长们表示支持乌克兰。', '会议结束了！']);
  });

  it('ends a sentence at a year', () => {
    expect(sentencesOf('They met in 2008. In 2022 they met again.')).toEqual(['They met in 2008.', 'In 2022 they met again.']);
  });
});

describe('sentences: ellipses, questions, exclamations', () => {
  it('does not split at an ellipsis followed by lower case, or one set off by spaces', () => {
    expect(sentencesOf('“to force Ukrainians to freeze or flee… and to divide all of us,” he said.')).toHaveLength(1);
    expect(sentencesOf('We need to support them now … When we have seen it, we act.')).toHaveLength(1);
  });

  it('splits at an ellipsis attached to a word and followed by a capital', () => {
    expect(sentencesOf('He paused… Then he spoke. It was over...')).toEqual(['He paused…', 'Then he spoke.', 'It was over...']);
  });

  it('splits at question and exclamation marks', () => {
    expect(sentencesOf('Will it work? Nobody knows! Maybe.')).toEqual(['Will it work?', 'Nobody knows!', 'Maybe.']);
  });

  it('does not split when the next word is lower case', () => {
    expect(sentencesOf('“Stop!” he shouted. Then he left.')).toEqual(['“Stop!” he shouted.', 'Then he left.']);
  });

  it('splits after a stray space before the full stop', () => {
    expect(sentencesOf('practiced by Moscow . Also, the ministers met.')).toEqual(['practiced by Moscow .', 'Also, the ministers met.']);
  });
});

describe('sentences: quotations', () => {
  it('keeps a closing quotation mark with the sentence it ends', () => {
    expect(sentencesOf('“We will not back down.” He added more.')).toEqual(['“We will not back down.”', 'He added more.']);
    expect(sentencesOf('"We will win." The allies agreed.')).toEqual(['"We will win."', 'The allies agreed.']);
    expect(sentencesOf('He said it was ‘over.’ Nobody agreed.')).toEqual(['He said it was ‘over.’', 'Nobody agreed.']);
  });

  it('splits a long quotation that starts a sentence into its own sentences', () => {
    const out = sentencesOf('“NATO will continue to stand with Ukraine. We will not back down.” He added more.');
    expect(out).toEqual(['“NATO will continue to stand with Ukraine.', 'We will not back down.”', 'He added more.']);
  });

  it('never splits inside a short quoted phrase in the middle of a sentence', () => {
    expect(sentencesOf('He called it “a disgrace. A shame.” and left.')).toEqual(['He called it “a disgrace. A shame.” and left.']);
    expect(sentencesOf('Stoltenberg said that “NATO will continue. We will not back down.” He added that it matters.')).toEqual([
      'Stoltenberg said that “NATO will continue. We will not back down.”',
      'He added that it matters.',
    ]);
    expect(sentencesOf('They wrote "Stop. Now." in red (see p. 4. Or p. 5.) and went home.')).toHaveLength(1);
  });

  it('splits normally when a quotation is never closed in its paragraph', () => {
    expect(sentencesOf('NATO acts before the “developments go wrong. At a news conference he spoke.')).toEqual([
      'NATO acts before the “developments go wrong.',
      'At a news conference he spoke.',
    ]);
  });
});

describe('passages', () => {
  it('makes every non-empty line a passage, with or without blank lines between', () => {
    const t = 'First line. Still first.\nSecond line.\n\nThird line.';
    const seg = segmentText(t);
    expect(seg.passageTexts).toEqual(['First line. Still first.', 'Second line.', 'Third line.']);
    expect(seg.sentences.map((s) => s.passageIndex)).toEqual([0, 0, 1, 2]);
  });

  it('never lets a sentence cross a passage boundary', () => {
    const t = 'A sentence without an end\nContinues here. And ends.';
    const seg = segmentText(t);
    for (const s of seg.sentences) {
      const p = seg.passages[s.passageIndex]!;
      expect(s.start >= p.start && s.end <= p.end).toBe(true);
    }
  });

  it('recognises bullets and numbered lines as list items, and their sentences skip the marker', () => {
    const t = normaliseText('Takeaways:\n\n  • Allies will help Ukraine.\n  - NATO will continue. It is firm.\n* Third point\n1) Fourth point\n(b) Fifth point');
    const seg = segmentText(t);
    expect(seg.passages.map((p) => p.kind)).toEqual(['paragraph', 'list-item', 'list-item', 'list-item', 'list-item', 'list-item']);
    expect(seg.sentenceTexts).toEqual(['Takeaways:', 'Allies will help Ukraine.', 'NATO will continue.', 'It is firm.', 'Third point', 'Fourth point', 'Fifth point']);
  });

  it('treats a run of "1." lines as a list, and a lone "1." paragraph as a paragraph', () => {
    expect(kindsOf('Steps:\n1. First step\n2. Second step').map(([k]) => k)).toEqual(['paragraph', 'list-item', 'list-item']);
    expect(kindsOf('1. We gathered in Bucharest. We agreed.\n\n2. We welcome the minister.').map(([k]) => k)).toEqual(['paragraph', 'paragraph']);
  });

  it('recognises short title-like lines as headings, and a capitals banner above the headline as furniture', () => {
    const kinds = kindsOf(
      'UKRAINIAN WORLD CONGRESS\n\nStoltenberg: NATO is not part of this conflict, but will support Ukraine\n\nNATO is not part of the conflict, Stoltenberg said in Bucharest on Tuesday.\n\nMoreover:',
    );
    expect(kinds.map(([k]) => k)).toEqual(['meta', 'heading', 'paragraph', 'paragraph']);
    // Below the story's first paragraph a line in capitals is a section heading again.
    expect(kindsOf('Allies agree\n\nThe allies agreed.\n\nWHAT COMES NEXT\n\nMore talks.').map(([k]) => k)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
  });

  it('does not take a long line without a full stop, or one with two sentences, for a heading', () => {
    const long = 'NATO foreign ministers met in Bucharest on Tuesday and Wednesday to discuss support for Ukraine and its partners and many other things';
    expect(kindsOf(long)[0]![0]).toBe('paragraph');
    expect(kindsOf('It rained. Then it stopped')[0]![0]).toBe('paragraph');
  });

  it.each([
    'November 30,2022 330',
    '30 November 2022',
    '2022-11-29',
    '#StandWithUkraine',
    'icon',
    'Video of the day',
    '"Family" photo at the NATO summit in Madrid / 2022 / EPA-EFE / JuanJo Martin',
    'By Jane Smith',
    'Photo: Reuters',
    'Tags: NATO, Ukraine, Bucharest',
    '* * *',
    '© 2022 The Example Times',
  ])('classifies %j as meta, with no sentences', (line) => {
    const t = `A headline for the test\n\n${line}\n\nSome body text follows here. It has sentences.`;
    const seg = segmentText(t);
    expect(seg.passages[1]!.kind).toBe('meta');
    expect(seg.passageTexts[1]).toBe(line);
    expect(seg.sentences.some((s) => s.passageIndex === 1)).toBe(false);
  });

  it('splits a labelled dateline off the paragraph it opens', () => {
    const seg = segmentText('date 2022-11-29 The NATO Foreign Ministers adopted a statement. It is long.');
    expect(seg.passages.map((p) => p.kind)).toEqual(['meta', 'paragraph']);
    expect(seg.passageTexts).toEqual(['date 2022-11-29', 'The NATO Foreign Ministers adopted a statement. It is long.']);
  });

  it('takes a strip of capitalised words under a headline for a tag line, not a heading', () => {
    const kinds = kindsOf('Allies agree on support\n\nNATO Summit Madrid Group Free Press\n\nThe allies agreed.');
    expect(kinds.map(([k]) => k)).toEqual(['heading', 'meta', 'paragraph']);
    // Under an upper-case banner (itself furniture) it is the headline.
    expect(kindsOf('REUTERS\n\nStoltenberg Says NATO Will Support Ukraine\n\nThe allies agreed.').map(([k]) => k)).toEqual(['meta', 'heading', 'paragraph']);
    // The headline repeated above the story is furniture the second time.
    expect(kindsOf('Allies agree\n\n#NATO\n\nAllies agree\n\nThe allies agreed.').map(([k]) => k)).toEqual(['heading', 'meta', 'meta', 'paragraph']);
  });

  it('handles empty and whitespace-only text', () => {
    expect(segmentText('')).toMatchObject({ passages: [], sentences: [] });
    expect(segmentText('   \n\n  ')).toMatchObject({ passages: [], sentences: [] });
  });

  it('gives exact offsets even in text that was not normalised', () => {
    const t = '  Indented line. Two.  \r\n\r\n\t• item one  ';
    const seg = segmentText(t);
    expect(seg.passageTexts).toEqual(['Indented line. Two.', '• item one']);
    expect(seg.sentenceTexts).toEqual(['Indented line.', 'Two.', 'item one']);
  });
});

describe('the bundled reports', () => {
  it.each(corpusFiles())('%s segments into well-formed passages and sentences', (file) => {
    const t = corpusText(file);
    const seg = segmentText(t);
    expect(seg.passages.length).toBeGreaterThan(3);
    for (const [i, s] of seg.sentences.entries()) {
      const text = seg.sentenceTexts[i]!;
      expect(text).toMatch(/^\S/u);
      const p = seg.passages[s.passageIndex]!;
      const own = seg.sentences.filter((x) => x.passageIndex === p.index);
      const isLast = own[own.length - 1] === s;
      const passageText = t.slice(p.start, p.end);
      // A sentence ends with terminal punctuation (or a closing quote after it) unless it ends its passage.
      if (!isLast) expect(text).toMatch(/[.!?…]["”’)]*$/u);
      else {
        expect(s.end).toBe(p.end);
        if (/[.!?…]["”’)]*$/u.test(passageText)) expect(text).toMatch(/[.!?…]["”’)]*$/u);
      }
    }
  });

  it('003: keeps “U.N. Charter” whole, makes the “•” lines list items and reads the page furniture as meta', () => {
    const t = corpusText('4435434e06963c7c');
    const seg = segmentText(t);
    const charter = seg.sentenceTexts.find((s) => s.includes('U.N. Charter'));
    expect(charter).toMatch(/^“We will never recognize Russia’s illegal annexations, which blatantly violate the U\.N\. Charter\.$/);
    const bullets = seg.passages.filter((p) => t.startsWith('•', p.start));
    expect(bullets.length).toBe(t.split('\n').filter((l) => l.startsWith('•')).length);
    expect(bullets.length).toBeGreaterThan(0);
    for (const b of bullets) expect(b.kind).toBe('list-item');
    const kindOf = (line: string): string | undefined => seg.passages[seg.passageTexts.indexOf(line)]?.kind;
    expect(kindOf('icon')).toBe('meta');
    expect(kindOf('#StandWithUkraine')).toBe('meta');
    expect(kindOf('November 30,2022 330')).toBe('meta');
    expect(kindOf('UKRAINIAN WORLD CONGRESS')).toBe('meta');
    expect(kindOf('NATO: We will not back down in support of Ukraine')).toBe('heading');
    // The headline's second copy above the story is furniture.
    const copies = seg.passages.filter((_, i) => seg.passageTexts[i] === 'NATO: We will not back down in support of Ukraine');
    expect(copies.map((p) => p.kind)).toEqual(['heading', 'meta']);
    expect(seg.sentenceTexts).toContain('The U.S. Department of State announced the allocation of $53 million to support Ukraine’s energy system.');
    expect(seg.sentenceTexts.some((s) => s.endsWith('winter equipment and €270 million.'))).toBe(true);
    expect(seg.sentenceTexts.some((s) => s.includes('flee… and to divide'))).toBe(true);
  });

  it('000: a numbered statement paragraph starts a sentence with its number', () => {
    const t = corpusText('b44e6ea7410dd368');
    const seg = segmentText(t);
    const first = seg.sentenceTexts.find((s) => s.includes('We gathered in Bucharest'));
    expect(first).toBe('“1. We gathered in Bucharest, near the shores of the Black Sea, at a time when Russia’s ongoing invasion of Ukraine threatens Euro-Atlantic peace, security and prosperity.');
    const idx = seg.sentenceTexts.indexOf(first!);
    const s = seg.sentences[idx]!;
    expect(s.start).toBe(seg.passages[s.passageIndex]!.start);
    for (const n of ['3', '4', '5']) {
      const p = seg.passages.find((x) => t.startsWith(`${n}. `, x.start));
      expect(p?.kind).toBe('paragraph');
      expect(seg.sentences.find((x) => x.passageIndex === p!.index)!.start).toBe(p!.start);
    }
    expect(seg.passages[seg.passageTexts.indexOf('Stoltenberg: NATO is not part of this conflict, but will support Ukraine')]?.kind).toBe('heading');
    expect(seg.passages[0]!.kind).toBe('meta');
    expect(seg.passageTexts[0]).toBe('date 2022-11-29');
  });

  it('001: the closing quotation mark stays with “back down.”', () => {
    const seg = segmentText(corpusText('db710659ffeaf388'));
    const i = seg.sentenceTexts.findIndex((s) => s.endsWith('We will not back down.”'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(seg.sentenceTexts[i + 1]).toMatch(/^He added “it is in our security interest/);
  });

  it('002: the headline is a heading and the tag strip, caption and “Video of the day” are meta', () => {
    const seg = segmentText(corpusText('da58ee4863b15816'));
    expect(seg.passages[0]!.kind).toBe('heading');
    const kindOf = (line: string): string | undefined => seg.passages[seg.passageTexts.indexOf(line)]?.kind;
    expect(kindOf('NATO Summit Madrid Group Free Press')).toBe('meta');
    expect(kindOf('"Family" photo at the NATO summit in Madrid / 2022 / EPA-EFE / JuanJo Martin')).toBe('meta');
    expect(kindOf('Video of the day')).toBe('meta');
  });

  it('004: splits a long multi-sentence quotation into its sentences', () => {
    const seg = segmentText(corpusText('f707968108d80172'));
    expect(seg.sentenceTexts).toContain('To address the challenges we face.');
    expect(seg.sentenceTexts).toContain('If they are safer, we will be more secure,” NATO Secretary-General said.');
  });
});
