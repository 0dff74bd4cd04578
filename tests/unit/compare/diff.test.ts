import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../electron/core/compare/diff.js';
import { quotedRanges } from '../../../electron/core/compare/features.js';

// Word differences of a link: offsets back into both texts, and the differences a reader
// needs to see called out (numbers, names, quoted words).

describe('word differences', () => {
  it('marks inserted, removed and changed words with offsets into both texts', () => {
    const a = 'We will never recognize Russia’s illegal annexations, which are a flagrant violation of the UN Charter.';
    const b = 'We will never recognize Russia’s illegal annexations, which blatantly violate the U.N. Charter.';
    const docA = `Intro. ${a}`;
    const d = wordDiff(a, 7, b, 0);
    for (const p of d.parts) {
      if (p.a) expect(docA.slice(p.a.start, p.a.end)).toBe(p.aText);
      if (p.b) expect(b.slice(p.b.start, p.b.end)).toBe(p.bText);
    }
    const changed = d.parts.filter((p) => p.op !== 'equal' && !p.minor);
    expect(changed.map((p) => p.aText.trim()).join(' ')).toContain('flagrant violation');
    expect(changed.map((p) => p.bText.trim()).join(' ')).toContain('blatantly violate');
    // The shared wording is equal, whatever the apostrophe.
    expect(d.parts[0]?.op).toBe('equal');
    expect(d.parts[0]?.aText).toContain('We will never recognize');
  });

  it('does not count case, quote styles or dashes as differences', () => {
    const d = wordDiff('“There can be no lasting peace.”', 0, '"there can be no lasting peace."', 0);
    expect(d.parts.every((p) => p.op === 'equal' || p.minor)).toBe(true);
    expect(d.notable).toEqual([]);
  });

  it('calls out differing numbers, names and quoted words', () => {
    const a = 'Sweden announced an aid package of €270 million, Kristersson said.';
    const b = 'Sweden announced an aid package of €300 million, Andersson said.';
    const d = wordDiff(a, 0, b, 0);
    expect(d.notable).toContainEqual({ kind: 'number', a: '270', b: '300' });
    expect(d.notable).toContainEqual({ kind: 'name', a: 'Kristersson', b: 'Andersson' });

    const qa = 'He said that “we will not back down” today.';
    const qb = 'He said that “we shall not back down” today.';
    const q = wordDiff(qa, 0, qb, 0, quotedRanges(qa), quotedRanges(qb));
    expect(q.notable).toContainEqual({ kind: 'quoted', a: 'will', b: 'shall' });
    expect(q.notable.some((n) => n.kind === 'name')).toBe(false);
  });

  it('does not call the first word of a sentence a name', () => {
    const d = wordDiff('Allies will help Ukraine.', 0, 'Partners will help Ukraine.', 0);
    expect(d.notable.some((n) => n.kind === 'name')).toBe(false);
  });
});
