import type { UnitInfo } from '../analysis.js';

// Phase 1: candidate key statements. A sentence is a candidate when it states something a
// reader would be asked about in a seminar (a claim, commitment, warning, demand, decision or
// characterisation); it ranks higher when several sources carry it, when it is attributed to a
// speaker, and when it is built on a quoted or coined phrase.

export type StatementKind = 'commitment' | 'warning' | 'demand' | 'decision' | 'claim' | 'characterisation';

const KIND_PATTERNS: Array<[StatementKind, RegExp]> = [
  ['commitment', /\b(?:will (?:never|not|continue|always|maintain|help|provide|support|stand|do|step|strengthen|respond|protect|defend|work)|pledg(?:e|ed|es)|promis(?:e|ed|es)|vow(?:s|ed)?|commit(?:s|ted|ment)|remain(?:s)? (?:committed|steadfast|determined|united)|reaffirm(?:s|ed)?|stand (?:with|in solidarity)|as long as (?:it takes|necessary))\b/i],
  ['warning', /\b(?:warn(?:s|ed|ing)?|threat(?:s|ens|ened)?|danger(?:ous)?|risk(?:s|y)?|could (?:lead|cause|face|trigger)|fear(?:s|ed)?|concern(?:s|ed)?|vulnerab\w+|crisis|depriv\w+|endanger\w*|undermine\w*|devastat\w+)\b/i],
  ['demand', /\b(?:must|should|need(?:s)? to|call(?:s|ed)? (?:on|for)|urg(?:e|es|ed)|demand(?:s|ed)?|insist(?:s|ed)?|ask(?:s|ed)? (?:for|to)|held accountable|it is time to)\b/i],
  ['decision', /\b(?:decid(?:e|ed|es)|agree(?:d|s)?|adopt(?:ed|s)?|approv(?:e|ed|es)|announc(?:e|ed|es)|allocat(?:e|ed|es|ion)|sign(?:ed|s)|vot(?:e|ed|es) (?:to|for|against)|rul(?:ed|es) (?:that|against)|sentenc(?:ed|e)|pleaded guilty|convicted|charged|launch(?:ed|es)|introduc(?:ed|es)|appoint(?:ed|s)|fired|resign(?:ed|s)|ban(?:s|ned)?|impos(?:e|ed|es)|set to|plans? to|will (?:meet|join|hold|discuss|address|raise|cut|send|deliver|supply|buy|sell|open|close)|confirm(?:s|ed)?|welcom(?:e|es|ed)|condemn(?:s|ed)?|recogni[sz](?:e|es|ed)|reject(?:s|ed)?|accept(?:s|ed)?|rais(?:e|ed|es|ing)|acquir(?:e|ed|es)|merg(?:e|ed|er)|won|win(?:s)?|defeat(?:ed|s)?|beat|kill(?:ed|s)?|arrest(?:ed)?|consider(?:s|ing|ed)?|re-examin\w+|discuss(?:es|ing|ed)? (?:the )?(?:possibility|idea|plan)|review(?:s|ing|ed)?)\b/i],
  ['characterisation', /\b(?:illegal|unacceptable|brutal|barbaric|cruel|reckless|heroic|historic|record(?:-breaking)?|unprecedented|largest|biggest|first|only|strategic importance|key|critical|significant|symbolic|flagrant|defensive alliance|full responsibility|importance|landmark|controversial|not (?:a )?part(?:y)? (?:of|to)|defensive)\b/i],
  ['claim', /\b(?:said|says|say|stat(?:e|ed|es)|argu(?:e|ed|es)|claim(?:s|ed)?|believ(?:e|ed|es)|accus(?:e|ed|es)|den(?:y|ied|ies)|insist(?:s|ed)?|found (?:that)?|show(?:s|ed|n)? that|suggest(?:s|ed)?|according to|know that|will|would|learned|lesson|estimat(?:e|ed|es)|report(?:s|ed)? that|expect(?:s|ed)?|predict(?:s|ed)?|is (?:not|the|a|an)\b)\b/i],
];

/** What kind of statement a sentence makes, or null for a sentence that states nothing much. */
export function statementKind(text: string): StatementKind | null {
  for (const [kind, re] of KIND_PATTERNS) if (re.test(text)) return kind;
  return null;
}

const KIND_WEIGHT: Record<StatementKind, number> = {
  commitment: 2,
  demand: 1.8,
  warning: 1.6,
  decision: 1.8,
  characterisation: 1.2,
  claim: 1,
};

export interface Candidate {
  unit: UnitInfo;
  kind: StatementKind | null;
  score: number;
  reasons: string[];
}

export interface CandidateContext {
  /** How many documents carry the sentence's statement (1 = only this one). */
  carriedBy(u: UnitInfo): number;
}

/** Words of a usable prompt sentence: long enough to say something, short enough to read. */
export const MIN_WORDS = 5;
export const MAX_WORDS = 90;

/** Score a unit as a key statement, with reasons. Boilerplate and fragments are never candidates. */
export function scoreCandidate(u: UnitInfo, ctx: CandidateContext): Candidate | null {
  if (u.unit.boilerplate) return null;
  const words = u.tokens.length;
  if (words < MIN_WORDS || words > MAX_WORDS) return null;
  const kind = statementKind(u.unit.text);
  const reasons: string[] = [];
  let score = kind ? KIND_WEIGHT[kind] : 0;
  if (kind) reasons.push(`a ${kind}`);
  const carried = ctx.carriedBy(u);
  if (carried >= 2) {
    score += 1.5 * Math.min(4, carried - 1);
    reasons.push(`carried by ${carried} sources`);
  }
  const person = u.speakers.find((s) => s.kind === 'person');
  if (u.quoteCover > 0.2 && person) {
    score += 1.2;
    reasons.push(`quotes ${person.name}`);
  } else if (u.quoteCover > 0.2 && u.speakers.length) {
    score += 0.8;
    reasons.push(`quotes ${u.speakers[0]?.name ?? 'a source'}`);
  }
  if (u.keyPhrases.length) {
    score += 1.5;
    reasons.push('built on a quoted phrase');
  } else if (hasCoinedPhrase(u.unit.text)) {
    score += 1;
    reasons.push('built on a quoted phrase');
  }
  if (u.unit.keyListItem) {
    score += 1.5;
    reasons.push('listed among the key points');
  }
  if (u.headline) {
    score += 1.2;
    reasons.push('echoes a headline');
  }
  if (u.highlights > 0) {
    score += 3;
    reasons.push('you highlighted it');
  }
  if (u.unit.ordinal === 0) {
    score += 1;
    reasons.push('opens the report');
  } else if (u.unit.ordinal <= 3) score += 0.5;
  if (/\p{Sc}\s?\d|\d\s?(?:million|billion|bn|m)\b/u.test(u.unit.text)) {
    score += 0.8;
    reasons.push('gives an amount');
  }
  if (words > 50) score -= 0.5;
  return { unit: u, kind, score: Math.round(score * 100) / 100, reasons };
}

/** A short quoted phrase set inside a longer sentence ("as long as it takes"). */
export function hasCoinedPhrase(text: string): boolean {
  for (const m of text.matchAll(/[“"‘]([^”"’]{2,60})[”"’]/gu)) {
    const inner = (m[1] as string).trim().split(/\s+/).length;
    if (inner >= 1 && inner <= 6 && (m[0].length as number) < 0.6 * text.length) return true;
  }
  return false;
}
