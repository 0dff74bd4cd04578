import { ParallaxError } from '../errors.js';
import { TopK } from './topk.js';

// Phase 3 of a phrase search: the index holds no positions, so a phrase is verified against the
// passage text, best candidates first and only until the page is full; the total is then
// estimated from an even sample of the rest.

/** Phrase candidates verified against the text, at most, before the total is estimated. */
const VERIFY_MAX = 1500;
/** Candidates checked to estimate how many of the rest hold the phrase. */
const PHRASE_SAMPLE = 32;

export class CancelledError extends ParallaxError {
  constructor() {
    super('CANCELLED', 'A newer search replaced this one.');
  }
}

/** Every candidate passage of a phrase search, in parallel arrays (no object per candidate). */
export class Candidates {
  n = 0;
  score = new Float64Array(1024);
  cover = new Uint8Array(1024);
  seg = new Int32Array(1024);
  p = new Int32Array(1024);

  push(score: number, cover: number, seg: number, p: number): void {
    if (this.n === this.score.length) {
      const grow = <A extends Float64Array | Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.score = grow(this.score, (n) => new Float64Array(n));
      this.cover = grow(this.cover, (n) => new Uint8Array(n));
      this.seg = grow(this.seg, (n) => new Int32Array(n));
      this.p = grow(this.p, (n) => new Int32Array(n));
    }
    const i = this.n++;
    this.score[i] = score;
    this.cover[i] = cover;
    this.seg[i] = seg;
    this.p[i] = p;
  }
}

/**
 * Check candidates in `before` order with `holds(i, keep)` (which adds a verified candidate to
 * the page while `keep` and the page is not full) until `pageFull()`; returns the phrase total.
 */
export function verifyCandidates(
  n: number,
  limit: number,
  before: (a: number, b: number) => boolean,
  holds: (i: number, keep: boolean) => boolean,
  pageFull: () => boolean,
  cancelled: () => boolean,
): { total: number; estimate: boolean } {
  const checked = new Uint8Array(n);
  const check = (i: number, keep: boolean): boolean => {
    checked[i] = 1;
    return holds(i, keep);
  };
  let verified = 0;
  let checks = 0;
  const head = new TopK<number>(Math.min(n, limit * 2 + 8), before);
  for (let i = 0; i < n; i++) head.offer(i);
  let ordered = head.sorted();
  let k = 0;
  for (;;) {
    for (; k < ordered.length && !pageFull() && checks < VERIFY_MAX; k++) {
      if ((checks & 31) === 31 && cancelled()) throw new CancelledError();
      checks++;
      if (check(ordered[k] ?? 0, true)) verified++;
    }
    if (pageFull() || checks >= VERIFY_MAX || ordered.length === n) break;
    // The best few did not fill the page: go through every candidate in order.
    ordered = Array.from({ length: n }, (_, i) => i).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    k = 0;
    while (k < ordered.length && checked[ordered[k] ?? 0]) k++;
  }
  const rest = n - checks;
  if (rest <= 0) return { total: verified, estimate: false };
  const sample = Math.min(rest, PHRASE_SAMPLE);
  let ok = 0;
  let seen = 0;
  for (let j = 0; j < n && seen < sample; j += Math.max(1, Math.floor(n / sample))) {
    let i = j;
    while (i < n && checked[i]) i++;
    if (i >= n) break;
    seen++;
    if (check(i, false)) ok++;
  }
  return { total: verified + Math.round((ok / Math.max(1, seen)) * rest), estimate: seen < rest };
}
