import { describe, expect, it } from 'vitest';
import type { RawLink } from '../../../electron/core/compare/align.js';
import { buildStatements } from '../../../electron/core/compare/statements.js';
import type { CompareDoc } from '../../../electron/core/compare/store.js';

// Statements from pairwise links: the union of links, without letting a chain of loose
// links glue unrelated sentences together.

function doc(id: string, sentences: string[]): CompareDoc {
  let text = '';
  const spans = sentences.map((s, index) => {
    const start = text.length;
    text += s + ' ';
    return { index, passageIndex: 0, start, end: start + s.length };
  });
  return { id, contentHash: `hash-${id}`, text, sentences: spans, headings: new Set(), segHash: 'x' };
}

const link = (a: number, b: number, score: number, aTo = a + 1, bTo = b + 1): RawLink => ({
  a: { from: a, to: aTo },
  b: { from: b, to: bTo },
  score,
  kind: 'variant',
});

describe('statements', () => {
  const docs = [
    doc('A', ['a0 alpha.', 'a1 beta.', 'a2 gamma.']),
    doc('B', ['b0 alpha.', 'b1 beta.', 'b2 gamma.']),
    doc('C', ['c0 alpha.', 'c1 beta.', 'c2 delta.']),
    doc('D', ['d0 alpha.', 'd1 epsilon.']),
  ];

  it('joins the sources linked to one sentence, most widely carried first', () => {
    const st = buildStatements(docs, [
      { a: 0, b: 1, links: [link(0, 0, 0.9), link(1, 1, 0.8)] },
      { a: 0, b: 2, links: [link(0, 0, 0.9)] },
      { a: 0, b: 3, links: [link(0, 0, 0.7)] },
      { a: 1, b: 2, links: [link(0, 0, 0.9), link(1, 1, 0.7)] },
    ]);
    expect(st.map((x) => x.sources.map((s) => `${s.docId}${s.sentences.join('')}`))).toEqual([
      ['A0', 'B0', 'C0', 'D0'],
      ['A1', 'B1', 'C1'],
    ]);
    expect(st[0]?.documents).toBe(4);
    expect(st[0]?.sources.every((s) => docs.find((d) => d.id === s.docId)?.text.slice(s.start, s.end) === s.text)).toBe(true);
  });

  it('does not chain: a sentence two weak links away from the centre stays out', () => {
    // A0 ~ B0 strong; B0 ~ C2 weak; C2 ~ D1 weak. D1 is not linked to the core at all.
    const st = buildStatements(docs, [
      { a: 0, b: 1, links: [link(0, 0, 0.9)] },
      { a: 1, b: 2, links: [link(0, 2, 0.4)] },
      { a: 2, b: 3, links: [link(2, 1, 0.4)] },
    ]);
    const withA = st.find((x) => x.sources.some((s) => s.docId === 'A'));
    expect(withA?.sources.map((s) => s.docId).sort()).toEqual(['A', 'B', 'C']);
    expect(st.some((x) => x.sources.some((s) => s.docId === 'A') && x.sources.some((s) => s.docId === 'D'))).toBe(false);
  });

  it('keeps a run of sentences together as one source', () => {
    const st = buildStatements(docs, [{ a: 0, b: 1, links: [link(0, 1, 0.8, 1, 3)] }]);
    expect(st).toHaveLength(1);
    const b = st[0]?.sources.find((s) => s.docId === 'B');
    expect(b?.sentences).toEqual([1, 2]);
    expect(b?.text).toBe('b1 beta. b2 gamma.');
  });

  it('marks sources in the centre’s words "same" and others "variant"', () => {
    const same = [doc('X', ['We will not back down.']), doc('Y', ['“We will NOT back down.”']), doc('Z', ['We shall not back down.'])];
    const st = buildStatements(same, [
      { a: 0, b: 1, links: [link(0, 0, 1)] },
      { a: 0, b: 2, links: [link(0, 0, 0.8)] },
      { a: 1, b: 2, links: [link(0, 0, 0.8)] },
    ]);
    expect(st[0]?.sources.map((s) => [s.docId, s.kind])).toEqual([
      ['X', 'same'],
      ['Y', 'same'],
      ['Z', 'variant'],
    ]);
  });
});
