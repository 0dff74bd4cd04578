import type { HighlightRecord } from '../../annotate/index.js';
import type { SpanType } from '../entities.js';
import { contentWords } from '../text.js';
import type { AnswerSpan, DocInfo, NameInfo, Speaker, UnitInfo } from './types.js';
import { sourceLabel as labelOf } from '../sourceLabel.js';

// Phase: scoring. How much each unit is worth a card, with the reasons: sources that carry
// it, quotations, key phrases, figures, names, the reader's highlights, headlines. Also the
// short labels of sources.

/** Counts the reader's highlights on each unit. */
export function markHighlights(highlights: HighlightRecord[], docById: Map<string, DocInfo>): void {
for (const h of highlights) {
  if (h.orphan) continue;
  const d = docById.get(h.docId);
  if (!d) continue;
  for (const u of d.units) if (u.unit.start < h.end && h.start < u.unit.end) u.highlights++;
}
}

/**
 * Headlines say what matters: a sentence that restates a title (any document's).
 * Each title is looked for only among the sentences holding its rarest word.
 */
export function markHeadlines(docs: DocInfo[], content: UnitInfo[], bags: Array<Set<string>>, postings: Map<string, number[]>): void {
// Headlines say what matters: a sentence that restates a title (any document's).
// Each title is looked for only among the sentences holding its rarest word.
const headlineGroups = new Set<number>();
for (const d of docs) {
  const title = [...new Set(contentWords(d.title))];
  if (title.length < 3) continue;
  const anchor = title.reduce((best, w) => ((postings.get(w)?.length ?? 0) < (postings.get(best)?.length ?? 0) ? w : best), title[0] as string);
  for (const gi of postings.get(anchor) ?? []) {
    if (headlineGroups.has(gi)) continue;
    const bag = bags[gi] as Set<string>;
    let inter = 0;
    for (const w of title) if (bag.has(w)) inter++;
    if (inter / title.length >= 0.75) headlineGroups.add(gi);
  }
}
for (const u of content) u.headline = headlineGroups.has(u.group);
}

const DECISION_RE =
  /\b(?:will|decided|agreed|announced|announce|reaffirm(?:ed|s)?|condemn(?:ed|s)?|allocat(?:e|ed|es|ion)|pledged?|commit(?:ted|s|ment)?|approved?|adopted?|confirm(?:ed|s)?|welcome[sd]?|recogni[sz]e|support(?:ed|s)?|provide[sd]?|supply(?:ing)?|deliver(?:ed|ing)?)\b/i;

export interface ScoreContext {
  names: Map<string, NameInfo>;
  keyPhrases: Map<string, { text: string; docs: number }>;
  isUbiquitous(key: string): boolean;
  displayOf(key: string): string;
  docs: number;
}

export function scoreUnit(u: UnitInfo, ctx: ScoreContext): void {
  if (u.unit.boilerplate) {
    u.score = 0;
    u.reasons = [`not key: ${u.unit.boilerplate}`];
    return;
  }
  let score = 0;
  const reasons: string[] = [];
  const k = u.sourceDocs.length;
  if (k >= 2) {
    score += 1.2 * (k - 1);
    reasons.push(`carried by ${k} sources`);
  }
  const person = u.speakers.find((s) => s.kind === 'person');
  if (person && u.quoteCover > 0.3) {
    score += 1.5;
    reasons.push(`quotes ${person.name}`);
  } else if (u.speakers.length && u.quoteCover > 0.3) {
    score += 0.6;
    reasons.push(`quotes ${(u.speakers[0] as Speaker).name}`);
  } else if (u.quoteCover > 0.5) {
    score += 0.3;
    reasons.push('a quotation');
  }
  for (const p of u.keyPhrases.slice(0, 2)) {
    score += 1.5;
    reasons.push(`key phrase “${ctx.keyPhrases.get(p)?.text ?? p}”`);
  }
  const byType = (t: SpanType): AnswerSpan[] => u.spans.filter((s) => s.type === t);
  const money = byType('money');
  if (money.length) {
    score += 2.5 * Math.min(2, money.length);
    reasons.push(`money: ${money.map((s) => s.text).join(', ')}`);
  }
  const numbers = [...byType('number'), ...byType('designator')];
  if (numbers.length) {
    score += 1.8 * Math.min(2, numbers.length);
    reasons.push(`figures: ${numbers.map((s) => s.text).join(', ')}`);
  }
  const dates = [...byType('date'), ...byType('year')];
  if (dates.length) {
    score += 1.5 * Math.min(2, dates.length);
    reasons.push(`dates: ${dates.map((s) => s.text).join(', ')}`);
  }
  const people = [...new Set(u.mentions.filter((m) => m.cls === 'person').map((m) => m.key))];
  if (people.length) {
    score += 1.2 * Math.min(2, people.length);
    reasons.push(`names ${people.map((p) => ctx.displayOf(p)).join(', ')}`);
  }
  const things = [...new Set(u.mentions.filter((m) => m.cls === 'place' || m.cls === 'org' || m.cls === 'name').map((m) => m.key))].filter((key) => !ctx.isUbiquitous(key));
  if (things.length) {
    score += 0.6 * Math.min(3, things.length);
    reasons.push(`mentions ${things.map((p) => ctx.displayOf(p)).join(', ')}`);
  }
  if (u.unit.ordinal === 0) {
    score += 1;
    reasons.push('opens the report');
  } else if (u.unit.ordinal <= 2) score += 0.4;
  if (DECISION_RE.test(u.unit.text)) {
    score += 0.5;
    reasons.push('states a decision or commitment');
  }
  if (u.unit.keyListItem) {
    score += 2;
    reasons.push('listed among the key points');
  } else if (u.unit.listItem) score += 0.3;
  if (u.headline) {
    score += 1.5;
    reasons.push('echoes a headline');
  }
  if (u.highlights > 0) {
    score += 3;
    reasons.push('you highlighted it');
  }
  const words = u.tokens.length;
  if (words < 6) score -= 1.5;
  else if (words > 60) score -= 1;
  u.score = Math.round(score * 100) / 100;
  u.reasons = reasons;
}

// Sources.

export function sourceLabel(d: { outlet: string | null; title: string }): string {
  return labelOf(d);
}

export function disambiguateLabels(docs: DocInfo[]): void {
  const seen = new Map<string, DocInfo[]>();
  for (const d of docs) seen.set(d.label, [...(seen.get(d.label) ?? []), d]);
  for (const [label, list] of seen) {
    if (list.length < 2) continue;
    for (const d of list) {
      const words = d.title.split(/\s+/);
      const short = words.length <= 7 ? d.title : `${words.slice(0, 7).join(' ')}…`;
      d.label = d.outlet ? `${label}: ${short}` : `${short} (${d.id.slice(0, 6)})`;
    }
  }
}

