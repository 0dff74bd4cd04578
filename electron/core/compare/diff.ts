import { diffWordsWithSpace } from 'diff';
import type { DiffMark, DiffOp, DiffPartView, NotableView, WordDiffView } from '../../api/contract/compare.js';
import type { Span } from '../types.js';
import { sameMeaning } from './equivalent.js';

// Word-level differences between the two sides of a link (jsdiff), with the differences a
// reader most needs to see called out: numbers, names and quoted words.

// The shapes are the contract's (electron/api/contract/compare.ts), under core's names.
export type { DiffOp, DiffMark };
export type DiffPart = DiffPartView;
export type Notable = NotableView;
export type WordDiff = WordDiffView;

/** Same-length folding, so offsets in the folded text are offsets in the original. */
function fold(text: string): string {
  return text.replace(/[’‘‛`´]/g, "'").replace(/[“”„«»]/g, '"').replace(/[‐‑‒–—]/g, '-');
}

const WORD = /[\p{L}\p{N}]/u;

interface SideInfo {
  text: string;
  offset: number;
  quoted: ReadonlyArray<readonly [number, number]>;
}

const NUMBERS = /\d[\d.,]*\d|\d/g;
const CAPITALISED = /[\p{Lu}][\p{L}\p{N}’'.-]*/gu;

/** Capitalised words of a changed stretch that are names: not the first word of a sentence. */
function namesIn(text: string, start: number, side: SideInfo): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CAPITALISED)) {
    const at = start + (m.index ?? 0) - side.offset;
    const before = side.text.slice(0, at).trimEnd();
    if (before.length > 0 && !/[.!?:“"‘(]$/.test(before)) out.push(m[0].replace(/[.’']+$/, ''));
  }
  return out;
}

/** Whether most of a side's text lies inside quotation marks. */
function mostlyQuoted(side: SideInfo): boolean {
  const end = side.offset + side.text.length;
  let inside = 0;
  for (const [qs, qe] of side.quoted) inside += Math.max(0, Math.min(qe, end) - Math.max(qs, side.offset));
  return inside * 2 >= side.text.length;
}

/** A name as compared: no possessive, no abbreviation dots, any case. */
const nameKey = (w: string): string => w.replace(/[’']s$/, '').replace(/[.’']/g, '').toLowerCase();

function isQuoted(start: number, end: number, side: SideInfo): boolean {
  return side.quoted.some(([qs, qe]) => start < qe && end > qs);
}

/** Lists of words differ, abbreviation dots and case aside ("UN" = "U.N."). */
const differs = (x: readonly string[], y: readonly string[]): boolean => {
  const key = (xs: readonly string[]): string => xs.map(nameKey).join('\u0000');
  return key(x) !== key(y);
};

/**
 * Differences between span A and span B, word by word. Case, quote styles and dash styles
 * are not differences; punctuation and spacing are kept but marked minor.
 */
export function wordDiff(
  aText: string,
  aStart: number,
  bText: string,
  bStart: number,
  quotedA: ReadonlyArray<readonly [number, number]> = [],
  quotedB: ReadonlyArray<readonly [number, number]> = [],
): WordDiff {
  const changes = diffWordsWithSpace(fold(aText), fold(bText), { ignoreCase: true });
  const raw: DiffPart[] = [];
  let ia = 0;
  let ib = 0;
  for (const c of changes) {
    const len = c.value.length;
    if (c.added) {
      raw.push(part('added', null, { start: bStart + ib, end: bStart + ib + len }, '', bText.slice(ib, ib + len)));
      ib += len;
    } else if (c.removed) {
      raw.push(part('removed', { start: aStart + ia, end: aStart + ia + len }, null, aText.slice(ia, ia + len), ''));
      ia += len;
    } else {
      raw.push(part('equal', { start: aStart + ia, end: aStart + ia + len }, { start: bStart + ib, end: bStart + ib + len }, aText.slice(ia, ia + len), bText.slice(ib, ib + len)));
      ia += len;
      ib += len;
    }
  }
  const parts = mergeChanges(raw);
  const sideA: SideInfo = { text: aText, offset: aStart, quoted: quotedA };
  const sideB: SideInfo = { text: bText, offset: bStart, quoted: quotedB };
  const allNumbersA = new Set(aText.match(NUMBERS) ?? []);
  const allNumbersB = new Set(bText.match(NUMBERS) ?? []);
  const allNamesA = new Set([...aText.matchAll(CAPITALISED)].map((m) => nameKey(m[0])));
  const allNamesB = new Set([...bText.matchAll(CAPITALISED)].map((m) => nameKey(m[0])));
  const notable: Notable[] = [];
  for (const p of parts) {
    if (p.op === 'equal') continue;
    p.minor = !WORD.test(p.aText) && !WORD.test(p.bText);
    if (p.minor) continue;
    // A number or name that only moved (it is elsewhere on the other side) is no difference.
    const numsA = (p.aText.match(NUMBERS) ?? []).filter((n) => !allNumbersB.has(n));
    const numsB = (p.bText.match(NUMBERS) ?? []).filter((n) => !allNumbersA.has(n));
    if ((numsA.length || numsB.length) && differs(numsA, numsB)) {
      p.marks.push('number');
      notable.push({ kind: 'number', a: numsA.join(' '), b: numsB.join(' ') });
    }
    const namesA = (p.a ? namesIn(p.aText, p.a.start, sideA) : []).filter((n) => !allNamesB.has(nameKey(n)));
    const namesB = (p.b ? namesIn(p.bText, p.b.start, sideB) : []).filter((n) => !allNamesA.has(nameKey(n)));
    if ((namesA.length || namesB.length) && differs(namesA, namesB)) {
      p.marks.push('name');
      notable.push({ kind: 'name', a: namesA.join(' '), b: namesB.join(' ') });
    }
    // Other words for the same thing (no number or name at stake): shown as such, not as a change.
    if (p.op === 'changed' && p.marks.length === 0 && sameMeaning(p.aText, p.bText)) {
      p.op = 'equivalent';
      continue;
    }
    // A quotation worded differently by two sources that both quote it (a paraphrase of a
    // quotation differs as a matter of course).
    const quotedA = p.a ? isQuoted(p.a.start, p.a.end, sideA) : mostlyQuoted(sideA);
    const quotedB = p.b ? isQuoted(p.b.start, p.b.end, sideB) : mostlyQuoted(sideB);
    if (quotedA && quotedB) {
      p.marks.push('quoted');
      notable.push({ kind: 'quoted', a: p.aText.trim(), b: p.bText.trim() });
    }
  }
  return { parts, notable };
}

function part(op: DiffOp, a: Span | null, b: Span | null, aText: string, bText: string): DiffPart {
  return { op, a, b, aText, bText, minor: false, marks: [] };
}

/**
 * Neighbouring removals and additions, with only spaces between them, are one change
 * ("are a flagrant violation of" -> "blatantly violate"), not a word-by-word shuffle.
 */
function mergeChanges(raw: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let i = 0;
  while (i < raw.length) {
    const p = raw[i];
    if (p.op === 'equal') {
      out.push(p);
      i++;
      continue;
    }
    // Gather the run of changes, bridging equal stretches that are only whitespace.
    let j = i;
    let last = i;
    while (j < raw.length) {
      const q = raw[j];
      if (q.op !== 'equal') last = j;
      else if (q.aText.trim() !== '' || q.bText.trim() !== '') break;
      j++;
    }
    const run = raw.slice(i, last + 1);
    const as = run.filter((q) => q.a && q.a.end > q.a.start).map((q) => q.a as Span);
    const bs = run.filter((q) => q.b && q.b.end > q.b.start).map((q) => q.b as Span);
    const removedA = run.some((q) => q.op === 'removed');
    const addedB = run.some((q) => q.op === 'added');
    const a = as.length && removedA ? { start: as[0].start, end: as[as.length - 1].end } : null;
    const b = bs.length && addedB ? { start: bs[0].start, end: bs[bs.length - 1].end } : null;
    const textOf = (side: 'a' | 'b'): string => run.map((q) => (side === 'a' ? q.aText : q.bText)).join('');
    const op: DiffOp = a && b ? 'changed' : a ? 'removed' : 'added';
    out.push(part(op, a, b, a ? textOf('a') : '', b ? textOf('b') : ''));
    i = last + 1;
  }
  return out;
}
