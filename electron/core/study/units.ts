import type { Passage, PassageKind, Sentence } from '../types.js';
import { foldPhrase, tokenize } from './text.js';

// A unit is the thing a card or a key passage is made of: a stored sentence, tidied so that
// segmentation slips do not leak into cards (a lone closing quote, "U." / "S." split at an
// abbreviation, a list number or bullet in front). Offsets stay document offsets.

export interface Unit {
  docId: string;
  start: number;
  end: number;
  text: string;
  sentenceIndexes: number[];
  passageIndex: number;
  passageKind: PassageKind;
  /** Why this unit can never be key (title, byline, caption, ...), or null for content. */
  boilerplate: string | null;
  /** Order among the content units of its document (0 = lead). */
  ordinal: number;
  /** An item of a bulleted or numbered list. */
  listItem: boolean;
  /** A list item under an introduction like "Key takeaways:" / "The main decisions:". */
  keyListItem: boolean;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE_WORD_RE = new RegExp(`^(?:${MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|date|updated|published|posted|am|pm|gmt|utc)$`, 'i');

/** Only closing marks and spaces: belongs to the sentence before. */
const DANGLING_CLOSER_RE = /^[\s”"’'»)\]]+$/u;
/** A list number or bullet standing alone as a "sentence": “1.  3.  •  (a) */
const MARKER_ONLY_RE = /^[\s“"‘'«(]*(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s*$|^[\s•·▪◦‣\-*–—]+$/iu;
/** The sentence ends in an abbreviation the splitter took for a full stop: U.  U.N.  Mr.  St. */
const ABBREVIATION_END_RE = /(?:^|[\s(“"])(?:\p{Lu}\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Capt|Sgt|Prof|Sen|Rep|Gov|No|vs|etc|Jr|Sr|Inc|Ltd|Co)\.$/u;
/** What may stand in front of a sentence and is not part of it. */
const LEADING_JUNK_RE = /^(?:[\s•·▪◦‣*–—-]+|[”"’]\s+|[“"]?\d{1,3}[.)]\s+|date\s+\d{4}-\d{2}-\d{2}\s+)+/iu;
const BULLET_RE = /^\s*(?:[•·▪◦‣*–—-]|\d{1,2}[.)])\s+/u;
/** A line that introduces the main points of a story. */
const KEY_LIST_INTRO_RE = /\b(?:key|main|major|principal|takeaways?|highlights?|decisions?|outcomes?|conclusions?|points?|summary|at a glance)\b.*:\s*$/i;

interface Draft {
  start: number;
  end: number;
  sentenceIndexes: number[];
  passageIndex: number;
}

/** Build a document's units from its stored segmentation. */
export function buildUnits(docId: string, text: string, passages: Passage[], sentences: Sentence[], title: string): Unit[] {
  const kindOf = new Map<number, PassageKind>(passages.map((p) => [p.index, p.kind]));
  const drafts: Draft[] = [];
  let pending: Draft | null = null;
  const flush = (): void => {
    if (pending) drafts.push(pending);
    pending = null;
  };
  for (const s of sentences) {
    const raw = text.slice(s.start, s.end);
    const samePassage: boolean = pending !== null && (pending as Draft).passageIndex === s.passageIndex;
    if (DANGLING_CLOSER_RE.test(raw)) {
      // A lone ” closes the sentence before it.
      const prev: Draft | undefined = samePassage ? (pending ?? undefined) : drafts.at(-1);
      if (prev && prev.passageIndex === s.passageIndex) {
        prev.end = s.end;
        prev.sentenceIndexes.push(s.index);
      }
      continue;
    }
    if (MARKER_ONLY_RE.test(raw)) continue;
    if (pending && samePassage && ABBREVIATION_END_RE.test(text.slice(pending.start, pending.end))) {
      pending.end = s.end;
      pending.sentenceIndexes.push(s.index);
      continue;
    }
    flush();
    pending = { start: s.start, end: s.end, sentenceIndexes: [s.index], passageIndex: s.passageIndex };
  }
  flush();

  const units: Unit[] = [];
  const titleKey = foldPhrase(title);
  let ordinal = 0;
  let keyListOpen = false;
  for (const d of drafts) {
    let start = d.start;
    let end = d.end;
    const lead = LEADING_JUNK_RE.exec(text.slice(start, end));
    if (lead) start += lead[0].length;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    while (start < end && /\s/.test(text[start] as string)) start++;
    if (end <= start) continue;
    const unitText = text.slice(start, end);
    const kind = kindOf.get(d.passageIndex) ?? 'paragraph';
    const boilerplate = boilerplateReason(unitText, kind, titleKey);
    const listItem = kind === 'list-item' || BULLET_RE.test(text.slice(d.start, d.end));
    // "Other key takeaways from the meeting include the following:" opens a list of key
    // points that runs on through further lists ("Moreover:") until ordinary prose returns.
    if (KEY_LIST_INTRO_RE.test(unitText)) keyListOpen = true;
    else if (!listItem && !/:\s*$/.test(unitText)) keyListOpen = false;
    units.push({
      docId,
      start,
      end,
      text: unitText,
      sentenceIndexes: d.sentenceIndexes,
      passageIndex: d.passageIndex,
      passageKind: kind,
      boilerplate,
      ordinal: boilerplate ? -1 : ordinal++,
      listItem,
      keyListItem: listItem && keyListOpen,
    });
  }
  return units;
}

const CHROME_RE =
  /^(?:video of the day|watch(?: the)? video|photo(?:s|graph)?|image|icon|advertisement|sponsored|read more|related(?: articles?| stories)?|share(?: this)?|subscribe|sign up|follow us|click here|more on this|listen|print|comments?|tags?|source|credit|getty images|reuters|afp|ap photo)\b/i;
const CAPTION_CREDIT_RE = /\b(?:photo|image|picture|credit|file photo)\b.*(?:\/|©|\b(?:EPA|EFE|AFP|Reuters|AP|Getty|Xinhua|Anadolu)\b)/i;

/**
 * Why a sentence is page furniture rather than content (or null). Titles, bylines, captions,
 * hashtags, date lines, labels: none of it is ever key, whatever it mentions.
 */
export function boilerplateReason(text: string, kind: PassageKind, titleKey = ''): string | null {
  if (kind === 'meta') return 'metadata line';
  if (kind === 'heading') return 'title or heading';
  const t = text.trim();
  const folded = foldPhrase(t);
  if (titleKey && folded === titleKey) return 'the document title';
  const tokens = tokenize(t);
  const words = tokens.length;
  if (words === 0) return 'no words';
  if (/^#\w/u.test(t) && t.split(/\s+/).every((w) => w.startsWith('#') || w.startsWith('@'))) return 'hashtags';
  if (CAPTION_CREDIT_RE.test(t)) return 'photo caption or credit';
  if (CHROME_RE.test(t) && words <= 8) return 'page furniture';
  if (/^by\s+\p{Lu}/u.test(t) && words <= 10) return 'byline';
  if (/^(?:updated|published|posted|last modified)\b/i.test(t) && words <= 12) return 'date line';
  // A line made of a date and numbers only ("November 30,2022 330").
  const nonDate = tokens.filter((x) => !/^\d[\d,.:]*$/.test(x.text) && !DATE_WORD_RE.test(x.text));
  if (nonDate.length === 0) return 'date line';
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 4 && letters === letters.toUpperCase() && words <= 12) return 'label in capitals';
  if (/:\s*$/.test(t)) return 'introduces a list';
  if (words < 4) return 'too short to be a statement';
  // No closing punctuation: a headline, a standfirst label or a tag line, not a sentence.
  if (!/[.!?…]["”’»)\]]*$/u.test(t) && words < 20 && !/["”’»]$/u.test(t)) return 'headline or label';
  return null;
}
