// Approximate string matching for re-anchoring quotes in edited text.
//
// Myers' bit-parallel edit-distance algorithm (Myers 1999), in the blocked form (Hyyrö 2003)
// so patterns longer than 32 characters work: the cost is O(text length x pattern length / 32),
// which keeps a search for a long quote through a long document well under a millisecond per
// kilobyte. Characters are compared as UTF-16 code units, like every offset in Parallax.

const WORD = 32;

interface Pattern {
  length: number;
  blocks: number;
  /** Row of `peq` for each UTF-16 code unit (0: a unit the pattern does not contain). */
  row: Uint16Array;
  /** Per row and block, the bits of the pattern positions holding that unit (row 0 all zero). */
  peq: Uint32Array;
  /** The bit of the last pattern row inside each block. */
  lastBit: Uint32Array;
}

function compile(pattern: string): Pattern {
  const blocks = Math.max(1, Math.ceil(pattern.length / WORD));
  const row = new Uint16Array(65536);
  let rows = 1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (row[c] === 0) row[c] = rows++;
  }
  const peq = new Uint32Array(rows * blocks);
  for (let i = 0; i < pattern.length; i++) {
    const at = row[pattern.charCodeAt(i)] * blocks + ((i / WORD) | 0);
    peq[at] = (peq[at] | (1 << i % WORD)) >>> 0;
  }
  const lastBit = new Uint32Array(blocks).fill(0x80000000);
  lastBit[blocks - 1] = (1 << (pattern.length - 1) % WORD) >>> 0;
  return { length: pattern.length, blocks, row, peq, lastBit };
}

/**
 * Distances of the pattern against the text, column by column: result[j] is the edit distance
 * between the pattern and the best-matching text that ends just before index j+1.
 * - 'search': the match may start anywhere (free start row, Sellers' semi-global alignment).
 * - 'prefix': the match must start at index 0 of the text, so result[j] is the distance between
 *   the pattern and text[0, j+1).
 */
export function columnDistances(text: string, pattern: string, mode: 'search' | 'prefix'): Int32Array {
  if (pattern.length === 0) {
    const out = new Int32Array(text.length);
    for (let j = 0; j < text.length; j++) out[j] = mode === 'search' ? 0 : j + 1;
    return out;
  }
  return distances(text, compile(pattern), mode);
}

function distances(text: string, p: Pattern, mode: 'search' | 'prefix'): Int32Array {
  const out = new Int32Array(text.length);
  const firstIn = mode === 'prefix' ? 1 : 0;
  if (p.blocks === 1) return singleBlock(text, p, firstIn, out);
  const { blocks, row, peq, lastBit } = p;
  const pv = new Uint32Array(blocks).fill(0xffffffff);
  const mv = new Uint32Array(blocks);
  let score = p.length;
  for (let j = 0; j < text.length; j++) {
    const base = row[text.charCodeAt(j)] * blocks;
    let carry = firstIn;
    for (let b = 0; b < blocks; b++) {
      const pV = pv[b];
      const mV = mv[b];
      const hInNeg = carry < 0 ? 1 : 0;
      const eq = peq[base + b] | hInNeg;
      const xV = eq | mV;
      const xH = (((eq & pV) + pV) ^ pV) | eq;
      let pH = mV | ~(xH | pV);
      let mH = pV & xH;
      const last = lastBit[b];
      const hOut = pH & last ? 1 : mH & last ? -1 : 0;
      pH = (pH << 1) | (carry > 0 ? 1 : 0);
      mH = (mH << 1) | hInNeg;
      pv[b] = mH | ~(xV | pH);
      mv[b] = pH & xV;
      carry = hOut;
    }
    score += carry;
    out[j] = score;
  }
  return out;
}

/** The same recurrence for patterns of up to 32 units, in registers. */
function singleBlock(text: string, p: Pattern, firstIn: number, out: Int32Array): Int32Array {
  const { row, peq } = p;
  const last = p.lastBit[0];
  const carryIn = firstIn > 0 ? 1 : 0;
  let pV = 0xffffffff | 0;
  let mV = 0;
  let score = p.length;
  for (let j = 0; j < text.length; j++) {
    const eq = peq[row[text.charCodeAt(j)]];
    const xV = eq | mV;
    const xH = (((eq & pV) + pV) ^ pV) | eq;
    let pH = mV | ~(xH | pV);
    let mH = pV & xH;
    if (pH & last) score++;
    else if (mH & last) score--;
    pH = (pH << 1) | carryIn;
    mH = mH << 1;
    pV = mH | ~(xV | pH);
    mV = pH & xV;
    out[j] = score;
  }
  return out;
}

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/**
 * Where the pattern occurs in the text with at most maxErrors edits: one match per run of
 * qualifying end positions (its best end), each with the start that gives the fewest edits.
 * At most `limit` matches are returned, fewest errors first.
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number, limit = 200): ApproxMatch[] {
  const m = pattern.length;
  if (m === 0 || text.length === 0) return [];
  const k = Math.max(0, Math.floor(maxErrors));
  const ends = columnDistances(text, pattern, 'search');
  const best: Array<{ end: number; errors: number }> = [];
  let runBest: { end: number; errors: number } | null = null;
  for (let j = 0; j <= ends.length; j++) {
    const d = j < ends.length ? ends[j] : Number.POSITIVE_INFINITY;
    if (d <= k) {
      if (!runBest || d < runBest.errors) runBest = { end: j + 1, errors: d };
    } else if (runBest) {
      best.push(runBest);
      runBest = null;
    }
  }
  best.sort((a, b) => a.errors - b.errors || a.end - b.end);
  const revPattern = compile(reverse(pattern));
  return best.slice(0, limit).map(({ end, errors }) => {
    // The start: align the reversed pattern against the reversed text that ends at `end`.
    const from = Math.max(0, end - m - errors);
    const back = distances(reverse(text.slice(from, end)), revPattern, 'prefix');
    let bestLen = 0;
    let bestD = m; // aligning against nothing costs m deletions
    for (let len = 1; len <= back.length; len++) {
      const d = back[len - 1];
      if (d < bestD || (d === bestD && Math.abs(len - m) < Math.abs(bestLen - m))) {
        bestD = d;
        bestLen = len;
      }
    }
    return { start: end - bestLen, end, errors: bestD };
  });
}

/** Plain Levenshtein distance, for short strings (context windows of ~32 characters). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** 1 for equal strings, 0 for nothing in common (by edit distance over the longer length). */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - levenshtein(a, b) / n;
}
