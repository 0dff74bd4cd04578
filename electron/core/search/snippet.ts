import { phraseKey } from './query.js';
import { forEachWord } from '../text/words.js';
import { stemOf, tokenize, type TextToken } from './tokenize.js';

// Match offsets are found again in the few passages shown, instead of keeping every term
// position in the index (which is what makes a position-keeping lunr index too big).

export interface MatchSpec {
  /** Index terms (stems) that count as a match, with a weight: the rarest is the best match. */
  terms: Map<string, number>;
  /** Phrases that must occur (sequences of phrase keys). */
  phrases: string[][];
  /** Phrases that must not occur. */
  forbidden: string[][];
}

export interface Located {
  /** Offsets of the best match in the document text (equal when nothing in the passage matched). */
  start: number;
  end: number;
  snippet: string;
  marks: Array<[number, number]>;
}

const SNIPPET = 200;
const WHOLE = 240;
const LEAD = 60;

interface Analysed {
  tokens: TextToken[];
  keys: string[];
}

export function analysePassage(text: string, from: number, to: number): Analysed {
  const tokens = tokenize(text, from, to);
  return { tokens, keys: tokens.map((t) => phraseKey(t.norm)) };
}

/** Token indexes where the sequence starts. */
function occurrences(keys: string[], seq: string[]): number[] {
  const out: number[] = [];
  if (seq.length === 0) return out;
  outer: for (let i = 0; i + seq.length <= keys.length; i++) {
    for (let j = 0; j < seq.length; j++) if (keys[i + j] !== seq[j]) continue outer;
    out.push(i);
  }
  return out;
}

// Words of a passage whose phrase keys are computed only when a comparison needs them:
// verifying a phrase mostly compares first letters.

class LazyKeys {
  private readonly words: string[] = [];
  private readonly keys: Array<string | undefined> = [];
  constructor(text: string, from: number, to: number) {
    forEachWord(text, 'word', (w) => this.words.push(w), from, to);
  }
  get length(): number {
    return this.words.length;
  }
  /** Could word i have this key? (Keys keep the word's first letter, lower-cased.) */
  mayBe(i: number, key: string): boolean {
    const w = (this.words[i] ?? '');
    const c = w.charCodeAt(0);
    if (c >= 128) return true;
    return (c >= 65 && c <= 90 ? c + 32 : c) === key.charCodeAt(0);
  }
  key(i: number): string {
    let k = this.keys[i];
    if (k === undefined) {
      const t = tokenize(this.words[i] ?? '')[0];
      k = t ? phraseKey(t.norm) : '';
      this.keys[i] = k;
    }
    return k;
  }
  occurs(seq: string[]): boolean {
    outer: for (let i = 0; i + seq.length <= this.words.length; i++) {
      for (let j = 0; j < seq.length; j++) {
        const want = (seq[j] ?? '');
        if (!this.mayBe(i + j, want) || this.key(i + j) !== want) continue outer;
      }
      return true;
    }
    return false;
  }
}

/** Does passage text[from, to) satisfy the phrase conditions? */
export function phrasesHold(text: string, from: number, to: number, spec: MatchSpec): boolean {
  const lazy = new LazyKeys(text, from, to);
  for (const p of spec.phrases) if (!lazy.occurs(p)) return false;
  for (const p of spec.forbidden) if (lazy.occurs(p)) return false;
  return true;
}

/** Does passage text[from, to) hold at least one of the phrases? */
export function holdsAnyPhrase(text: string, from: number, to: number, phrases: readonly string[][]): boolean {
  const lazy = new LazyKeys(text, from, to);
  return phrases.some((p) => lazy.occurs(p));
}

interface MatchUnit {
  start: number;
  end: number;
  /** The term's stem, or the phrase's index: each counts once however often it occurs. */
  key: string;
  weight: number;
}

/** A phrase outweighs any word: where the phrase is, the match is. */
const PHRASE_WEIGHT = 1e6;
/** The longest stretch the best match may cover (it anchors a ~200-character snippet). */
const MAX_COVER = 160;

/**
 * The best match: the stretch of the passage that holds the most of the query (sum of the
 * weights of the distinct terms and phrases inside it; rare words weigh more), then the
 * shortest, then the first. For "energy blackmail" that is both words together when they stand
 * together; for one word, its rarest term's first occurrence.
 */
function coveringWindow(units: MatchUnit[]): [number, number] | null {
  units.sort((x, y) => x.start - y.start || y.end - x.end);
  let best: [number, number] | null = null;
  let bestWeight = -Infinity;
  for (const [i, first] of units.entries()) {
    const seen = new Set<string>();
    let weight = 0;
    let end = first.end;
    for (const u of units.slice(i)) {
      if (Math.max(end, u.end) - first.start > MAX_COVER && u !== first) break;
      end = Math.max(end, u.end);
      if (!seen.has(u.key)) {
        seen.add(u.key);
        weight += u.weight;
      }
      const better = weight > bestWeight + 1e-9 || (Math.abs(weight - bestWeight) <= 1e-9 && best !== null && end - first.start < best[1] - best[0]);
      if (better) {
        bestWeight = weight;
        best = [first.start, end];
      }
    }
  }
  return best;
}

/** Best match, a window of the passage around it, and the matched words marked inside it. */
export function locate(text: string, from: number, to: number, spec: MatchSpec, analysed?: Analysed): Located {
  const a = analysed ?? analysePassage(text, from, to);
  const units: MatchUnit[] = [];
  spec.phrases.forEach((p, pi) => {
    for (const i of occurrences(a.keys, p)) {
      const first = a.tokens[i];
      const last = a.tokens[i + p.length - 1];
      if (first && last) units.push({ start: first.start, end: last.end, key: `"${pi}`, weight: PHRASE_WEIGHT });
    }
  });
  for (const t of a.tokens) {
    const stem = stemOf(t.norm);
    const w = spec.terms.get(stem);
    if (w !== undefined) units.push({ start: t.start, end: t.end, key: stem, weight: w });
  }
  const spans: Array<[number, number]> = units.map((u) => [u.start, u.end]);
  const best = coveringWindow(units);

  const anchor: [number, number] = best ?? [from, from];
  let ws = from;
  let we = to;
  if (to - from > WHOLE) {
    ws = Math.max(from, anchor[0] - LEAD);
    if (ws > from) {
      const sp = text.slice(ws, anchor[0]).search(/\s/);
      ws = sp >= 0 ? ws + sp + 1 : anchor[0];
    }
    we = Math.min(to, Math.max(ws + SNIPPET, anchor[1]));
    if (we < to) {
      const cut = text.slice(anchor[1], we).search(/\s\S*$/);
      we = cut >= 0 ? anchor[1] + cut : we;
    }
  }
  // Trim whitespace at the edges so the snippet reads cleanly.
  while (ws < we && /\s/.test(text[ws] ?? '')) ws++;
  while (we > ws && /\s/.test(text[we - 1] ?? '')) we--;
  const lead = ws > from ? '…' : '';
  const tail = we < to ? '…' : '';
  const snippet = lead + text.slice(ws, we) + tail;

  spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const marks: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    if (s < ws || e > we) continue;
    const ms = s - ws + lead.length;
    const me = e - ws + lead.length;
    const last = marks[marks.length - 1];
    if (last && ms < last[1]) {
      if (me > last[1]) last[1] = me;
      continue;
    }
    marks.push([ms, me]);
  }
  return { start: anchor[0], end: anchor[1], snippet, marks };
}
