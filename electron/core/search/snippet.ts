import { phraseKey } from './query.js';
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
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;

class LazyKeys {
  private readonly words: string[] = [];
  private readonly keys: Array<string | undefined> = [];
  constructor(text: string, from: number, to: number) {
    const slice = text.slice(from, to);
    WORD.lastIndex = 0;
    for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) this.words.push(m[0]);
  }
  get length(): number {
    return this.words.length;
  }
  /** Could word i have this key? (Keys keep the word's first letter, lower-cased.) */
  mayBe(i: number, key: string): boolean {
    const w = this.words[i] as string;
    const c = w.charCodeAt(0);
    if (c >= 128) return true;
    return (c >= 65 && c <= 90 ? c + 32 : c) === key.charCodeAt(0);
  }
  key(i: number): string {
    let k = this.keys[i];
    if (k === undefined) {
      const t = tokenize(this.words[i] as string)[0];
      k = t ? phraseKey(t.norm) : '';
      this.keys[i] = k;
    }
    return k;
  }
  occurs(seq: string[]): boolean {
    outer: for (let i = 0; i + seq.length <= this.words.length; i++) {
      for (let j = 0; j < seq.length; j++) {
        const want = seq[j] as string;
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

/** Best match, a window of the passage around it, and the matched words marked inside it. */
export function locate(text: string, from: number, to: number, spec: MatchSpec, analysed?: Analysed): Located {
  const a = analysed ?? analysePassage(text, from, to);
  const spans: Array<[number, number]> = [];
  let phraseBest: [number, number] | null = null;
  for (const p of spec.phrases) {
    for (const i of occurrences(a.keys, p)) {
      const span: [number, number] = [(a.tokens[i] as TextToken).start, (a.tokens[i + p.length - 1] as TextToken).end];
      spans.push(span);
      phraseBest ??= span;
    }
  }
  let termBest: [number, number] | null = null;
  let bestWeight = -Infinity;
  for (const t of a.tokens) {
    const w = spec.terms.get(stemOf(t.norm));
    if (w === undefined) continue;
    spans.push([t.start, t.end]);
    if (w > bestWeight) {
      bestWeight = w;
      termBest = [t.start, t.end];
    }
  }
  const best = phraseBest ?? termBest;

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
  while (ws < we && /\s/.test(text[ws] as string)) ws++;
  while (we > ws && /\s/.test(text[we - 1] as string)) we--;
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
