// What kind of line a line of a news text is: a list item, a heading, boilerplate (meta) or
// ordinary paragraph text. The product's own heuristics, tuned on the kind of pages the
// bundled reports were copied from.

import { isDateLine } from './dates.js';

// "• item", "- item", "* item", "1) item", "(a) item". The marker's end is where the item's words begin.
const BULLET = /^(?:[•◦▪▫‣●○■□►▸▹➤➢✓✔✗·]\s*|[-*+]\s+|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\)\s+)(?=\S)/u;
// "1. item": a list item only when it sits in a run of such lines (see segment.ts); a
// numbered paragraph of a statement ("1. We gathered in Bucharest ...") is a paragraph.
const NUMBERED = /^\d{1,3}\.\s+(?=\S)/;

/** Length of the list marker the line opens with, or 0. */
export function bulletLength(line: string): number {
  const m = BULLET.exec(line);
  return m ? m[0].length : 0;
}

export function numberedLength(line: string): number {
  const m = NUMBERED.exec(line);
  return m ? m[0].length : 0;
}

const SENTENCE_END = /[.!?…:;,][\s"'”’»)\]]*$/u;
// A sentence boundary inside the line: lower-case letter or digit, terminal, space, capital.
const INNER_BOUNDARY = /[\p{Ll}\d][.!?]["'”’»)]?\s+["“‘«(]?\p{Lu}/u;

/** A short title-like line with no sentence-final punctuation. */
export function isHeadingLike(line: string): boolean {
  if (line.length < 2 || line.length > 150) return false;
  if (SENTENCE_END.test(line)) return false;
  const first = /[\p{L}\p{N}]/u.exec(line);
  if (!first || /\p{Ll}/u.test(first[0])) return false;
  if (/^[-–—]/.test(line) || bulletLength(line) > 0) return false;
  let words = 1;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 32) words++;
  if (words > 20) return false;
  return !INNER_BOUNDARY.test(line);
}

// Lines that are page furniture rather than the story, compared lower-cased and without
// trailing punctuation.
const BOILERPLATE = new Set([
  'icon', 'logo', 'image', 'photo', 'photos', 'video', 'videos', 'gallery', 'video of the day', 'photo of the day',
  'share', 'share this', 'share this article', 'share on facebook', 'share on twitter', 'tweet', 'print', 'email',
  'e-mail', 'copy link', 'read more', 'read also', 'also read', 'see also', 'related', 'related articles',
  'related news', 'related stories', 'more stories', 'more news', 'latest news', 'top stories', 'most read',
  'most popular', 'trending', 'advertisement', 'advert', 'sponsored', 'sponsored content', 'subscribe',
  'subscribe now', 'sign up', 'sign in', 'log in', 'newsletter', 'comments', 'leave a comment', 'add comment',
  'tags', 'topics', 'menu', 'search', 'home', 'loading', 'watch', 'listen', 'listen to this article', 'close',
  'back to top', 'skip to content', 'skip to main content', 'follow us', 'all rights reserved', 'cookies',
  'accept cookies', 'next article', 'previous article', 'next', 'previous', 'continue reading', 'show more',
]);

// "Photo: Reuters", "Tags: NATO, Ukraine", "Source: ...". Short label lines.
const LABELLED = /^(?:citation|photos?|images?|pictures?|videos?|source|sources|credits?|photo credit|tags?|topics?|keywords|categor(?:y|ies)|filed under|read more|read also|also read|see also|related|share|follow us|copyright|posted in|published|updated|posted|author|authors|written by|edited by|reporting by|editing by)\s*[:|]\s*\S/i;
// "By Jane Smith", "By Jane Smith and John Doe, Reuters".
const BYLINE = /^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(?:(?:\s+|,\s*)(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|der|da|di|al|el|bin))*\s*$/u;
const HASHTAGS = /^(?:#[\p{L}\p{N}_]+[\s,;]*)+$/u;
const NO_WORDS = /^[\p{N}\p{P}\p{S}\s]+$/u;
// Credits of press agencies, as in photo captions.
const AGENCY = /\b(?:EPA(?:-EFE)?|AFP|AP Photo|Reuters|REUTERS|Getty Images|Shutterstock|Sputnik|TASS|Anadolu|ANP|DPA|dpa|Xinhua|Alamy|Pool)\b/;

/** Boilerplate a reader skips: dates alone, hashtags, captions, share buttons, credits. */
export function isMetaLine(line: string): boolean {
  if (NO_WORDS.test(line)) return true;
  if (line.length > 250) return HASHTAGS.test(line);
  if (line.length <= 60 && BOILERPLATE.has(line.toLowerCase().replace(/[\s.:!…»›>|-]+$/u, ''))) return true;
  if (HASHTAGS.test(line)) return true;
  if (line.length <= 160 && (LABELLED.test(line) || BYLINE.test(line))) return true;
  if (line.length <= 200 && /©|\(c\)\s*\d{4}|all rights reserved/i.test(line)) return true;
  if (line.length <= 400 && /^this (?:document|article|material|content) is (?:subject to|protected by) copyright/i.test(line)) return true;
  if (line.length <= 80 && isDateLine(line)) return true;
  return isCaption(line);
}

function isCaption(line: string): boolean {
  if (line.length > 250 || /[.!?]["”’]?$/u.test(line)) return false;
  // '"Family" photo at the NATO summit in Madrid / 2022 / EPA-EFE / JuanJo Martin'
  let slashes = 0;
  for (let i = line.indexOf(' / '); i >= 0; i = line.indexOf(' / ', i + 3)) slashes++;
  if (slashes >= 2) return true;
  if (slashes === 1 && AGENCY.test(line)) return true;
  return line.endsWith(')') && /\((?:[^()]*\b(?:photo|foto|image)\b[^()]*|\s*(?:EPA|AFP|AP|Reuters|Getty Images)[^()]*)\)$/i.test(line);
}

const LOWER_WORD = /(?:^|\s)["“‘(]?\p{Ll}/u;

/**
 * Under a headline, a line of capitalised words and nothing else is a tag or byline strip
 * ("NATO Summit Madrid Group Free Press"), not a second headline.
 */
export function isTagStrip(line: string): boolean {
  if (line.length > 100 || /[.,;:!?"“”]/u.test(line)) return false;
  const words = line.split(' ');
  if (words.length < 3 || words.length > 12) return false;
  if (LOWER_WORD.test(line)) return false;
  // ALL CAPS is a banner or a shouted headline, not a tag strip.
  return /\p{Ll}/u.test(line);
}

/** Upper-case banner such as "UKRAINIAN WORLD CONGRESS". */
export function isAllCaps(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line);
}
