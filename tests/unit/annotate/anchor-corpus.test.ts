import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, quoteAt } from '../../../electron/core/annotate/anchor.js';
import { normaliseText } from '../../../electron/core/corpus/normalise.js';
import { CORPUS_DIR } from '../../helpers/library.js';

// Re-anchoring in the bundled reports after realistic editing (paragraphs deleted and inserted,
// words changed), with the truth known: every highlight either lands on its own (mapped) words
// or becomes an orphan. Never elsewhere.

interface Edit {
  at: number;
  remove: number;
  insert: string;
  kind: 'paragraph-deleted' | 'paragraph-inserted' | 'word-changed';
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const NEW_PARAGRAPHS = [
  'Update: this article was corrected after publication to fix a quotation.',
  'The meeting took place in the Palace of the Parliament, under heavy security.',
  'Analysts said the statement offered little that was new.',
];
const NEW_WORDS = ['indeed', 'Brussels', 'several', 'officials', 'firmly', 'however'];

/** Non-overlapping edits of the original text, sorted by position. */
function planEdits(text: string, rnd: () => number): Edit[] {
  const paragraphs: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/[^\n]+/g)) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  const edits: Edit[] = [];
  const free = (a: number, b: number) => edits.every((e) => b < e.at - 1 || a > e.at + e.remove + 1);
  const para = () => paragraphs[Math.floor(rnd() * paragraphs.length)] as { start: number; end: number };
  for (let i = 0; i < 2; i++) {
    const p = para();
    if (free(p.start, p.end + 1)) edits.push({ at: p.start, remove: Math.min(text.length, p.end + 1) - p.start, insert: '', kind: 'paragraph-deleted' });
  }
  for (let i = 0; i < 2; i++) {
    const p = para();
    if (free(p.start, p.start)) edits.push({ at: p.start, remove: 0, insert: NEW_PARAGRAPHS[i % NEW_PARAGRAPHS.length] + '\n\n', kind: 'paragraph-inserted' });
  }
  const words = [...text.matchAll(/\p{L}{4,}/gu)];
  for (let i = 0; i < 6; i++) {
    const w = words[Math.floor(rnd() * words.length)];
    if (!w) continue;
    if (free(w.index, w.index + w[0].length)) {
      edits.push({ at: w.index, remove: w[0].length, insert: NEW_WORDS[Math.floor(rnd() * NEW_WORDS.length)] as string, kind: 'word-changed' });
    }
  }
  return edits.sort((a, b) => a.at - b.at);
}

function apply(text: string, edits: Edit[]): { text: string; map: (i: number) => number } {
  let out = '';
  let from = 0;
  const shifts: Array<{ at: number; end: number; newAt: number; newEnd: number }> = [];
  for (const e of edits) {
    out += text.slice(from, e.at);
    const newAt = out.length;
    out += e.insert;
    shifts.push({ at: e.at, end: e.at + e.remove, newAt, newEnd: out.length });
    from = e.at + e.remove;
  }
  out += text.slice(from);
  // An original index maps through the edits before it; inside a replaced region it maps to the region's edge.
  const map = (i: number): number => {
    let delta = 0;
    for (const s of shifts) {
      if (i < s.at || (i === s.at && s.end > s.at)) break;
      if (i < s.end) return s.newAt;
      delta = s.newEnd - s.end;
    }
    return i + delta;
  };
  return { text: out, map };
}

function randomHighlights(text: string, rnd: () => number, n: number): Array<{ start: number; end: number }> {
  const words = [...text.matchAll(/[^\s]+/g)];
  const out: Array<{ start: number; end: number }> = [];
  while (out.length < n) {
    const i = Math.floor(rnd() * words.length);
    const len = 1 + Math.floor(rnd() * (rnd() < 0.3 ? 2 : 14));
    const a = words[i];
    const b = words[Math.min(words.length - 1, i + len - 1)];
    if (!a || !b) continue;
    out.push({ start: a.index, end: b.index + b[0].length });
  }
  return out;
}

const docs = fs
  .readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ file: f, text: normaliseText(fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8')) }));

describe('anchoring in edited copies of the bundled reports', () => {
  it('has the corpus', () => expect(docs.length).toBe(5));

  it.each(docs.map((d) => [d.file, d.text] as const))('%s: every highlight follows its words or becomes an orphan', (_file, original) => {
    let untouched = 0;
    let untouchedPlaced = 0;
    let deletedPlaced = 0;
    let deleted = 0;
    let edited = 0;
    for (let round = 0; round < 6; round++) {
      const rnd = seeded(1000 + round * 7 + original.length);
      const edits = planEdits(original, rnd);
      const changed = apply(original, edits);
      for (const h of randomHighlights(original, rnd, 25)) {
        const target = { ...quoteAt(original, h.start, h.end), start: h.start, end: h.end };
        const got = anchor(changed.text, target);
        const touching = edits.filter((e) => e.at < h.end && e.at + e.remove > h.start);
        const label = `round ${round} “${target.exact}” -> ${got ? `“${changed.text.slice(got.start, got.end)}”` : 'orphan'}`;
        if (touching.length === 0) {
          untouched++;
          if (got) {
            untouchedPlaced++;
            expect([got.start, got.end], label).toEqual([changed.map(h.start), changed.map(h.end)]);
          }
        } else if (touching.some((e) => e.kind === 'paragraph-deleted' && e.at <= h.start && e.at + e.remove >= h.end)) {
          deleted++;
          if (got) deletedPlaced++;
          expect(got, label).toBeNull();
        } else if (got) {
          edited++;
          // Partly edited: wherever it lands must overlap where its words went.
          const lo = changed.map(h.start);
          const hi = changed.map(h.end);
          expect(got.start < Math.max(hi, lo + 1) && got.end > lo, label).toBe(true);
        }
      }
    }
    if (process.env.ANCHOR_STATS) console.log(_file, { untouched, untouchedPlaced, deleted, deletedPlaced, editedPlaced: edited });
    expect(deleted).toBeGreaterThan(5);
    expect(deletedPlaced).toBe(0);
    // Untouched words are found again nearly always (the rest are short words whose context was rewritten).
    expect(untouchedPlaced / untouched).toBeGreaterThan(0.9);
  });
});
