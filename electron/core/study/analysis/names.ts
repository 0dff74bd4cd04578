import { MULTIWORD_PLACES, ROLE_WORDS, type NameMention } from '../entities.js';
import { lexiconTags } from '../nlp.js';
import { fold, foldPhrase } from '../text.js';
import type { Group, NameClass, NameInfo, NameTable, UnitInfo } from './types.js';

// Phase: names. What kind of thing each name is (person, place, organisation, designator),
// voted over every mention in the library; surnames resolved to the person named in full;
// each unit's mentions with canonical keys; who holds which office.

interface NameVotes {
  display: Map<string, number>;
  person: number;
  place: number;
  org: number;
  designator: number;
  reject: number;
  units: Set<number>;
  docs: Set<string>;
  tokens: number;
}

const PLACE_HEADS = new Set(['sea', 'ocean', 'river', 'mountains', 'balkans', 'region', 'peninsula', 'strait', 'gulf', 'bay', 'island', 'islands', 'coast', 'valley', 'republic', 'kingdom', 'oblast', 'province', 'city']);
const ORG_HEADS = new Set(
  'summit package policy concept charter declaration treaty agreement plan strategy initiative programme program conference council alliance union department ministry organization organisation congress parliament commission group forces army navy agency bank fund court office assembly committee institute university party government'.split(' '),
);
const PLACE_BEFORE = new Set(['in', 'near', 'from', 'to', 'across', 'throughout', 'into', 'towards', 'toward', 'visit', 'visited', 'capital']);

/** Names of the library from every group's mentions; sets each content unit's mentions. */
export function classifyNames(groups: Group[], units: UnitInfo[], content: UnitInfo[]): NameTable {
// C. What kind of thing each name is, voted over every mention in the library, from
// compromise's lexicon and the words around it (tagging every sentence would cost more
// than everything else together).
const votes = new Map<string, NameVotes>();
for (const g of groups) {
  for (const m of g.names) {
    const key = nameKey(m.text);
    if (!key) continue;
    let v = votes.get(key);
    if (!v) {
      v = { display: new Map(), person: 0, place: 0, org: 0, designator: 0, reject: 0, units: new Set(), docs: new Set(), tokens: key.split(' ').length };
      votes.set(key, v);
    }
    const display = m.text.replace(/^the\s+/i, '');
    v.display.set(display, (v.display.get(display) ?? 0) + g.units.length);
    for (const ui of g.units) {
      v.units.add(ui);
      v.docs.add((units[ui] as UnitInfo).unit.docId);
    }
    vote(v, m, g.units.length, g.text);
  }
}
const names = new Map<string, NameInfo>();
for (const [key, v] of votes) {
  const display = [...v.display.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? key;
  names.set(key, { key, display, cls: classify(v, key), unitCount: v.units.size, docCount: v.docs.size });
}
// "Dmytro Kuleba" is a person when "Foreign Minister Kuleba" is.
for (const n of names.values()) {
  const parts = n.key.split(' ');
  if (n.cls === 'name' && parts.length >= 2 && parts.length <= 3 && names.get(parts.at(-1) as string)?.cls === 'person') n.cls = 'person';
}
// A surname on its own is the person named in full elsewhere ("Stoltenberg" -> "Jens Stoltenberg").
const alias = new Map<string, string>();
const surnames = new Map<string, string[]>();
for (const n of names.values()) {
  if (n.cls !== 'person') continue;
  const parts = n.key.split(' ');
  if (parts.length >= 2) {
    const last = parts.at(-1) as string;
    surnames.set(last, [...(surnames.get(last) ?? []), n.key]);
  }
}
for (const [last, full] of surnames) {
  if (full.length !== 1) continue;
  const fullKey = full[0] as string;
  alias.set(last, fullKey);
  const single = names.get(last);
  const fullInfo = names.get(fullKey) as NameInfo;
  if (single) {
    fullInfo.unitCount += single.unitCount;
    fullInfo.docCount = Math.max(fullInfo.docCount, single.docCount);
    single.cls = 'person';
  }
}
const canonical = (key: string): string => alias.get(key) ?? key;
const displayOf = (key: string): string => names.get(canonical(key))?.display ?? key;

// Per-unit mentions with canonical keys.
for (const u of content) {
  const g = groups[u.group] as Group;
  u.mentions = g.names.flatMap((m) => {
    const key = nameKey(m.text);
    const info = names.get(key);
    if (!key || !info) return [];
    return [{ key: canonical(key), cls: info.cls, start: m.start, end: m.end }];
  });
}
  return { names, canonical, displayOf };
}

export function nameKey(text: string): string {
  const undotted = text.replace(/\b(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  return foldPhrase(undotted.replace(/^the\s+/i, '')).replace(/^the\s+/, '');
}

function vote(v: NameVotes, m: NameMention, weight: number, text: string): void {
  const words = m.text.split(/\s+/);
  const tags = new Set<string>();
  if (MULTIWORD_PLACES.includes(m.text)) v.place += 5 * weight;
  if (words.length === 1) for (const t of lexiconTags(fold(m.text))) tags.add(t);
  else {
    // "Jens Stoltenberg": a known first name; "Republic of Moldova": a known country in it.
    const first = lexiconTags(fold(words[0] as string));
    if (first.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) tags.add('Person');
    if (words.some((w) => lexiconTags(fold(w)).some((t) => t === 'Country' || t === 'City'))) tags.add('Place');
  }
  const last = fold(words.at(-1) ?? '');
  const acronymOnly = /^(?:\p{Lu}{2,}|(?:\p{Lu}\.)+\p{Lu}\.?)$/u.test(m.text);
  if (/\p{Lu}{2,}\s\d+|\p{Lu}[\p{L}]{0,3}-\d/u.test(m.text)) v.designator += 3 * weight;
  if (m.role && !acronymOnly) v.person += 3 * weight;
  if (tags.has('Person') || tags.has('FirstName') || tags.has('LastName') || tags.has('MaleName') || tags.has('FemaleName')) v.person += 2 * weight;
  if (tags.has('Place') || tags.has('Country') || tags.has('City') || tags.has('Region')) v.place += 2 * weight;
  if (tags.has('Organization') || tags.has('Company') || tags.has('SportsTeam')) v.org += 2 * weight;
  if (acronymOnly) v.org += 1 * weight;
  if (words.length === 1 && (tags.has('Demonym') || (/(?:ian|ians|ean|eans|ese|ish)$/i.test(m.text) && !tags.has('Place')))) v.reject += 5 * weight;
  if (words.length === 1 && /^\p{Lu}[\p{Ll}]+-\p{Ll}/u.test(m.text)) v.reject += 5 * weight; // Soviet-era, Russia-endangered
  // "Euro-Atlantic aspirations": a hyphenated capitalised word before a noun is an adjective.
  if (words.length === 1 && m.text.includes('-') && !/\d/.test(m.text) && /^ \p{Ll}/u.test(text.slice(m.end, m.end + 2))) v.reject += 4 * weight;
  if (m.before && ROLE_WORDS.has(m.before) && !acronymOnly) v.person += 3 * weight; // "their counterpart Dmytro Kuleba"
  if (/^(?:NOK|EUR|USD|GBP|SEK|DKK|CHF|UAH|RUB)$/.test(m.text)) v.reject += 5 * weight;
  if (tags.has('Adjective') && !tags.has('ProperNoun') && !tags.has('Place')) v.reject += 2 * weight;
  if (PLACE_HEADS.has(last) && words.length > 1) v.place += 3 * weight;
  if (words.length > 1 && (ORG_HEADS.has(last) || words.slice(0, -1).some((w) => ORG_HEADS.has(fold(w))))) v.org += 3 * weight;
  if (m.before && PLACE_BEFORE.has(m.before) && !acronymOnly) v.place += 1 * weight;
  if (ROLE_WORDS.has(fold(words[0] ?? ''))) v.reject += 1 * weight;
}

function classify(v: NameVotes, key: string): NameClass {
  const scores: Array<[NameClass, number]> = [
    ['reject', v.reject],
    ['designator', v.designator],
    ['person', v.person],
    ['place', v.place],
    ['org', v.org],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best, score] = scores[0] as [NameClass, number];
  if (score > 0) return best;
  // Unknown kind: a name seen once, in one word, may be a typo or a stray capital; keep
  // only names the library repeats or that have several words.
  if (v.units.size >= 2 || key.includes(' ')) return 'name';
  return 'reject';
}

export function buildRoleMap(groups: Group[], canonical: (k: string) => string, names: Map<string, NameInfo>): Map<string, Map<string, number>> {
  // role words (folded, without "of"/org names) -> person key -> count
  const map = new Map<string, Map<string, number>>();
  for (const g of groups) {
    for (const m of g.names) {
      if (!m.role) continue;
      const key = canonical(nameKey(m.text));
      if (names.get(key)?.cls !== 'person') continue;
      const role = roleKey(m.role);
      if (!role) continue;
      const inner = map.get(role) ?? new Map<string, number>();
      inner.set(key, (inner.get(key) ?? 0) + g.units.length);
      map.set(role, inner);
    }
  }
  return map;
}

export function roleKey(role: string): string {
  return fold(role)
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((w) => ROLE_WORDS.has(w) && w !== 'of')
    .join(' ');
}
