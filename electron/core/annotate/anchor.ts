import { approximateMatches, similarity } from './approx.js';

// Placing a highlight in a (possibly changed) text from what it remembers: its old position
// (TextPositionSelector) and its words with their surroundings (TextQuoteSelector).
//
// The order of evidence: the old position if it still holds the words; else the words
// themselves, where their surroundings agree (nearest the old place among equals); else words
// that are nearly the same with surroundings that agree. Anything weaker is refused: an
// orphan is honest, a highlight on the wrong words is not.

/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32;

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface AnchorTarget extends QuoteSelector {
  /** Where the words were last placed, when known. */
  start?: number;
  end?: number;
}

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1: how sure the placement is (1 for words found where they were, with their context). */
  confidence: number;
}

// Thresholds. Context agreement is the mean similarity of the ~32 characters before and after:
// unrelated snippets of English score about 0.15-0.25, but a news text restating itself
// ("maintain our support for as long as necessary" / "maintain this support for as long as
// necessary") scores 0.5-0.75 around a word or two. So the shorter the quote, the more its
// context must agree: 0.5 from 32 characters up, rising to 0.75 for a 4-character word.
const CONTEXT_AGREES = 0.5;
const SHORT_QUOTE_CHARS = 32;
const SHORT_QUOTE_EXTRA = 0.25;
/** Fuzzy candidates need at least this much of the quote itself to survive. */
const MIN_QUOTE_SIMILARITY = 0.7;
/** Weighted score (quote 50, prefix 20, suffix 20, position 2) a fuzzy match must reach. */
const MIN_FUZZY_SCORE = 0.75;
/** A quote this long, with this many words, found once, is its own evidence. */
const DISTINCTIVE_CHARS = 40;
const DISTINCTIVE_WORDS = 6;
const MAX_EXACT_OCCURRENCES = 2000;

/** The quote selector for [start, end) of text. */
export function quoteAt(text: string, start: number, end: number, context = CONTEXT_CHARS): QuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

/**
 * How well the text around [start, end) agrees with the remembered prefix and suffix (0..1).
 * An empty remembered side means the quote sat at the edge of the text: that edge agrees fully,
 * anything else is no evidence either way (0.5).
 */
export function contextAgreement(text: string, start: number, end: number, target: QuoteSelector): { prefix: number; suffix: number; mean: number } {
  const prefix =
    target.prefix.length === 0
      ? start === 0
        ? 1
        : 0.5
      : similarity(target.prefix, text.slice(Math.max(0, start - target.prefix.length), start));
  const suffix =
    target.suffix.length === 0
      ? end === text.length
        ? 1
        : 0.5
      : similarity(target.suffix, text.slice(end, end + target.suffix.length));
  return { prefix, suffix, mean: (prefix + suffix) / 2 };
}

/** One side of the context unchanged over this many characters is strong evidence on its own. */
const SIDE_INTACT = 0.95;
const SIDE_INTACT_MIN_CHARS = 16;

/**
 * Does the context around [start, end) support these words being the highlight? Either both
 * sides agree enough for the quote's length, or one side is practically unchanged.
 */
export function contextSupports(text: string, start: number, end: number, target: QuoteSelector): boolean {
  const ctx = contextAgreement(text, start, end, target);
  if (ctx.mean >= contextNeeded(end - start)) return true;
  return (
    (ctx.prefix >= SIDE_INTACT && target.prefix.length >= SIDE_INTACT_MIN_CHARS) ||
    (ctx.suffix >= SIDE_INTACT && target.suffix.length >= SIDE_INTACT_MIN_CHARS)
  );
}

/** How much the context must agree for a quote of this length to be placed by it. */
export function contextNeeded(quoteLength: number): number {
  if (quoteLength >= SHORT_QUOTE_CHARS) return CONTEXT_AGREES;
  const shortness = Math.min(1, (SHORT_QUOTE_CHARS - quoteLength) / (SHORT_QUOTE_CHARS - 4));
  return CONTEXT_AGREES + SHORT_QUOTE_EXTRA * shortness;
}

export function isDistinctive(exact: string): boolean {
  const words = exact.trim().split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return exact.trim().length >= DISTINCTIVE_CHARS && words.length >= DISTINCTIVE_WORDS;
}

function proximity(text: string, at: number, hint: number | undefined): number {
  if (hint === undefined) return 0.5;
  return 1 - Math.min(1, Math.abs(at - hint) / Math.max(1, text.length));
}

function exactOccurrences(text: string, exact: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(exact); i !== -1 && out.length < MAX_EXACT_OCCURRENCES; i = text.indexOf(exact, i + 1)) out.push(i);
  return out;
}

function byExactQuote(text: string, target: AnchorTarget): Anchored | null {
  const hits = exactOccurrences(text, target.exact);
  if (hits.length === 0) return null;
  const m = target.exact.length;
  const scored = hits.map((at) => {
    const ctx = contextAgreement(text, at, at + m, target).mean;
    // Context decides; among occurrences whose context agrees about as well, the nearest wins.
    return { at, ctx, rank: ctx + 0.05 * proximity(text, at, target.start), supported: contextSupports(text, at, at + m, target) };
  });
  let pool = scored.filter((s) => s.supported);
  if (pool.length === 0 && isDistinctive(target.exact)) {
    // A long quote found once is its own evidence; found several times, only its old place is.
    pool = hits.length === 1 ? scored : scored.filter((s) => s.at === target.start);
  }
  const best = pool.reduce<(typeof scored)[number] | null>((b, s) => (!b || s.rank > b.rank ? s : b), null);
  if (!best) return null;
  const method: AnchorMethod = best.at === target.start && best.at + m === target.end ? 'position' : 'exact';
  return { start: best.at, end: best.at + m, method, confidence: Math.min(1, 0.6 + 0.4 * best.ctx) };
}

function byApproximateQuote(text: string, target: AnchorTarget): Anchored | null {
  const m = target.exact.length;
  const maxErrors = Math.floor(m * (1 - MIN_QUOTE_SIMILARITY));
  const candidates = approximateMatches(text, target.exact, maxErrors);
  let best: (Anchored & { score: number }) | null = null;
  for (const c of candidates) {
    if (c.end <= c.start) continue;
    const quote = 1 - c.errors / m;
    const ctx = contextAgreement(text, c.start, c.end, target);
    if (quote < MIN_QUOTE_SIMILARITY || ctx.mean < contextNeeded(m)) continue;
    const score = (50 * quote + 20 * ctx.prefix + 20 * ctx.suffix + 2 * proximity(text, c.start, target.start)) / 92;
    if (score < MIN_FUZZY_SCORE) continue;
    if (!best || score > best.score) best = { start: c.start, end: c.end, method: 'fuzzy', confidence: score, score };
  }
  if (!best) return null;
  const { score: _s, ...anchored } = best;
  return trimToText(text, anchored);
}

/** A fuzzy match may begin or end on whitespace the quote did not have: drop it. */
function trimToText(text: string, a: Anchored): Anchored {
  let { start, end } = a;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return start < end ? { ...a, start, end } : a;
}

/** Place the target in text, or null when it cannot be placed with confidence (an orphan). */
export function anchor(text: string, target: AnchorTarget): Anchored | null {
  if (target.exact.length === 0) return null;
  const { start, end } = target;
  if (start !== undefined && end !== undefined && end <= text.length && text.slice(start, end) === target.exact) {
    const ctx = contextAgreement(text, start, end, target).mean;
    // The words are still where they were. A short, common quote that now sits in unrelated
    // surroundings is a coincidence, not the highlight: search on instead.
    if (contextSupports(text, start, end, target) || isDistinctive(target.exact)) return { start, end, method: 'position', confidence: Math.min(1, 0.6 + 0.4 * ctx) };
  }
  return byExactQuote(text, target) ?? byApproximateQuote(text, target);
}
