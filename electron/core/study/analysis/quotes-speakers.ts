import { findQuotations } from '../quotes.js';
import { foldPhrase, STOPWORDS, tokenize } from '../text.js';
import { buildRoleMap, roleKey } from './names.js';
import type { DocInfo, Group, NameInfo, NameTable, ResolvedQuote, Speaker, UnitInfo } from './types.js';

// Phase: quotations and their speakers (a name in the attribution, "he"/"she" as the person
// last named, an office as whoever holds it in this library, a body as a group), which units
// each covers, and the key phrases: short quotations the sources single out.

const PRONOUN_SPEAKER = /^(?:he|she|him|her)$/i;
const GROUP_SPEAKER = /\b(?:statement|declaration|communiqu[eé]|ministers?|allies|leaders|alliance|nato|members|diplomacy|government|officials?|spokesperson|they|we)\b/i;

/** Quotations of each document with speakers; each content unit's quotation cover and speakers. */
export function attachQuotes(docs: DocInfo[], groups: Group[], t: NameTable): void {
  const { names, canonical, displayOf } = t;
const roleMap = buildRoleMap(groups, canonical, names);
for (const d of docs) {
  const quotes = findQuotations(d.text);
  // People named outside quotations: who "he" or "she" can refer to.
  const insideQuote = (pos: number): boolean => quotes.some((q) => q.start <= pos && pos < q.end);
  const personMentions: Array<{ pos: number; key: string }> = [];
  for (const u of d.units) {
    for (const m of u.mentions) if (m.cls === 'person' && !insideQuote(u.unit.start + m.start)) personMentions.push({ pos: u.unit.start + m.start, key: m.key });
  }
  personMentions.sort((a, b) => a.pos - b.pos);
  const resolved: ResolvedQuote[] = quotes.map((q) => ({ ...q, docId: d.id, speaker: null }));
  for (let i = 0; i < resolved.length; i++) {
    const q = resolved[i] as ResolvedQuote;
    if (q.speakerPhrase) q.speaker = resolveSpeaker(q.speakerPhrase, q.speakerStart, d.text, personMentions, roleMap, names, canonical, displayOf);
    else if (q.continuesPrevious && i > 0) q.speaker = (resolved[i - 1] as ResolvedQuote).speaker;
  }
  for (let i = resolved.length - 2; i >= 0; i--) {
    const q = resolved[i] as ResolvedQuote;
    if (q.continuesNext && !q.speaker) q.speaker = (resolved[i + 1] as ResolvedQuote).speaker;
  }
  d.quotes = resolved;
  for (const u of d.units) {
    if (u.unit.boilerplate) continue;
    let covered = 0;
    for (const q of resolved) {
      const a = Math.max(q.start, u.unit.start);
      const b = Math.min(q.end, u.unit.end);
      if (b > a) {
        covered += b - a;
        if (q.speaker && !u.speakers.some((s) => s.name === q.speaker?.name)) u.speakers.push(q.speaker);
      }
    }
    u.quoteCover = Math.min(1, covered / Math.max(1, u.unit.end - u.unit.start));
  }
}
}

/** Key phrases of the library and, per group, the ones its sentence holds (sets units' keyPhrases). */
export function findKeyPhrases(docs: DocInfo[], groups: Group[], units: UnitInfo[]): { keyPhrases: Map<string, { text: string; docs: number }>; groupPhrases: string[][] } {
// Key phrases: short quotations set inside a sentence ("as long as it takes"), which the
// sources single out; kept when several documents carry them or a person said them.
const phraseCandidates = new Map<string, { text: string; person: boolean }>();
for (const d of docs) {
  for (const q of d.quotes) {
    const raw = d.text.slice(q.start, q.end).replace(/^[\s,.;:…]+|[\s,.;:…]+$/gu, '');
    const words = tokenize(raw);
    if (words.length < 2 || words.length > 8) continue;
    const unit = d.units.find((u) => u.unit.start <= q.start && q.end <= u.unit.end + 2);
    if (!unit || unit.unit.boilerplate) continue;
    if (raw.length > 0.6 * unit.unit.text.length) continue;
    if (words.every((w) => STOPWORDS.has(w.norm))) continue;
    const key = foldPhrase(raw);
    const prev = phraseCandidates.get(key);
    phraseCandidates.set(key, { text: prev?.text ?? raw, person: (prev?.person ?? false) || q.speaker?.kind === 'person' });
  }
}
// Which groups contain which candidate phrase: look their 2-8 word runs up in the set.
const firstWords = new Set([...phraseCandidates.keys()].map((k) => k.split(' ')[0] as string));
const groupPhrases: string[][] = groups.map((g) => {
  const found: string[] = [];
  if (!phraseCandidates.size) return found;
  for (let i = 0; i < g.keys.length; i++) {
    if (!firstWords.has(g.keys[i] as string)) continue;
    let key = g.keys[i] as string;
    for (let n = 2; n <= 8 && i + n <= g.keys.length; n++) {
      key += ` ${g.keys[i + n - 1] as string}`;
      if (phraseCandidates.has(key) && !found.includes(key)) found.push(key);
    }
  }
  return found;
});
const phraseDocs = new Map<string, Set<string>>();
groups.forEach((g, gi) => {
  for (const key of groupPhrases[gi] as string[]) {
    const set = phraseDocs.get(key) ?? new Set<string>();
    for (const ui of g.units) set.add((units[ui] as UnitInfo).unit.docId);
    phraseDocs.set(key, set);
  }
});
const keyPhrases = new Map<string, { text: string; docs: number }>();
for (const [key, c] of phraseCandidates) {
  const n = phraseDocs.get(key)?.size ?? 0;
  if (n >= 2 || c.person) keyPhrases.set(key, { text: c.text, docs: n });
}
groups.forEach((g, gi) => {
  const mine = (groupPhrases[gi] as string[]).filter((k) => keyPhrases.has(k));
  for (const ui of g.units) (units[ui] as UnitInfo).keyPhrases = mine;
});
  return { keyPhrases, groupPhrases };
}

function resolveSpeaker(
  phrase: string,
  at: number,
  text: string,
  persons: Array<{ pos: number; key: string }>,
  roleMap: Map<string, Map<string, number>>,
  names: Map<string, NameInfo>,
  canonical: (k: string) => string,
  displayOf: (k: string) => string,
): Speaker | null {
  const cleaned = phrase.replace(/\s+(?:also|further|then|again)$/i, '').trim();
  // A person named in the phrase.
  const words = foldPhrase(cleaned).split(' ');
  let best: string | null = null;
  // The longest run of words that is a person's name.
  for (let len = Math.min(4, words.length); len >= 1 && !best; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const key = words.slice(i, i + len).join(' ');
      if (names.get(key)?.cls === 'person') {
        best = key;
        break;
      }
    }
  }
  if (!best) {
    for (const w of words) {
      const c = canonical(w);
      if (c !== w && names.get(c)?.cls === 'person') best = c;
    }
  }
  if (best) return { kind: 'person', name: displayOf(best) };
  // A pronoun: the person last named before it.
  if (PRONOUN_SPEAKER.test(cleaned)) {
    const before = persons.filter((p) => p.pos < at).at(-1);
    return before ? { kind: 'person', name: displayOf(before.key) } : null;
  }
  // An office ("the Secretary-General"): whoever holds it in this library.
  const role = roleKey(cleaned);
  if (role) {
    let holder: string | null = null;
    let count = 0;
    for (const [r, people] of roleMap) {
      if (!(` ${r} `.includes(` ${role} `) || ` ${role} `.includes(` ${r} `))) continue;
      for (const [k, c] of people) {
        if (c > count) {
          holder = k;
          count = c;
        }
      }
    }
    if (holder) return { kind: 'person', name: displayOf(holder) };
  }
  void text;
  if (GROUP_SPEAKER.test(cleaned)) return { kind: 'group', name: cleaned.replace(/^the\s+/i, 'the ').replace(/\s+(?:issued|adopted|published)\b.*$/i, '') };
  return null;
}
