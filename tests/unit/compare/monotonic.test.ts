import { describe, expect, it } from 'vitest';
import { segment } from '../../../electron/core/corpus/segment.js';
import { alignDocuments } from '../../../electron/core/compare/align.js';
import { documentFeatures, termWeights, type DocFeatures } from '../../../electron/core/compare/features.js';
import { alignMonotonic, lengthCost, type Bead } from '../../../electron/core/compare/monotonic.js';
import { baselineOf, detectRegime, longestOrderedChain } from '../../../electron/core/compare/regime.js';
import { attachWords, exactDice, pairSpace, semanticSentences, softDice, type PairSpace } from '../../../electron/core/compare/semantic.js';
import { wordDiff } from '../../../electron/core/compare/diff.js';

// The aligner for versions of one text: order detection, the bead types of the dynamic
// program, and the similarity that sees past the exact words.

// A passage told in plain sentences (each distinct), and the same passage reworded.
const STORY = [
  'The farmer went out early in the morning to sow his seed across the wide field.',
  'Some of the seed fell along the path, and the birds came down and ate it up.',
  'Other seed fell on rocky ground, where the soil was thin and dry.',
  'It sprang up quickly, but when the sun rose the young plants were scorched and withered.',
  'Still other seed fell among thorns, which grew up and choked the plants.',
  'The rest fell on good soil and produced a crop thirty, sixty or a hundred times over.',
  'Whoever has ears to hear should listen carefully to this story.',
  'Later his friends asked him privately what the story of the seed meant.',
];
const RETOLD = [
  'Early one morning a farmer went out to sow seed in his wide field.',
  'Some seed fell on the path, and birds came and ate it.',
  'Some seed fell on rocky ground where the soil was thin and dry.',
  'It sprang up fast, but the sun rose and the young plants were scorched and withered.',
  'Other seed fell among thorns, and the thorns grew and choked the plants.',
  'The rest fell on good soil and gave a crop thirty, sixty or a hundred times as much.',
  'If you have ears to hear, listen carefully to this story.',
  'Afterwards his friends asked him in private what the seed story meant.',
];

let docs = 0;
function doc(sentences: readonly string[], paragraphs = false): DocFeatures {
  const text = sentences.join(paragraphs ? '\n\n' : ' ');
  docs++;
  return documentFeatures(`doc${docs}`, `hash-${docs}-${text.length}`, text, segment(text).sentences);
}

function prepare(a: readonly string[], b: readonly string[]): { A: DocFeatures; B: DocFeatures; space: PairSpace; baseline: number; anchors: Array<[number, number]> } {
  const A = doc(a);
  const B = doc(b);
  const w = termWeights([A, B].map((d) => ({ sentences: d.sentences.length, df: d.df })));
  const SA = semanticSentences(A, w);
  const SB = semanticSentences(B, w);
  attachWords(A, SA, w);
  attachWords(B, SB, w);
  const space = pairSpace(SA, SB);
  const baseline = baselineOf(space.A.length, space.B.length, (i, j) => softDice(space, space.A[i]!, space.B[j]!));
  return { A, B, space, baseline, anchors: detectRegime(A, B, w).ordered };
}

const shape = (beads: readonly Bead[]): string[] => beads.map((x) => `${x.a.from}-${x.a.to}:${x.b.from}-${x.b.to}`);

describe('order detection', () => {
  it('finds the longest chain of anchors in order', () => {
    expect(longestOrderedChain([[0, 0], [1, 5], [2, 1], [3, 2], [4, 3]])).toEqual([[0, 0], [2, 1], [3, 2], [4, 3]]);
    expect(longestOrderedChain([])).toEqual([]);
  });

  it('calls two versions of one text ordered, and the same sentences shuffled not', () => {
    const A = doc(STORY);
    const B = doc(RETOLD);
    const w = termWeights([A, B].map((d) => ({ sentences: d.sentences.length, df: d.df })));
    const ordered = detectRegime(A, B, w);
    expect(ordered.monotonic).toBe(true);
    expect(ordered.orderShare).toBe(1);
    const shuffled = [5, 2, 7, 0, 3, 6, 1, 4].map((k) => RETOLD[k]!);
    const C = doc(shuffled);
    const w2 = termWeights([A, C].map((d) => ({ sentences: d.sentences.length, df: d.df })));
    const free = detectRegime(A, C, w2);
    expect(free.anchors.length).toBeGreaterThanOrEqual(4);
    expect(free.orderShare).toBeLessThan(0.8);
    expect(free.monotonic).toBe(false);
  });

  it('does not call a summary a version of the text it summarises', () => {
    const A = doc([...STORY, ...STORY.map((s) => s.replace('seed', 'grain').replace('The ', 'And the '))]);
    const B = doc(RETOLD.slice(0, 5));
    const w = termWeights([A, B].map((d) => ({ sentences: d.sentences.length, df: d.df })));
    expect(detectRegime(A, B, w).monotonic).toBe(false);
  });
});

describe('beads of the monotonic alignment', () => {
  it('links 1-1 in order', () => {
    const p = prepare(STORY, RETOLD);
    expect(shape(alignMonotonic(p))).toEqual(STORY.map((_, k) => `${k}-${k + 1}:${k}-${k + 1}`));
  });

  it('links a sentence to both halves when the other side splits it (1-2 and 2-1)', () => {
    const split = [...RETOLD];
    split.splice(3, 1, 'It sprang up fast.', 'But the sun rose and the young plants were scorched and withered.');
    const p = prepare(STORY, split);
    const beads = shape(alignMonotonic(p));
    expect(beads).toContain('3-4:3-5');
    expect(beads).toContain('4-5:5-6');
    const q = prepare(split, STORY);
    expect(shape(alignMonotonic(q))).toContain('3-5:3-4');
  });

  it('leaves a sentence only one side has unlinked (1-0 and 0-1), and links its neighbours', () => {
    const extra = [...RETOLD];
    extra.splice(4, 0, 'Meanwhile the price of bread in the capital kept rising all winter long.');
    const p = prepare(STORY, extra);
    const beads = alignMonotonic(p);
    expect(beads.some((x) => x.b.from <= 4 && x.b.to > 4)).toBe(false);
    expect(shape(beads)).toEqual(expect.arrayContaining(['3-4:3-4', '4-5:5-6']));
    const q = prepare(extra, STORY);
    expect(alignMonotonic(q).some((x) => x.a.from <= 4 && x.a.to > 4)).toBe(false);
  });

  it('links two sentences to two when they are cut at different places (2-2)', () => {
    const a = [...STORY];
    a.splice(2, 2, 'Other seed fell on rocky ground, where the soil was thin and dry, and it sprang up quickly.', 'But when the sun rose the young plants were scorched and withered.');
    const b = [...RETOLD];
    b.splice(2, 2, 'Some seed fell on rocky ground.', 'The soil was thin and dry, so it sprang up fast, but the sun rose and the young plants were scorched and withered.');
    const beads = shape(alignMonotonic(prepare(a, b)));
    expect(beads).toContain('2-4:2-4');
  });

  it('never links a sentence to its neighbour\'s counterpart: links are in order on both sides', () => {
    const beads = alignMonotonic(prepare(STORY, RETOLD));
    for (let k = 1; k < beads.length; k++) {
      expect(beads[k]!.a.from).toBeGreaterThanOrEqual(beads[k - 1]!.a.to);
      expect(beads[k]!.b.from).toBeGreaterThanOrEqual(beads[k - 1]!.b.to);
    }
  });

  it('prices lengths far from the documents\' ratio', () => {
    expect(lengthCost(100, 100, 1)).toBeLessThan(0.1);
    expect(lengthCost(100, 300, 1)).toBeGreaterThan(lengthCost(100, 130, 1));
  });
});

describe('similarity past the exact words', () => {
  const a = 'The large automobile halted abruptly beside the ancient cathedral.';
  const b = 'The big car stopped suddenly next to the old church.';

  it('finds reworded sentences alike that share no word', () => {
    const p = prepare([a], [b]);
    const [x, y] = [p.space.A[0]!, p.space.B[0]!];
    expect(exactDice(x, y)).toBe(0);
    expect(softDice(p.space, x, y)).toBeGreaterThan(0.35);
  });

  it('links them in a version of a text, where exact words alone would not', () => {
    const A = doc([...STORY.slice(0, 4), a, ...STORY.slice(4)]);
    const B = doc([...RETOLD.slice(0, 4), b, ...RETOLD.slice(4)]);
    const w = termWeights([A, B].map((d) => ({ sentences: d.sentences.length, df: d.df })));
    const links = alignDocuments(A, B, w);
    expect(links.some((l) => l.a.from === 4 && l.a.to === 5 && l.b.from === 4 && l.b.to === 5)).toBe(true);
    // The same slot holding an unrelated sentence stays unlinked when the words share nothing.
    const C = doc([...RETOLD.slice(0, 4), 'Interest rates were raised by the central bank on Thursday.', ...RETOLD.slice(4)]);
    const w2 = termWeights([A, C].map((d) => ({ sentences: d.sentences.length, df: d.df })));
    expect(alignDocuments(A, C, w2).some((l) => l.a.from === 4 && l.b.from === 4)).toBe(false);
  });

  it('links the reworded neighbour of a strong link in reports told in their own order', () => {
    const strong = 'Allies will provide assistance to Ukraine to repair energy infrastructure as it defends its population from missile attacks.';
    const A = doc([strong, 'The large automobile halted abruptly beside the ancient cathedral yesterday evening.'], true);
    const B = doc([strong.replace('provide assistance to', 'help'), 'The big car stopped suddenly next to the old church yesterday evening.'], true);
    // A library around them, so that their words are as rare as in a real one.
    const library = [doc(STORY), doc(RETOLD), doc(STORY.map((x) => x.replace('seed', 'grain'))), doc(RETOLD.map((x) => x.replace('seed', 'corn')))];
    const stats = (docs: DocFeatures[]): ReturnType<typeof termWeights> => termWeights([...docs, ...library].map((d) => ({ sentences: d.sentences.length, df: d.df })));
    const w = stats([A, B]);
    const links = alignDocuments(A, B, w);
    expect(links.map((l) => [l.a.from, l.b.from])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    const C = doc([strong.replace('provide assistance to', 'help'), 'Interest rates were raised by the central bank yesterday evening.'], true);
    expect(alignDocuments(A, C, stats([A, C])).map((l) => [l.a.from, l.b.from])).toEqual([[0, 0]]);
  });

  it('shows synonyms in a diff as equivalent, not as a change', () => {
    const d = wordDiff('They remain steadfast in their commitment.', 0, 'They remain firm in their commitment.', 0);
    expect(d.parts.filter((p) => p.op !== 'equal').map((p) => [p.op, p.aText.trim(), p.bText.trim()])).toEqual([['equivalent', 'steadfast', 'firm']]);
    const n = wordDiff('The alliance will send jets.', 0, 'The alliance will not send jets.', 0);
    expect(n.parts.some((p) => p.op === 'equivalent')).toBe(false);
    const c = wordDiff('The ministers met on Tuesday.', 0, 'The ministers met on Friday.', 0);
    expect(c.parts.some((p) => p.op === 'changed')).toBe(true);
  });
});
