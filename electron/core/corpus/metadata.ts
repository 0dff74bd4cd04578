import { findDates, isDateLine, leadingDate } from './dates.js';
import { isAllCaps, isHeadingLike, isMetaLine } from './lines.js';
import { segment } from './segment.js';

// Word counts and language come from the one text module (electron/core/text).
export { countWords } from '../text/words.js';
export { guessLanguage } from '../text/language.js';

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

/** Whether a line would be taken for a heading or boilerplate (for callers that pick titles). */
export function isTitleCandidate(line: string): boolean {
  return isHeadingLike(line) && !isMetaLine(line);
}
