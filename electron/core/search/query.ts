import { stemOf, tokenize } from './tokenize.js';

// The query language a person types, parsed without ever throwing. Anything the parser
// does not understand is searched as plain words, and a `hint` says what was changed.
//
//   words            ranked, any of them may match (lunr's default); passages holding every
//                    word rank first, and among those the ones holding them as typed (adjacent)
//   +word  -word     must / must not appear
//   annex*           prefix (the letters as typed, also their stem)
//   "energy blackmail"  phrase: the words adjacent, in order, in the passage
//   title:nato  outlet:press  text:gripen   restrict a word to one field
//   word^3           weight a word more

export const FIELDS = ['text', 'title', 'outlet'] as const;
export type FieldName = (typeof FIELDS)[number];
export type Presence = 'optional' | 'required' | 'prohibited';

export interface TermClause {
  kind: 'term';
  /** The stem to look up, or the prefix for a prefix clause. */
  term: string;
  /** For prefix clauses: also expand this stemmed form of the prefix. */
  altPrefix: string | null;
  prefix: boolean;
  presence: Presence;
  fields: readonly FieldName[];
  boost: number;
}

export interface PhraseClause {
  kind: 'phrase';
  /** The stems of every word, stop words included as their normalised form, in order. */
  sequence: string[];
  /** The indexed words of the phrase (stop words dropped): they select candidates. */
  terms: string[];
  presence: Presence;
}

export type Clause = TermClause | PhraseClause;

export interface ParsedQuery {
  clauses: Clause[];
  /**
   * Runs of two or more plain words typed next to each other (no quotes, signs, fields,
   * prefixes or boosts), as phrase-key sequences: not required, but a passage holding one
   * ranks above one holding the same words apart.
   */
  adjacent: string[][];
  hints: string[];
}

export const MAX_CLAUSES = 24;
const MAX_BOOST = 100;

/** What a word in a phrase is compared by: its stem, or itself when it is a stop word. */
export function phraseKey(norm: string): string {
  return stemOf(norm) || norm;
}

interface Chunk {
  raw: string;
  quoted: boolean;
  unbalanced: boolean;
}

function splitChunks(q: string): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < q.length) {
    const c = (q[i] ?? '');
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    // A sign directly before a quote applies to the phrase: -"energy blackmail".
    const signed = (c === '+' || c === '-') && (q[i + 1] === '"' || q[i + 1] === '“' || q[i + 1] === '”');
    const qAt = signed ? i + 1 : i;
    const qc = q[qAt];
    if (qc === '"' || qc === '“' || qc === '”') {
      const close = q.slice(qAt + 1).search(/["“”]/);
      const end = close < 0 ? q.length : qAt + 1 + close;
      chunks.push({ raw: (signed ? c : '') + q.slice(qAt + 1, end), quoted: true, unbalanced: close < 0 });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < q.length && !/\s/.test(q[j] ?? '') && !'"“”'.includes(q[j] ?? '')) j++;
    chunks.push({ raw: q.slice(i, j), quoted: false, unbalanced: false });
    i = j;
  }
  return chunks;
}

function takeSign(raw: string): { presence: Presence; rest: string } {
  const m = /^[+-]+/.exec(raw);
  if (!m) return { presence: 'optional', rest: raw };
  const first = m[0][0];
  return { presence: first === '+' ? 'required' : 'prohibited', rest: raw.slice(m[0].length) };
}

export function parseQuery(input: string): ParsedQuery {
  const hints = new Set<string>();
  const clauses: Clause[] = [];
  const dropped: string[] = [];
  const adjacent: string[][] = [];
  let run: string[] = [];
  const endRun = (): void => {
    if (run.length > 1) adjacent.push(run);
    run = [];
  };
  let truncated = false;
  const push = (c: Clause): void => {
    if (clauses.length >= MAX_CLAUSES) truncated = true;
    else clauses.push(c);
  };

  for (const chunk of splitChunks(input)) {
    if (clauses.length >= MAX_CLAUSES) {
      truncated = true;
      break;
    }
    const { presence, rest } = takeSign(chunk.raw);
    if (chunk.quoted) {
      endRun();
      const tokens = tokenize(rest);
      if (tokens.length === 0) continue;
      if (chunk.unbalanced && tokens.length > 1) hints.add('The closing quote was missing, so the words after the quote were searched as a phrase.');
      const sequence = tokens.map((t) => phraseKey(t.norm));
      const terms = tokens.map((t) => stemOf(t.norm)).filter(Boolean);
      if (terms.length === 0) {
        dropped.push(rest.trim());
        continue;
      }
      if (tokens.length === 1) {
        push({ kind: 'term', term: (terms[0] ?? ''), altPrefix: null, prefix: false, presence, fields: FIELDS, boost: 1 });
      } else {
        push({ kind: 'phrase', sequence, terms: [...new Set(terms)], presence: presence === 'optional' ? 'required' : presence });
      }
      continue;
    }

    let body = rest;
    let fields: readonly FieldName[] = FIELDS;
    const field = /^(text|title|outlet):/i.exec(body);
    if (field) {
      const named = FIELDS.find((f) => f === (field[1] ?? '').toLowerCase());
      if (named) fields = [named];
      body = body.slice(field[0].length);
    }
    let boost = 1;
    const boostM = /\^(\d+(?:\.\d+)?)?$/.exec(body);
    if (boostM) {
      const b = Number(boostM[1]);
      if (Number.isFinite(b) && b > 0) boost = Math.min(b, MAX_BOOST);
      body = body.slice(0, boostM.index);
    }
    const fuzzy = /~\d*$/.exec(body);
    if (fuzzy) {
      if (/[\p{L}\p{N}]/u.test(body.slice(0, fuzzy.index))) hints.add('Fuzzy matching (~) is not supported; the exact word was searched.');
      body = body.slice(0, fuzzy.index);
    }
    let prefix = false;
    if (body.endsWith('*')) {
      prefix = true;
      body = body.replace(/\*+$/, '');
    }
    if (/^\*/.test(body)) hints.add('A * works at the end of a word, as in annex*.');

    const tokens = tokenize(body);
    if (tokens.length === 0) {
      if (prefix) hints.add('Type at least one letter before *, as in annex*.');
      continue;
    }
    if (presence === 'optional' && !field && !boostM && !prefix && !fuzzy) run.push(...tokens.map((t) => phraseKey(t.norm)));
    else endRun();
    tokens.forEach((t, i) => {
      const isPrefix = prefix && i === tokens.length - 1;
      if (isPrefix) {
        const stem = stemOf(t.norm);
        push({ kind: 'term', term: t.norm, altPrefix: stem && stem !== t.norm ? stem : null, prefix: true, presence, fields, boost });
        return;
      }
      const stem = stemOf(t.norm);
      if (!stem) {
        dropped.push(t.norm);
        return;
      }
      push({ kind: 'term', term: stem, altPrefix: null, prefix: false, presence, fields, boost });
    });
    // A hyphenated or dotted word ("Euro-Atlantic", "U.S.") is searched as a phrase too.
    if (!prefix && tokens.length > 1 && presence !== 'prohibited') {
      const terms = tokens.map((t) => stemOf(t.norm)).filter(Boolean);
      if (terms.length > 1) push({ kind: 'phrase', sequence: tokens.map((t) => phraseKey(t.norm)), terms: [...new Set(terms)], presence: 'optional' });
    }
  }

  endRun();
  if (truncated) hints.add(`Only the first ${MAX_CLAUSES} words of the query were searched.`);
  const searchable = clauses.some((c) => c.presence !== 'prohibited');
  if (!searchable) {
    if (dropped.length) hints.add(`“${dropped.slice(0, 3).join(' ')}” ${dropped.length === 1 ? 'is' : 'are'} too common to search for; add a more specific word.`);
    else if (clauses.length) hints.add('Add a word to search for; a query cannot only exclude words.');
    else if (input.trim()) hints.add('Type a word to search for.');
    return { clauses: [], adjacent: [], hints: [...hints] };
  }
  return { clauses, adjacent: adjacent.filter((seq) => seq.some((k) => stemOf(k) !== '')), hints: [...hints] };
}
