import { tagTerms } from '../nlp.js';
import { tokenize } from '../text.js';
import { statementKind } from './candidates.js';
import { followsPatternObject } from './blanks.js';
import {
  BLANK,
  blanksWholeWords,
  isOutlet,
  isWireService,
  MAX_PROMPT_CHARS,
  notAfterInitial,
  notDatelineOrByline,
  notEnumerationMember,
  notGivenAway,
  notLongQuotation,
  notPartOfAbbreviation,
  notPartOfLongerName,
  notPossessive,
} from './hygiene.js';

// The automatic card checker of the quality bench and tests: is a card well-formed (the
// hygiene rules, checked on the card as stored, not on the generator's intermediate data), and
// is it useful (it asks for a key phrase of a key statement)?
//
// Useful, measurably: the card's sentence makes a statement (statementKind: a claim,
// commitment, warning, demand, decision or characterisation), and the blank is either a quoted
// phrase, or a phrase holding a common noun, verb or adjective (compromise's tags: the words
// that carry a claim), or a bare name / number / date that the statement is about: a figure in
// a decision or commitment, or a name or figure right after the statement's verb (its object).

export interface CardLike {
  kind: string;
  prompt: string;
  answer: string;
  passage: string;
  options?: readonly string[];
  answers?: readonly string[];
}

export interface CardVerdict {
  wellFormed: boolean;
  useful: boolean;
  problem: string | null;
}

/** Where the card's blank sits in its passage ([start, end)), or null when the prompt does not match it. */
export function locateBlank(c: CardLike): { start: number; end: number } | null {
  // "Jens Stoltenberg: “…”": the speaker in front is the question's, not the passage's.
  const prompt = c.passage.startsWith(c.prompt.slice(0, 12)) ? c.prompt : c.prompt.replace(/^[^:“"]{2,60}:\s/u, '');
  const at = prompt.indexOf(BLANK);
  if (at < 0) return null;
  const left = prompt.slice(0, at).replace(/^.*…/su, '').slice(-25);
  const right = prompt.slice(at + BLANK.length).replace(/….*$/su, '').slice(0, 25);
  for (let p = c.passage.indexOf(c.answer); p >= 0; p = c.passage.indexOf(c.answer, p + 1)) {
    const before = c.passage.slice(0, p);
    const after = c.passage.slice(p + c.answer.length);
    if (before.endsWith(left) && after.startsWith(right)) return { start: p, end: p + c.answer.length };
  }
  return null;
}

function wellFormedCloze(c: CardLike, outlets: readonly string[]): string | null {
  const blanks = c.prompt.split(BLANK).length - 1;
  if (blanks !== 1) return `${blanks} blanks`;
  if (c.prompt.length > MAX_PROMPT_CHARS + 40) return 'prompt over 300 characters';
  const loc = locateBlank(c);
  if (!loc) return 'prompt does not match the passage';
  const t = c.passage;
  const { start, end } = loc;
  if (!blanksWholeWords(t, start, end)) return 'blank cuts a word';
  if (!notAfterInitial(t, start, end)) return 'blank cuts a name at an initial';
  if (!notPartOfAbbreviation(t, start, end)) return 'blank cuts an abbreviation';
  if (!notPossessive(t, start, end)) return 'blank is a possessive';
  if (!notPartOfLongerName(t, start, end)) return 'blank is part of a longer name';
  if (!notEnumerationMember(t, start, end)) return 'blank is one member of a list';
  if (!notLongQuotation(t, start, end)) return 'a whole quotation to recite';
  if (isWireService(c.answer) || isOutlet(c.answer, outlets)) return 'answer is an outlet or wire service';
  if (!notDatelineOrByline(t, start, end)) return 'answer is a dateline or byline';
  if (!notGivenAway(c.prompt, c.answer)) return 'answer given away by the prompt';
  const promptWithoutPrefix = c.prompt.replace(/^[^“"]*?:\s(?=[“"]?\p{Lu}|…)/u, '');
  const context = tokenize(promptWithoutPrefix.replace(BLANK, ' ')).length;
  if (context < (promptWithoutPrefix.includes('…') && !c.passage.includes('…') ? 6 : 3)) return 'too little context';
  return null;
}

function wellFormed(c: CardLike, outlets: readonly string[]): string | null {
  if (!c.prompt.trim() || !c.answer.trim()) return 'empty prompt or answer';
  if (/[.,;:!?]$/u.test(c.answer) && !/(?:^|\s)(?:\p{Lu}\.)+$/u.test(c.answer)) return 'answer ends in punctuation';
  if (c.kind === 'cloze' || c.kind === 'highlight') return wellFormedCloze(c, outlets);
  if (c.prompt.length > MAX_PROMPT_CHARS + 120) return 'prompt too long';
  if (c.kind === 'who-said') {
    if (c.options && c.options.length && !(c.options.length >= 3 && c.options.length <= 4 && c.options.includes(c.answer))) return 'who-said needs 3-4 options with the answer';
    if (isWireService(c.answer) || isOutlet(c.answer, outlets)) return 'answer is an outlet or wire service';
  }
  if (c.kind === 'which-sources') {
    if (!c.options || c.options.length < 3) return 'which-sources needs 3+ options';
    if (!c.answers?.length || !c.answers.every((a) => c.options?.includes(a))) return 'answers not among the options';
    if (c.options.some((o) => o.length > 60)) return 'source label too long';
  }
  if (c.kind === 'disagreement' && !c.prompt.includes(BLANK)) return 'disagreement without a blank';
  return null;
}

const CARRIER_BEFORE = /\b(?:\p{L}+(?:ed|es|s)?|will \p{L}+|to \p{L}+)\s+(?:the\s+|an?\s+|its\s+|their\s+)?$/u;

function usefulBlank(c: CardLike, loc: { start: number; end: number }): boolean {
  const t = c.passage;
  const { start, end } = loc;
  // A quoted or coined phrase.
  const before = t.slice(0, start);
  const opens = (before.match(/[“"]/gu) ?? []).length - (before.match(/”/gu) ?? []).length;
  if (/[“"]\s*$/u.test(before) || (opens > 0 && /[”"]/u.test(t.slice(end)))) return true;
  const terms = tagTerms(t).filter((x) => x.start >= start && x.end <= end);
  const carrying = terms.some(
    (x) => /^\p{Ll}/u.test(x.text) && (x.tags.has('Noun') || x.tags.has('Verb') || x.tags.has('Adjective')) && !x.tags.has('Pronoun') && !x.tags.has('Date') && !x.tags.has('Value') && x.text.length > 2,
  );
  if (carrying) return true;
  const kind = statementKind(t);
  const figure = /\d/.test(c.answer);
  if (figure && /[\p{Sc}%]|million|billion|\bbn\b|per ?cent|percent/iu.test(c.answer) && (kind === 'decision' || kind === 'commitment')) return true;
  // A name or figure the statement's verb is about: right after the verb.
  const head = t.slice(Math.max(0, start - 40), start);
  const prev = tagTerms(head).filter((x) => !/^(?:the|a|an|its|their)$/i.test(x.text)).at(-1);
  if (followsPatternObject(t, start)) return true;
  if (prev && prev.tags.has('Verb') && !prev.tags.has('Auxiliary') && !/^(?:is|was|are|were|be|said|says)$/i.test(prev.text) && CARRIER_BEFORE.test(head)) return true;
  return false;
}

/** The verdict on one card. outlets: the outlets and sites the library knows. */
export function checkCard(c: CardLike, outlets: readonly string[] = []): CardVerdict {
  const problem = wellFormed(c, outlets);
  if (problem) return { wellFormed: false, useful: false, problem };
  const kind = statementKind(c.passage);
  if (!kind) return { wellFormed: true, useful: false, problem: 'not a key statement' };
  if (c.kind === 'cloze' || c.kind === 'highlight') {
    const loc = locateBlank(c) as { start: number; end: number };
    return usefulBlank(c, loc) ? { wellFormed: true, useful: true, problem: null } : { wellFormed: true, useful: false, problem: 'blank is a side detail' };
  }
  return { wellFormed: true, useful: true, problem: null };
}
