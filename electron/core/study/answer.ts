import { parseDate, parseQuantity, sameDate, sameQuantity } from './quantities.js';
import { ARTICLES, editDistance, fold } from './text.js';
import type { AnswerCheck } from './types.js';

// Checking a typed answer, forgivingly: case, punctuation, accents, articles, small typos
// (edit distance relative to length, never in digits), and figures written another way
// ("€270 million" = "270 million euros" = "EUR 270m"; "15 November 2022" = "November 15, 2022").

/** Lower case, no accents, no punctuation, no articles, single spaces. */
export function normaliseAnswer(s: string): string {
  return fold(s)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !ARTICLES.has(w))
    .join(' ');
}

/** How many typos a word of this length may carry. */
function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  if (length <= 12) return 2;
  return Math.floor(length / 6);
}

type Verdict = 'exact' | 'close' | 'wrong';

function compareText(expected: string, typed: string): Verdict {
  const e = normaliseAnswer(expected);
  const t = normaliseAnswer(typed);
  if (!t) return 'wrong';
  if (e === t) return 'exact';
  const eTight = e.replace(/\s+/g, '');
  const tTight = t.replace(/\s+/g, '');
  if (eTight === tTight) return 'exact'; // "MiG 29" / "MiG-29" / "mig29"
  // Digits must be exactly right: 2008 is not 2009, whatever the edit distance.
  const digits = (x: string): string => (x.match(/\d+/g) ?? []).join(' ');
  if (digits(e) !== digits(t)) return 'wrong';
  if (editDistance(eTight, tTight, tolerance(eTight.length)) <= tolerance(eTight.length)) return 'close';
  // Order of words does not matter for a list of names ("Georgia and Moldova").
  const setE = [...new Set(e.split(' ').filter((w) => w !== 'and'))].sort().join(' ');
  const setT = [...new Set(t.split(' ').filter((w) => w !== 'and'))].sort().join(' ');
  if (setE === setT) return 'exact';
  // A little more around the right words ("the Black Sea region" for "Black Sea").
  const ew = e.split(' ');
  const tw = t.split(' ');
  if (tw.length - ew.length <= 2 && tw.length > ew.length && ` ${t} `.includes(` ${e} `)) return 'close';
  return 'wrong';
}

function compareFigures(expected: string, typed: string): Verdict | null {
  const eq = parseQuantity(expected);
  if (eq) {
    const tq = parseQuantity(typed);
    if (!tq) return null;
    if (sameQuantity(eq, tq)) return 'exact';
    // The right amount without its currency: right, but the reader should see the currency.
    if (eq.kind === 'money' && tq.currency === null && Math.abs(eq.value - tq.value) < 1e-9 * Math.max(1, eq.value)) return 'close';
    return 'wrong';
  }
  const ed = parseDate(expected);
  if (ed && (ed.month !== null || ed.days.length)) {
    const td = parseDate(typed);
    if (!td) return null;
    if (sameDate(ed, td)) return 'exact';
    // Day and month right, year left out.
    if (td.year === null && ed.month === td.month && ed.days.join() === td.days.join()) return 'close';
    return 'wrong';
  }
  return null;
}

function verdictFor(expected: string, typed: string): Verdict {
  // When both sides read as figures, the figures decide ($270 million is not €270 million).
  const figures = compareFigures(expected, typed);
  if (figures !== null) return figures;
  return compareText(expected, typed);
}

/** Several parts ("Free Press; Ukrainian World Congress"): every part must be given. */
function verdictForParts(expected: string, typed: string): Verdict {
  const parts = expected.split(/\s*;\s*/).filter(Boolean);
  if (parts.length < 2) return verdictFor(expected, typed);
  const given = typed.split(/\s*(?:;|,|\band\b|&)\s*/i).filter((x) => x.trim());
  let close = false;
  for (const p of parts) {
    const best = given.map((g) => verdictFor(p, g)).sort((a, b) => rank(a) - rank(b))[0] ?? 'wrong';
    if (best === 'wrong') return 'wrong';
    if (best === 'close') close = true;
  }
  return close ? 'close' : 'exact';
}

function rank(v: Verdict): number {
  return v === 'exact' ? 0 : v === 'close' ? 1 : 2;
}

export function checkAnswer(expected: string, typed: string, alternatives: string[] = []): AnswerCheck {
  const candidates = [expected, ...alternatives].filter((x) => x.trim());
  let best: Verdict = 'wrong';
  for (const c of candidates) {
    const v = verdictForParts(c, typed);
    if (rank(v) < rank(best)) best = v;
    if (best === 'exact') break;
  }
  const correct = best !== 'wrong';
  return {
    correct,
    close: best === 'close',
    expected,
    typed,
    suggestedRating: correct ? 3 : 1,
    note: best === 'close' ? `Counted as right; the exact answer is “${expected}”.` : null,
  };
}
