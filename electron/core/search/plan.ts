import { FIELDS, parseQuery, type FieldName, type Presence } from './query.js';
import type { Dictionary } from './dictionary.js';
import { FIELD_BOOSTS, NF } from './segment.js';
import type { MatchSpec } from './snippet.js';

// Phase 1 of a search: from the typed query to what the segment scan needs: the clause groups,
// the distinct terms with their per-field BM25 coefficients (lunr's query vector), which groups
// each term satisfies (for ranking passages that hold every word first), and the phrases to
// verify or prefer.

export const K1 = 1.2;
export const B = 0.75;

export const idfOf = (N: number, df: number): number => Math.log(1 + Math.abs((N - df + 0.5) / (df + 0.5)));

/**
 * Expansions of one prefix are capped, the most frequent kept, so search-as-you-type stays
 * fast: one or two letters are mostly a word being typed.
 */
export function maxExpansions(prefixLength: number): number {
  return prefixLength <= 1 ? 24 : prefixLength === 2 ? 64 : 200;
}

export interface Group {
  presence: Presence;
  fields: number[];
  terms: string[];
  boost: number;
}

export interface QueryPlan {
  hints: Set<string>;
  required: Group[];
  prohibited: Group[];
  /** Distinct terms of the scoring (not prohibited) groups. */
  termList: string[];
  /** coef[term][field]: the term's query weight in that field (0: not searched there). */
  coef: number[][];
  /** bits[term][field]: the scoring groups (bit i = group i) a posting of the term satisfies. */
  bits: number[][];
  /** How many scoring groups there are: a passage covering all of them ranks first. */
  groupCount: number;
  /** Phrase conditions are checked against the passage text. */
  phraseMode: boolean;
  /** What must and must not occur, with term weights for the best-match choice. */
  spec: MatchSpec;
  /** spec plus the optional phrases, for marking matches in the snippet. */
  shown: MatchSpec;
  /** Runs of words typed next to each other: a passage holding one ranks higher. */
  adjacent: string[][];
}

/** Groups beyond this many share the last coverage bit (they still score). */
const MAX_GROUP_BITS = 30;

function expandPrefix(dict: Dictionary, prefixes: string[], hints: Set<string>, shown: string): string[] {
  const found = new Set<number>();
  for (const prefix of prefixes) {
    const [a, b] = dict.range(prefix);
    for (let t = a; t < b; t++) found.add(t);
  }
  const cap = maxExpansions(shown.length);
  let picked = [...found];
  if (picked.length > cap) {
    hints.add(`“${shown}*” matches ${picked.length.toLocaleString('en')} words; the ${cap} most common were searched. Type more letters to narrow it.`);
    picked = picked.sort((x, y) => (dict.df[y] ?? 0) - (dict.df[x] ?? 0) || x - y).slice(0, cap);
  }
  return picked.flatMap((t) => dict.terms[t] ?? []);
}

/** The plan of a query over `N` passages, or the hint to show when nothing can match. */
export function planQuery(input: string, dict: Dictionary, N: number): QueryPlan | { empty: string | null } {
  const parsed = parseQuery(input);
  const hints = new Set(parsed.hints);
  const firstHint = (): string | null => [...hints][0] ?? null;
  if (parsed.clauses.length === 0 || N === 0) return { empty: firstHint() };

  const allFields = FIELDS.map((_, i) => i);
  const fieldIdx = (fs: readonly FieldName[]): number[] => fs.map((f) => FIELDS.indexOf(f));
  const groups: Group[] = [];
  const phrases: string[][] = [];
  const forbidden: string[][] = [];
  const softPhrases: string[][] = [];
  for (const c of parsed.clauses) {
    if (c.kind === 'term') {
      const terms = c.prefix ? expandPrefix(dict, [c.term, ...(c.altPrefix ? [c.altPrefix] : [])], hints, c.term) : dict.dfOf(c.term) > 0 ? [c.term] : [];
      groups.push({ presence: c.presence, fields: fieldIdx(c.fields), terms, boost: c.boost });
    } else if (c.presence === 'prohibited') forbidden.push(c.sequence);
    else if (c.presence === 'optional') softPhrases.push(c.sequence);
    else {
      phrases.push(c.sequence);
      for (const t of c.terms) groups.push({ presence: 'required', fields: allFields, terms: dict.dfOf(t) > 0 ? [t] : [], boost: 1 });
    }
  }
  if (groups.some((g) => g.presence === 'required' && g.terms.length === 0)) return { empty: firstHint() };
  const scoring = groups.filter((g) => g.presence !== 'prohibited' && g.terms.length > 0);
  if (scoring.length === 0) return { empty: firstHint() };

  // The query vector per field (lunr: each expanded term upserted with the clause boost), as
  // one list of distinct terms with a coefficient per field (0: not in that field).
  const termList: string[] = [];
  const termAt = new Map<string, number>();
  const q: number[][] = [];
  const bits: number[][] = [];
  // A word typed twice ("nato nato") is one thing to cover.
  const groupBit = new Map<string, number>();
  scoring.forEach((g) => {
    const key = `${g.fields.join(',')}|${[...g.terms].sort().join(' ')}`;
    let bit = groupBit.get(key);
    if (bit === undefined) {
      bit = 1 << Math.min(groupBit.size, MAX_GROUP_BITS);
      groupBit.set(key, bit);
    }
    for (const t of g.terms) {
      let i = termAt.get(t);
      if (i === undefined) {
        i = termList.length;
        termAt.set(t, i);
        termList.push(t);
        q.push(new Array<number>(NF).fill(0));
        bits.push(new Array<number>(NF).fill(0));
      }
      const row = q[i] ?? [];
      const brow = bits[i] ?? [];
      for (const f of g.fields) {
        row[f] = (row[f] ?? 0) + g.boost;
        brow[f] = (brow[f] ?? 0) | bit;
      }
    }
  });
  const mag = new Array<number>(NF).fill(0);
  for (const row of q) for (let f = 0; f < NF; f++) mag[f] = (mag[f] ?? 0) + (row[f] ?? 0) ** 2;
  const coef = q.map((row, i) => {
    const idf = idfOf(N, dict.dfOf(termList[i] ?? ''));
    return row.map((v, f) => (v > 0 ? (v / Math.sqrt(mag[f] ?? 1)) * idf * (K1 + 1) * FIELD_BOOSTS[FIELDS[f] ?? 'text'] : 0));
  });

  const spec: MatchSpec = { terms: new Map(), phrases, forbidden };
  for (const g of scoring) if (g.fields.includes(0)) for (const t of g.terms) spec.terms.set(t, idfOf(N, dict.dfOf(t)));
  return {
    hints,
    required: groups.filter((g) => g.presence === 'required'),
    prohibited: groups.filter((g) => g.presence === 'prohibited' && g.terms.length > 0),
    termList,
    coef,
    bits,
    groupCount: Math.min(groupBit.size, MAX_GROUP_BITS + 1),
    phraseMode: phrases.length > 0 || forbidden.length > 0,
    spec,
    shown: { ...spec, phrases: [...phrases, ...softPhrases, ...parsed.adjacent] },
    adjacent: parsed.adjacent,
  };
}
