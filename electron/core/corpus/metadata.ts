import { findDates, isDateLine, leadingDate } from './dates.js';
import { isAllCaps, isHeadingLike, isMetaLine } from './lines.js';
import { segment } from './segment.js';

// Words: letters and digits, with inner apostrophes, hyphens and number separators kept
// inside the word ("Russia’s", "long-term", "2.5", "1,000" are one word each). A character
// loop rather than a Unicode regex: it runs on every document ingested.
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && isWordChar(text, i - 1);
  return WORD_CHAR.test(text[i]!);
}

function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 45 || c === 0x2010;
}

export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text, i)) {
      if (!inWord) n++;
      inWord = true;
    } else if (!(inWord && isJoiner(text.charCodeAt(i)) && i + 1 < text.length && isWordChar(text, i + 1))) {
      inWord = false;
    }
  }
  return n;
}

const MAX_TITLE = 120;
const TITLE_SCAN_CHARS = 2000;

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1).replace(/[\s,;:–—-]+\S*$/u, '');
  return `${cut}…`;
}

/**
 * A readable title for a document that has none: the headline of its header (a heading
 * before the first paragraph, preferring one in ordinary case to an upper-case banner),
 * else the opening sentence of the text, else `fallback`.
 */
export function deriveTitle(text: string, fallback: string): string {
  // The title is in the first lines: segment only those.
  const cut = text.indexOf('\n', TITLE_SCAN_CHARS);
  const head = cut < 0 ? text : text.slice(0, cut);
  const { passages, sentences } = segment(head);
  const headings: string[] = [];
  for (const p of passages) {
    if (p.kind === 'paragraph' || p.kind === 'list-item') break;
    if (p.kind === 'heading') headings.push(head.slice(p.start, p.end).replace(/^#{1,6}\s+/, ''));
  }
  const headline = headings.find((h) => !isAllCaps(h) && h.includes(' ')) ?? headings[0];
  if (headline) return clip(headline, MAX_TITLE);
  const firstText = sentences.find((s) => passages[s.passageIndex]?.kind !== 'heading');
  if (firstText) return clip(head.slice(firstText.start, firstText.end), MAX_TITLE);
  return fallback;
}

const TOP_CHARS = 1500;
const TOP_LINES = 12;

/**
 * The publication date the text gives near its top, as YYYY-MM-DD: a line that is only a
 * date ("November 30,2022 330"), or one that opens with a labelled date ("date 2022-11-29 ...",
 * "Published: 30 November 2022"). A date inside a sentence is an event, not the publication.
 */
export function extractPublished(text: string): string | null {
  const lines = text.slice(0, TOP_CHARS).split('\n').map((l) => l.trim()).filter((l) => l.length > 0).slice(0, TOP_LINES);
  for (const line of lines) {
    const alone = isDateLine(line);
    if (alone) return alone.iso;
    const lead = leadingDate(line);
    if (lead && (lead.labelled || isDatelineOpening(line, lead.prefixEnd))) return lead.iso;
  }
  return null;
}

// "30 November 2022 — NATO foreign ministers ..." or "November 30, 2022 | Politics".
function isDatelineOpening(line: string, prefixEnd: number): boolean {
  return /^\s*(?:[—–|·•]|-\s)/u.test(line.slice(prefixEnd)) && findDates(line).length >= 1;
}

// Frequent short words that tell languages apart cheaply.
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'it', 'was', 'on', 'as', 'are', 'this', 'by', 'will', 'have', 'from', 'not'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'auf', 'sich', 'ein', 'eine', 'für', 'dem', 'des', 'auch', 'wird', 'von', 'zu', 'im'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'un', 'du', 'que', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'avec', 'sont', 'aux', 'il'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'es', 'en', 'por', 'una', 'un', 'con', 'para', 'se', 'su', 'al', 'como', 'más', 'pero'],
  it: ['il', 'la', 'che', 'di', 'e', 'è', 'per', 'una', 'un', 'del', 'della', 'non', 'sono', 'con', 'gli', 'le', 'si', 'da', 'nel', 'anche'],
  pt: ['o', 'a', 'os', 'as', 'e', 'que', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'dos', 'das', 'se', 'mais', 'ao'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'niet', 'met', 'zijn', 'voor', 'die', 'ook', 'aan', 'er', 'wordt', 'bij', 'naar'],
  ro: ['și', 'de', 'la', 'în', 'că', 'cu', 'pe', 'nu', 'din', 'un', 'o', 'este', 'pentru', 'care', 'sunt', 'mai', 'al', 'ale', 'lui', 'fost'],
  pl: ['i', 'w', 'nie', 'na', 'się', 'z', 'że', 'do', 'jest', 'to', 'jak', 'ale', 'po', 'od', 'za', 'są', 'oraz', 'przez', 'dla', 'czy'],
  sv: ['och', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'inte', 'om', 'ett', 'var', 'men', 'de', 'vi'],
  uk: ['і', 'та', 'що', 'не', 'на', 'з', 'до', 'це', 'як', 'від', 'але', 'його', 'для', 'було', 'він', 'вона', 'які', 'також', 'щоб', 'є'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'к', 'но', 'его', 'для', 'от', 'было', 'он', 'она', 'также', 'чтобы', 'из'],
};
const STOP_INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) STOP_INDEX.set(w, [...(STOP_INDEX.get(w) ?? []), lang]);
}

const SAMPLE_CHARS = 2000;
const MIN_HITS = 5;

// Scripts that name their language outright (Unicode blocks).
const SCRIPTS: Array<[number, number, string]> = [
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0600, 0x06ff, 'ar'],
  [0x0590, 0x05ff, 'he'],
  [0x0370, 0x03ff, 'el'],
  [0x0400, 0x04ff, 'cyrillic'],
];

/** A BCP 47 primary language tag for the text; 'en' when unsure. */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS).toLowerCase();
  const byScript = new Map<string, number>();
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) letters++;
      continue;
    }
    letters++;
    for (const [lo, hi, name] of SCRIPTS) {
      if (c >= lo && c <= hi) {
        byScript.set(name, (byScript.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  if (letters === 0) return 'en';
  // Kana mixed with kanji is Japanese: test it before Chinese.
  for (const [, , name] of SCRIPTS) {
    if ((byScript.get(name) ?? 0) / letters <= 0.3 && !(name === 'ja' && (byScript.get('ja') ?? 0) / letters > 0.05)) continue;
    if (name !== 'cyrillic') return name;
    const uk = (sample.match(/[іїєґ]/gu) ?? []).length;
    const ru = (sample.match(/[ыэъё]/gu) ?? []).length;
    if (uk !== ru) return uk > ru ? 'uk' : 'ru';
    break;
  }
  const counts = new Map<string, number>();
  for (const w of sample.split(/[\s\d.,;:!?"“”‘’()«»[\]{}—–\-/]+/)) {
    const langs = STOP_INDEX.get(w);
    if (langs) for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  let best = 'en';
  let bestN = 0;
  for (const [l, n] of counts) {
    if (n > bestN) {
      best = l;
      bestN = n;
    }
  }
  return bestN >= MIN_HITS ? best : 'en';
}

/** Whether a line would be taken for a heading or boilerplate (for callers that pick titles). */
export function isTitleCandidate(line: string): boolean {
  return isHeadingLike(line) && !isMetaLine(line);
}
