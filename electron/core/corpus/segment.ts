import type { Passage, PassageKind, Segmentation, Sentence } from '../types.js';
import type { AssembledPassage } from './blocks.js';
import { leadingDate } from './dates.js';
import { bulletLength, isAllCaps, isHeadingLike, isMetaLine, isTagStrip, numberedLength } from './lines.js';
import { splitSentences } from './sentences.js';

// Passages are the lines of the stored text (the bundled reports use both single-newline and
// blank-line paragraphs, so every non-empty line is its own passage), classified as heading,
// paragraph, list item or meta (page furniture). Sentences tile every passage except meta
// ones, which have none, and skip a list item's marker ("• ", "1) "): whatever a sentence
// covers is words a reader reads. A sentence never crosses a passage boundary.

interface Line {
  start: number;
  end: number;
  /** A blank line (or the start of the text) comes directly before this line. */
  afterBlank: boolean;
}

function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x3000 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let afterBlank = true;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && isWhite(text.charCodeAt(s))) s++;
    while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      lines.push({ start: s, end: e, afterBlank });
      afterBlank = false;
    } else {
      afterBlank = true;
    }
    pos = nl + 1;
  }
  return lines;
}

const MIN_WORDS_AFTER_DATELINE = 3;

/**
 * Page furniture above the story's first paragraph: a site banner in capitals before the
 * headline ("UKRAINIAN WORLD CONGRESS"), a tag strip under it, or the headline repeated.
 */
function isHeaderFurniture(line: string, headlineSeen: boolean, seen: ReadonlySet<string>): boolean {
  if (seen.has(line)) return true;
  if (!headlineSeen && isAllCaps(line) && line.length <= 60) return true;
  return headlineSeen && isTagStrip(line);
}

/**
 * Passages a structured decoder laid out (see blocks.ts): their kinds are the source's, except
 * that page furniture the page carried as ordinary blocks is recognised and made 'meta'.
 */
export function segmentStructured(text: string, parts: readonly AssembledPassage[]): Segmentation {
  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  const spans: Array<[number, number]> = [];
  let inHeader = true;
  let headlineSeen = false;
  const headerHeadings = new Set<string>();
  for (const part of parts) {
    const s = text.slice(part.start, part.end);
    let kind = part.kind;
    if (kind !== 'meta' && isMetaLine(s)) kind = 'meta';
    else if (kind === 'heading' && inHeader && isHeaderFurniture(s, headlineSeen, headerHeadings)) kind = 'meta';
    if (kind === 'heading' && inHeader) {
      headerHeadings.add(s);
      if (!isAllCaps(s)) headlineSeen = true;
    }
    if (kind === 'paragraph' || kind === 'list-item' || kind === 'quote') inHeader = false;
    const index = passages.length;
    const p: Passage = { index, start: part.start, end: part.end, kind };
    if (part.level) p.level = part.level;
    if (part.page) p.page = part.page;
    if (part.marks.length) p.marks = part.marks;
    passages.push(p);
    if (kind === 'meta') continue;
    spans.length = 0;
    splitSentences(text, Math.min(part.bodyStart, part.end), part.end, spans);
    for (const [a, b] of spans) sentences.push({ index: sentences.length, passageIndex: index, start: a, end: b });
  }
  return { passages, sentences };
}

export function segment(text: string): Segmentation {
  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  const lines = splitLines(text);
  const listish = lines.map((l) => {
    const s = text.slice(l.start, l.end);
    return bulletLength(s) > 0 || numberedLength(s) > 0;
  });
  // Until the first paragraph or list item, the text is in its header: title, banners,
  // bylines, tag strips, dates.
  let inHeader = true;
  let headlineSeen = false;
  const headerHeadings = new Set<string>();
  const spans: Array<[number, number]> = [];

  const add = (start: number, end: number, kind: PassageKind, bodyStart = start): void => {
    const index = passages.length;
    passages.push({ index, start, end, kind });
    if (kind === 'paragraph' || kind === 'list-item') inHeader = false;
    if (kind === 'meta') return;
    spans.length = 0;
    splitSentences(text, bodyStart, end, spans);
    for (const [s, e] of spans) sentences.push({ index: sentences.length, passageIndex: index, start: s, end: e });
  };

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    let start = line.start;
    let s = text.slice(start, line.end);

    // "date 2022-11-29 The NATO Foreign Ministers adopted ...": the dateline is its own meta passage.
    const dated = leadingDate(s);
    if (dated?.labelled && dated.prefixEnd < s.length) {
      const rest = s.slice(dated.prefixEnd).trimStart();
      if (rest.split(' ').length >= MIN_WORDS_AFTER_DATELINE && /^["“‘«(]?[\p{Lu}\p{N}]/u.test(rest)) {
        add(start, start + s.slice(0, dated.prefixEnd).trimEnd().length, 'meta');
        const offset = s.length - rest.length;
        start += offset;
        s = rest;
      }
    }

    if (isMetaLine(s)) {
      add(start, line.end, 'meta');
      continue;
    }
    const bullet = bulletLength(s);
    if (bullet > 0) {
      add(start, line.end, 'list-item', start + bullet);
      continue;
    }
    const numbered = numberedLength(s);
    if (numbered > 0) {
      // In a run of adjacent numbered or bulleted lines: a list. Standing alone: a numbered paragraph.
      const prevAdjacent = li > 0 && !line.afterBlank && listish[li - 1];
      const nextAdjacent = li + 1 < lines.length && !lines[li + 1]!.afterBlank && listish[li + 1];
      if (prevAdjacent || nextAdjacent) {
        add(start, line.end, 'list-item', start + numbered);
        continue;
      }
    }
    const markdownHeading = /^#{1,6}\s+\S/.test(s) && s.length <= 150;
    if (markdownHeading || isHeadingLike(s)) {
      if (inHeader && isHeaderFurniture(s, headlineSeen, headerHeadings)) {
        add(start, line.end, 'meta');
        continue;
      }
      if (inHeader) headerHeadings.add(s);
      if (!isAllCaps(s)) headlineSeen = true;
      add(start, line.end, 'heading');
      continue;
    }
    add(start, line.end, 'paragraph');
  }
  return { passages, sentences };
}
