import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../electron/core/search/query.js';
import { analyse, stemOf, tokenize } from '../../../electron/core/search/tokenize.js';

describe('tokenize', () => {
  it('finds the plain word inside possessives, quotes and punctuation, with exact offsets', () => {
    const text = 'condemn “Russia’s cruel actions”, NATO’s support and the “Gripen”. (Stoltenberg) said: allies’ aid';
    const tokens = tokenize(text);
    const byNorm = new Map(tokens.map((t) => [t.norm, t]));
    for (const [norm, surface] of [
      ['russia', 'Russia'],
      ['nato', 'NATO'],
      ['gripen', 'Gripen'],
      ['stoltenberg', 'Stoltenberg'],
      ['allies', 'allies'],
    ] as const) {
      const t = byNorm.get(norm);
      expect(t, norm).toBeDefined();
      expect(text.slice(t!.start, t!.end)).toBe(surface);
    }
    expect(tokens.some((t) => /[“”’"(),:.]/.test(t.norm))).toBe(false);
  });

  it('keeps inner apostrophes in the span, drops them from the word, and splits hyphens', () => {
    const text = "don't O’Brien Euro-Atlantic";
    expect(tokenize(text).map((t) => [t.norm, text.slice(t.start, t.end)])).toEqual([
      ['dont', "don't"],
      ['obrien', 'O’Brien'],
      ['euro', 'Euro'],
      ['atlantic', 'Atlantic'],
    ]);
  });

  it('folds accents and case; respects a sub-range', () => {
    const text = 'xx Alinața ÉNERGIE yy';
    const tokens = tokenize(text, 3, 18);
    expect(tokens.map((t) => t.norm)).toEqual(['alinata', 'energie']);
    expect(text.slice(tokens[0]!.start, tokens[0]!.end)).toBe('Alinața');
  });

  it('analyses like lunr: stop words out, Porter stems', () => {
    expect(analyse('The annexation of the territories')).toEqual([stemOf('annexation'), stemOf('territories')]);
    expect(stemOf('the')).toBe('');
    expect(stemOf('annexations')).toBe(stemOf('annexation'));
  });
});

describe('parseQuery', () => {
  it('parses words, signs, prefixes, phrases and fields', () => {
    const q = parseQuery('+ukraine -russia annex* "energy blackmail" title:nato gripen^3');
    expect(q.hints).toEqual([]);
    const kinds = q.clauses.map((c) => (c.kind === 'term' ? `${c.presence}:${c.term}${c.prefix ? '*' : ''}:${c.fields.join('|')}:${c.boost}` : `phrase:${c.presence}:${c.sequence.join(' ')}`));
    expect(kinds).toEqual([
      `required:${stemOf('ukraine')}:text|title|outlet:1`,
      `prohibited:${stemOf('russia')}:text|title|outlet:1`,
      'optional:annex*:text|title|outlet:1',
      `phrase:required:${stemOf('energy')} ${stemOf('blackmail')}`,
      `optional:${stemOf('nato')}:title:1`,
      `optional:${stemOf('gripen')}:text|title|outlet:3`,
    ]);
  });

  it('never throws on hostile input, and says what it did', () => {
    const hostile = [
      '"',
      '*',
      ':',
      '~2',
      '+-',
      '-',
      '+',
      '^',
      '"""',
      '"unbalanced words here',
      'title:',
      'nosuchfield:word',
      ':::***~~~^^^',
      '((a OR b) AND c)',
      '\\',
      '\u0000',
      '🙂',
      '*annex',
      'annex*~2^',
      'word~',
      'a'.repeat(10_000),
      'nato '.repeat(2_000),
      '"'.repeat(9_999),
    ];
    for (const q of hostile) {
      const parsed = parseQuery(q);
      expect(Array.isArray(parsed.clauses)).toBe(true);
      if (parsed.clauses.length === 0 && q.trim()) expect(parsed.hints.length, q.slice(0, 20)).toBeGreaterThan(0);
    }
    expect(parseQuery('"unbalanced words here').hints.join(' ')).toMatch(/closing quote/);
    expect(parseQuery('*').hints.join(' ')).toMatch(/before \*/);
    expect(parseQuery('nato '.repeat(2_000)).hints.join(' ')).toMatch(/first 24 words/);
    expect(parseQuery('word~2').hints.join(' ')).toMatch(/Fuzzy/);
    expect(parseQuery('the of and').hints.join(' ')).toMatch(/too common/);
  });

  it('treats an empty query as nothing to search', () => {
    expect(parseQuery('')).toEqual({ clauses: [], adjacent: [], hints: [] });
    expect(parseQuery('   \n ')).toEqual({ clauses: [], adjacent: [], hints: [] });
  });

  it('searches a hyphenated word as its parts and as a phrase', () => {
    const q = parseQuery('Euro-Atlantic');
    expect(q.clauses.filter((c) => c.kind === 'term')).toHaveLength(2);
    expect(q.clauses.some((c) => c.kind === 'phrase' && c.presence === 'optional')).toBe(true);
  });
});
