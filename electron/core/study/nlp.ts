import nlp from 'compromise';

// compromise as a tagger: one call per distinct sentence, tags mapped back to offsets.

export interface TaggedTerm {
  start: number;
  end: number;
  text: string;
  tags: ReadonlySet<string>;
}

const EMPTY = new Set<string>();

/** How many sentences have been tagged in this process (the benchmark reports it). */
export const tagStats = { sentences: 0 };

/** Part-of-speech and entity tags of each word of text, with offsets into text. */
export function tagTerms(text: string): TaggedTerm[] {
  const out: TaggedTerm[] = [];
  tagStats.sentences++;
  const doc = nlp(text);
  let at = 0;
  for (const sentence of doc.docs) {
    for (const term of sentence) {
      at += term.pre.length;
      // compromise keeps the input exactly; find the term where we expect it, or search on.
      let start = at;
      if (term.text && text.slice(at, at + term.text.length) !== term.text) {
        const found = text.indexOf(term.text, at);
        if (found >= 0) start = found;
      }
      const end = start + term.text.length;
      if (term.text) out.push({ start, end, text: term.text, tags: term.tags ?? EMPTY });
      at = end + term.post.length;
    }
  }
  return out;
}

let lexicon: Record<string, string | string[]> | null = null;

/** compromise's own lexicon entry for a lower-case word ("norway" -> Country), no tagging needed. */
export function lexiconTags(word: string): string[] {
  lexicon ??= (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const v = lexicon[word];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

let switches: Record<string, string> | null = null;

/** compromise's ambiguous words ("win" -> "Noun|Verb"), decided by context by the caller. */
export function lexiconSwitch(word: string): string | null {
  switches ??= ((nlp.model() as unknown as { two: { switches?: Record<string, string> } }).two.switches ?? {}) as Record<string, string>;
  return switches[word] ?? null;
}

const NAME_TAGS = new Set(['Country', 'City', 'Region', 'Place', 'Organization', 'Company', 'SportsTeam', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person', 'ProperNoun', 'Honorific', 'Acronym']);

/** What the lexicon alone says about a capitalised word: a name, an ordinary word, or unknown. */
export function lexiconSaysName(word: string): boolean | null {
  const tags = lexiconTags(word);
  if (!tags.length) return null;
  return tags.some((t) => NAME_TAGS.has(t));
}

/** Tags of the words overlapping [start, end). */
export function tagsIn(terms: readonly TaggedTerm[], start: number, end: number): Set<string> {
  const tags = new Set<string>();
  for (const t of terms) {
    if (t.end <= start) continue;
    if (t.start >= end) break;
    for (const tag of t.tags) tags.add(tag);
  }
  return tags;
}

export function termAt(terms: readonly TaggedTerm[], pos: number): TaggedTerm | undefined {
  for (const t of terms) {
    if (t.start <= pos && pos < t.end) return t;
    if (t.start > pos) return undefined;
  }
  return undefined;
}
