import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { snapToWords } from '../../../renderer/src/reader/words.js';

/** The snapped text of [start, end) where start/end are given by the positions of "[" and "]" in a marked string. */
function snap(marked: string, locale?: string): string {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  const text = marked.replace('[', '').replace(']', '');
  const r = snapToWords(text, start, end, locale);
  return text.slice(r.start, r.end);
}

describe('snapToWords', () => {
  it('extends a range that starts or ends inside a word to the whole word', () => {
    expect(snap('The min[isters met on Tues]day.')).toBe('ministers met on Tuesday');
    expect(snap('The ministers [met] on Tuesday.')).toBe('met');
    expect(snap('Th[e m]inisters')).toBe('The ministers');
  });

  it('drops whitespace at the edges and keeps punctuation that was selected', () => {
    expect(snap('The ministers[ met on ]Tuesday.')).toBe('met on');
    expect(snap('They agreed on more a[id.] Then')).toBe('aid.');
    expect(snap('“We will [never] give up,” he said')).toBe('never');
    expect(snap('said: [“We] will')).toBe('“We');
  });

  it('treats apostrophes and hyphens inside words as part of the word', () => {
    expect(snap("The country’s def[ence] budget")).toBe('defence');
    expect(snap("Russia[’s] war")).toBe('Russia’s');
    expect(snap("they do[n't] agree")).toBe("don't");
  });

  it('is Unicode-aware: accents, Cyrillic, Greek, CJK without spaces, astral characters', () => {
    expect(snap('le ministre a décl[aré] hier')).toBe('déclaré');
    expect(snap('Президент Зел[енський] заявив')).toBe('Зеленський');
    expect(snap('ο πρωθυπουρ[γός] είπε')).toBe('πρωθυπουργός');
    // Chinese has no spaces: the segmenter's dictionary finds the word 北京 in 我住在北京.
    expect(snap('我住在北[京]', 'zh')).toBe('北京');
    expect(snap('math 𝐚𝐛[𝐜] end')).toBe('𝐚𝐛𝐜');
  });

  it('trims a range of punctuation to the punctuation, and leaves one of only spaces as it was', () => {
    expect(snap('end[ — ]start')).toBe('—');
    expect(snap('a[   ]b')).toBe('   ');
  });

  it('never shrinks the words of a selection and never leaves the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.nat(), fc.nat(), (text, a, b) => {
        const s = Math.min(a, b) % (text.length + 1);
        const e = Math.max(s, Math.max(a, b) % (text.length + 1));
        const r = snapToWords(text, s, e);
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(text.length);
        expect(r.start).toBeLessThanOrEqual(r.end);
        const trimmed = text.slice(s, e).trim();
        if (trimmed) expect(text.slice(r.start, r.end)).toContain(trimmed);
        // Idempotent: snapping a snapped range changes nothing.
        expect(snapToWords(text, r.start, r.end)).toEqual(r);
      }),
    );
  });
});
