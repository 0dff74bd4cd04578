import { describe, expect, it } from 'vitest';
import { anchor, quoteAt, type AnchorTarget } from '../../../electron/core/annotate/anchor.js';

// Re-anchoring a highlight in a changed text: it follows its words, or it becomes an orphan;
// it is never put on other words that merely look alike.

const P1 = 'The NATO foreign ministers met in Bucharest on Tuesday and Wednesday.';
const P2 = 'The allies pledged further support to Ukraine for as long as it takes, Secretary General Jens Stoltenberg said.';
const P3 = 'Russia must withdraw its forces from Ukraine immediately, the joint statement says.';
const P4 = 'Ministers also discussed China, energy security and the situation in the Western Balkans.';
const P5 = 'Ukraine asked for more air defence systems. Ukraine also asked for generators.';
const ORIGINAL = [P1, P2, P3, P4, P5].join('\n\n');

/** What a highlight on `words` (the n-th occurrence) in ORIGINAL remembers. */
function target(words: string, occurrence = 0, text = ORIGINAL): AnchorTarget {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`test setup: “${words}” not in text`);
  return { ...quoteAt(text, at, at + words.length), start: at, end: at + words.length };
}

const placed = (text: string, t: AnchorTarget): string | null => {
  const a = anchor(text, t);
  return a ? text.slice(a.start, a.end) : null;
};

describe('anchor', () => {
  it('keeps a highlight whose position still holds its words', () => {
    const t = target('pledged further support to Ukraine');
    expect(anchor(ORIGINAL, t)).toEqual({ start: t.start, end: t.end, method: 'position', confidence: 1 });
  });

  it('follows its words when text is inserted before them (shifted text)', () => {
    const t = target('pledged further support to Ukraine');
    const inserted = 'Editor’s note: this report was updated on Thursday.\n\n';
    const a = anchor(inserted + ORIGINAL, t);
    expect(a?.method).toBe('exact');
    expect(a?.start).toBe((t.start as number) + inserted.length);
    expect(a?.end).toBe((t.end as number) + inserted.length);
  });

  it('follows its words when text before them is deleted', () => {
    const t = target('Western Balkans');
    const shorter = ORIGINAL.replace(P2 + '\n\n', '');
    expect(placed(shorter, t)).toBe('Western Balkans');
    expect(anchor(shorter, t)?.start).toBe(shorter.indexOf('Western Balkans'));
  });

  it('moves onto the edited version of its words when a word inside them changed (edited text)', () => {
    const t = target('The allies pledged further support to Ukraine for as long as it takes');
    const edited = 'A new first paragraph.\n\n' + ORIGINAL.replace('pledged further support', 'pledged additional support');
    const a = anchor(edited, t);
    expect(a?.method).toBe('fuzzy');
    expect(edited.slice(a?.start, a?.end)).toBe('The allies pledged additional support to Ukraine for as long as it takes');
    expect(a?.confidence).toBeGreaterThan(0.75);
  });

  it('follows a typo fix inside the quote', () => {
    const withTypo = ORIGINAL.replace('Stoltenberg', 'Stoltenbreg');
    const t = target('Secretary General Jens Stoltenbreg said', 0, withTypo);
    const a = anchor(ORIGINAL, t);
    expect(ORIGINAL.slice(a?.start, a?.end)).toBe('Secretary General Jens Stoltenberg said');
  });

  it('keeps its words when their surroundings were rewritten', () => {
    const t = target('withdraw its forces from Ukraine immediately');
    const edited = ORIGINAL.replace('Russia must withdraw', 'Moscow has to withdraw').replace(', the joint statement says.', ', ministers insisted.');
    expect(placed(edited, t)).toBe('withdraw its forces from Ukraine immediately');
  });

  it('becomes an orphan when its passage is deleted (deleted passage)', () => {
    const t = target('pledged further support to Ukraine for as long as it takes');
    const without = ORIGINAL.replace(P2 + '\n\n', '');
    expect(anchor(without, t)).toBeNull();
  });

  it('does not take a lookalike sentence elsewhere when its own was deleted', () => {
    const t = target('Russia must withdraw its forces from Ukraine immediately');
    // The passage goes; a sentence that looks much the same stays elsewhere.
    const lookalike = 'Russia must withdraw its forces from Georgia immediately, the declaration of 2008 said.';
    const edited = ORIGINAL.replace(P3, '').replace(P4, P4 + '\n\n' + lookalike);
    expect(edited).not.toContain('Ukraine immediately');
    expect(anchor(edited, t)).toBeNull();
  });

  it('does not take the same short word elsewhere when its sentence was deleted', () => {
    // "Ukraine" occurs four times; the highlight was on the one in P3.
    const t = target('Ukraine', 1);
    expect(ORIGINAL.slice(t.start, (t.start as number) + 40)).toContain('Ukraine immediately');
    const without = ORIGINAL.replace(P3, 'Ministers condemned the attacks on civilians.');
    expect(without.split('Ukraine').length - 1).toBe(3);
    expect(anchor(without, t)).toBeNull();
  });

  it('does not take a stock phrase from another sentence when its own sentence was deleted', () => {
    // News reports restate themselves: the same phrase in a different statement is not the highlight.
    const a = 'Stoltenberg said that “NATO will continue to stand with Ukraine for as long as it takes. We will not back down.”';
    const b = 'The message from Bucharest is that NATO will continue to support Ukraine, for as long as it takes and with more air defence.';
    const text = [P1, a, P4, b].join('\n\n');
    for (const words of ['for as long as it takes', 'will continue', 'NATO will continue to']) {
      const at = text.indexOf(words);
      const t = { ...quoteAt(text, at, at + words.length), start: at, end: at + words.length };
      const edited = text.replace(a + '\n\n', '');
      expect(edited, words).toContain(words);
      expect(anchor(edited, t), words).toBeNull();
      // ...while the same highlight, with its sentence kept, follows an insertion before it.
      const shifted = 'A new lead.\n\n' + text;
      expect(anchor(shifted, t)?.start, words).toBe(at + 'A new lead.\n\n'.length);
    }
  });

  it('places a short common word by its context when the text shifted', () => {
    const t = target('Ukraine', 1);
    const shifted = 'Breaking: ' + ORIGINAL;
    const a = anchor(shifted, t);
    expect(a?.start).toBe((t.start as number) + 'Breaking: '.length);
  });

  it('does not keep a short word that only coincidentally sits at the old position', () => {
    const t = target('Ukraine', 1);
    // A different text in which "Ukraine" happens to start at the same offset.
    const filler = 'x'.repeat(t.start as number);
    const other = filler + 'Ukraine is mentioned here in an unrelated sentence about grain exports.';
    expect(other.slice(t.start, t.end)).toBe('Ukraine');
    expect(anchor(other, t)).toBeNull();
  });

  it('chooses, among repeated words, the occurrence whose context matches', () => {
    // P5 says "Ukraine asked for" twice; the highlight is on the second.
    const t = target('Ukraine also asked');
    const second = target('Ukraine', 3);
    expect(second.start).toBe(t.start);
    const edited = 'An inserted lead paragraph.\n\n' + ORIGINAL.replace('more air defence systems', 'more air defence systems and ammunition');
    const a = anchor(edited, { ...second });
    expect(a?.start).toBe(edited.indexOf('Ukraine also asked'));
  });

  it('chooses the nearest of identical occurrences with identical context', () => {
    const block = 'Allies agreed to do more.';
    const text = [block, 'Middle paragraph one.', block, 'Middle paragraph two is longer than the first.', block].join('\n\n');
    const secondAt = text.indexOf(block, 1);
    const t: AnchorTarget = { exact: 'Allies agreed', prefix: '', suffix: '', start: secondAt, end: secondAt + 13 };
    // Same prefix and suffix at every occurrence would tie on context; proximity decides.
    const withContext = { ...t, ...quoteAt(text, secondAt, secondAt + 13), start: secondAt + 5, end: secondAt + 18 };
    expect(anchor(text, withContext)?.start).toBe(secondAt);
  });

  it('handles words at the very start and very end of the text', () => {
    const first = target('The NATO foreign ministers');
    expect(first.prefix).toBe('');
    expect(placed('Title line\n\n' + ORIGINAL, first)).toBe('The NATO foreign ministers');
    const last = target('also asked for generators.');
    expect(last.suffix).toBe('');
    expect(placed(ORIGINAL + '\n\nA closing line.', last)).toBe('also asked for generators.');
  });

  it('orphans a passage that was mostly rewritten', () => {
    const t = target('Ministers also discussed China, energy security and the situation in the Western Balkans.');
    const rewritten = ORIGINAL.replace(P4, 'The talks also covered Beijing, gas supplies and the Balkan region.');
    expect(anchor(rewritten, t)).toBeNull();
  });

  it('refuses an empty quote', () => {
    expect(anchor(ORIGINAL, { exact: '', prefix: '', suffix: '' })).toBeNull();
  });

  it('places a quote with no position (as an import may give) by its words alone', () => {
    const t = target('energy security');
    expect(placed(ORIGINAL, { exact: t.exact, prefix: t.prefix, suffix: t.suffix })).toBe('energy security');
  });

  it('follows its words through random edits elsewhere in the text', () => {
    let seed = 99;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const words = ['Allies', 'support', 'Ukraine', 'the', 'statement', 'ministers', 'energy', 'and'];
    for (let trial = 0; trial < 40; trial++) {
      const t = target(['pledged further support', 'joint statement says', 'energy security and the situation', 'Jens Stoltenberg'][trial % 4] as string);
      let text = ORIGINAL;
      let start = t.start as number;
      let end = t.end as number;
      // Edits keep a margin of 40 characters around the quote (beyond its remembered context).
      for (let e = 0; e < 8; e++) {
        const insert = rnd() < 0.6;
        const pos = Math.floor(rnd() * text.length);
        if (pos > start - 40 && pos < end + 40) continue;
        if (insert) {
          const w = ` ${words[Math.floor(rnd() * words.length)]} `;
          text = text.slice(0, pos) + w + text.slice(pos);
          if (pos <= start) {
            start += w.length;
            end += w.length;
          }
        } else {
          const len = Math.min(1 + Math.floor(rnd() * 20), text.length - pos);
          if (pos + len > start - 40 && pos < end + 40) continue;
          text = text.slice(0, pos) + text.slice(pos + len);
          if (pos < start) {
            start -= len;
            end -= len;
          }
        }
      }
      const a = anchor(text, t);
      expect(a, `trial ${trial}`).not.toBeNull();
      expect([a?.start, a?.end], `trial ${trial}`).toEqual([start, end]);
    }
  });
});
