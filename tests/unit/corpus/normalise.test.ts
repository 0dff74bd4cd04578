import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../electron/core/corpus/normalise.js';
import { CORPUS_DIR, corpusFiles } from './helpers.js';

describe('normaliseText', () => {
  it('removes a byte order mark', () => {
    expect(normaliseText('\uFEFFHello')).toBe('Hello');
    expect(normaliseText('\uFEFF\uFEFFHello')).toBe('Hello');
  });

  it('turns CRLF, CR and Unicode line separators into LF', () => {
    expect(normaliseText('a\r\nb\rc\u2028d\u2029e')).toBe('a\nb\nc\nd\ne');
  });

  it('turns no-break and typographic spaces and tabs into single plain spaces', () => {
    expect(normaliseText('Bosnia\u00A0and\u202FHerzegovina\tand\u2009Moldova')).toBe('Bosnia and Herzegovina and Moldova');
    expect(normaliseText('two  spaces   here')).toBe('two spaces here');
  });

  it('strips the stray indentation and trailing space of each line', () => {
    expect(normaliseText(' date 2022-11-29 The NATO Foreign Ministers  \n\n  • Allies will help.\n  • NATO will continue. ')).toBe(
      'date 2022-11-29 The NATO Foreign Ministers\n\n• Allies will help.\n• NATO will continue.',
    );
  });

  it('collapses runs of blank lines to one blank line and trims the whole text', () => {
    expect(normaliseText('\n\n  \nFirst\n\n\n\n \n\nSecond\n\n\n')).toBe('First\n\nSecond');
    expect(normaliseText('One\nTwo')).toBe('One\nTwo');
  });

  it('composes to NFC', () => {
    const decomposed = 'Alina\u0163a caf\u0065\u0301';
    const out = normaliseText(decomposed);
    expect(out).toBe('Alina\u0163a caf\u00e9');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('drops invisible characters but keeps words and punctuation exactly', () => {
    expect(normaliseText('zero\u200Bwidth soft\u00ADhyphen bell\u0007')).toBe('zerowidth softhyphen bell');
    const words = '“Russia’s war,” he said — “as long as it takes…” (€270 million; $53 million; 2.5%) «ok» ‘yes’';
    expect(normaliseText(words)).toBe(words);
  });

  it('turns whitespace-only input into the empty string', () => {
    expect(normaliseText(' \n\t\r\n\u00A0 ')).toBe('');
    expect(normaliseText('')).toBe('');
  });

  it('is idempotent on the bundled reports', () => {
    for (const f of corpusFiles()) {
      const once = normaliseText(fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'));
      expect(normaliseText(once)).toBe(once);
      expect(once.startsWith(' ')).toBe(false);
      expect(/\n[ \t]/.test(once)).toBe(false);
      expect(/\n{3,}/.test(once)).toBe(false);
    }
  });

  it('is idempotent on generated strings full of awkward characters', () => {
    const alphabet = ['a', 'B', ' ', ' ', '\n', '\n', '\r', '\r\n', '\t', '\u00A0', '\uFEFF', '\u200B', 'e\u0301', '\u0301', '\u2028', '“', '’', '•', '\u0000', '\u000B', '\u000C', '\u3000', 'ﬁ', '한', '\u1100\u1161'];
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 500; k++) {
      let s = '';
      const len = rnd(40);
      for (let i = 0; i < len; i++) s += alphabet[rnd(alphabet.length)];
      const once = normaliseText(s);
      expect(normaliseText(once)).toBe(once);
      expect(once).toBe(once.normalize('NFC'));
      expect(/[\r\uFEFF\u00A0\t]/.test(once)).toBe(false);
      expect(/^\s|\s$/.test(once)).toBe(false);
    }
  });
});
