import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { fold, stem, stopwords, STOPWORDS, words, NEGATIONS } from '../../../electron/core/text/index.js';

describe('the one text module', () => {
  it("search's stop words are lunr's, word for word (the persisted index depends on it)", () => {
    const search = stopwords('search');
    for (const w of search) expect(lunr.stopWordFilter(new lunr.Token(w, {})), w).toBeUndefined();
    // Every other word of the one list is not a lunr stop word, so search would index it.
    for (const w of STOPWORDS) if (!search.has(w)) expect(lunr.stopWordFilter(new lunr.Token(w, {})), w).toBeDefined();
    expect(search.size).toBe(119);
  });

  it('views of the one list: alignment keeps negations, study drops them', () => {
    for (const w of NEGATIONS) expect(stopwords('alignment').has(w), w).toBe(false);
    expect(stopwords('overlap').has('not')).toBe(true);
    for (const w of stopwords('alignment')) expect(STOPWORDS.has(w)).toBe(true);
  });

  it('word shapes differ only in what joins two runs of letters', () => {
    const text = 'U.S. MiG-29s cost 2,000 dollars; don’t ask.';
    expect(words(text, 'word').map((w) => w.text)).toEqual(['U', 'S', 'MiG', '29s', 'cost', '2', '000', 'dollars', 'don’t', 'ask']);
    expect(words(text, 'compound').map((w) => w.text)).toEqual(['U.S', 'MiG-29s', 'cost', '2', '000', 'dollars', 'don’t', 'ask']);
    expect(words(text, 'lexical').map((w) => w.text)).toEqual(['U.S', 'MiG-29s', 'cost', '2,000', 'dollars', 'don’t', 'ask']);
    for (const w of words(text, 'lexical', 5, 20, 100)) expect(text.slice(w.start - 100, w.end - 100)).toBe(w.text);
  });

  it('folds case, accents and apostrophes as asked', () => {
    expect(fold('Alianța’s')).toBe('aliantas');
    expect(fold('Alianța’s', { apostrophes: 'straight' })).toBe("alianta's");
    expect(fold('Alianța', { accents: false })).toBe('alianța');
    expect(fold('ﬁnal', { compatibility: true })).toBe('final');
  });

  it('has one stemmer, with a harder key for alignment', () => {
    expect(stem('organisations')).toBe(lunr.stemmer(new lunr.Token('organisations', {})).toString());
    expect(stem('organisation', { alignmentKey: true })).toBe(stem('organization', { alignmentKey: true }));
    expect(stem('russian', { alignmentKey: true })).toBe(stem('russia', { alignmentKey: true }));
    expect(stem('2,000', { alignmentKey: true })).toBe('2000');
  });
});
