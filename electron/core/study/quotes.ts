// Quotations in a document and the words that attribute them ("…,” Stoltenberg said /
// NATO Secretary-General Jens Stoltenberg said that “…”). Works on the whole stored text so
// that a quotation running over several paragraphs (opened once, closed at the end) is seen.

export interface Quotation {
  /** The quoted words, without the marks. */
  start: number;
  end: number;
  /** Raw attribution phrase as written ("NATO Secretary General Jens Stoltenberg", "he"), or null. */
  speakerPhrase: string | null;
  /** Where the speaker phrase sits in the text. */
  speakerStart: number;
  speakerEnd: number;
  /** True when the phrase is only "and"/"also": the speaker of the quotation before. */
  continuesPrevious: boolean;
  /** A paragraph of a quotation that goes on in the next paragraph: the speaker comes later. */
  continuesNext: boolean;
}

type MarkKind = 'open' | 'close';
interface Mark {
  pos: number;
  kind: MarkKind;
}

const SAY_VERBS =
  'said|says|say|stated|states|state|added|adds|explained|explains|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|noted|notes|warned|warns|declared|declares|' +
  'announced|announces|told\\s+\\w+|tells\\s+\\w+|pointed\\s+out|points?\\s+out|concluded|concludes|underlined|underlines|insisted|insists|argued|argues|' +
  'wrote|writes|reads|read|remarked|replied|asked|urged|urges|affirmed|reaffirmed|reiterated|reiterates|recalled|continued|acknowledged|admitted|claimed|' +
  'observed|commented|tweeted|posted|confirmed|confirms|went\\s+on|concluded\\s+by\\s+saying';

const AFTER_SPEAKER_VERB = new RegExp(`^[\\s,.;:—–-]*((?:[\\p{L}\\p{N}’'.\\-]+\\s+){0,9}?[\\p{L}\\p{N}’'.\\-]+)\\s+(?:${SAY_VERBS})\\b`, 'u');
const AFTER_VERB_SPEAKER = new RegExp(`^[\\s,.;:—–-]*(?:${SAY_VERBS})\\s+((?:[\\p{L}\\p{N}’'.\\-]+\\s*){1,12})`, 'u');
const BEFORE_SPEAKER_VERB = new RegExp(`((?:[\\p{L}\\p{N}’'.\\-]+\\s+){0,9}?[\\p{L}\\p{N}’'.\\-]+)\\s+(?:${SAY_VERBS})\\b(?:\\s+that)?`, 'gu');
const SAY_VERB_RE = new RegExp(`\\b(?:${SAY_VERBS})\\b`, 'iu');
const CONTINUING = /^(?:and|also|but|then|as\s+well|and\s+also|further|moreover)$/i;

/** Open/close marks with their direction decided from the neighbouring characters. */
function findMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“' || c === '«' || c === '„') marks.push({ pos: i, kind: 'open' });
    else if (c === '”' || c === '»') marks.push({ pos: i, kind: 'close' });
    else if (c === '"') {
      const prev = i > 0 ? (text[i - 1] as string) : '\n';
      const next = i + 1 < text.length ? (text[i + 1] as string) : '\n';
      const prevSpace = /[\s([{—–-]/u.test(prev);
      const nextSpace = /[\s.,;:!?)\]}—–-]/u.test(next);
      let kind: MarkKind;
      if (prevSpace && !nextSpace) kind = 'open';
      else if (!prevSpace && nextSpace) kind = 'close';
      else kind = straightOpen ? 'close' : 'open';
      straightOpen = kind === 'open';
      marks.push({ pos: i, kind });
    }
  }
  return marks;
}

function paragraphStart(text: string, pos: number): number {
  const nl = text.lastIndexOf('\n', pos - 1);
  return nl < 0 ? 0 : nl + 1;
}

function sentenceEndAfter(text: string, pos: number): number {
  const re = /[.!?…](?=\s|$)|\n/g;
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m.index + (m[0] === '\n' ? 0 : 1) : text.length;
}

/** Find quotations and their attribution phrases. */
export function findQuotations(text: string): Quotation[] {
  const marks = findMarks(text);
  const spans: Array<{ start: number; end: number; closed: boolean; closeAt: number; continuesNext?: boolean }> = [];
  let openAt = -1;
  let lastEnd = 0;
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k] as Mark;
    if (openAt >= 0) {
      // Crossing a paragraph end: go on only if the next mark closes (a quotation that runs
      // over paragraphs); otherwise the opener was never closed and ends with its sentence.
      const nl = text.indexOf('\n', openAt);
      if (nl >= 0 && nl < m.pos && m.kind === 'open') {
        // A paragraph that opens with a quotation mark and never closes it is the first part
        // of a quotation that runs on (the next paragraph opens again); elsewhere the
        // unclosed quotation ends with its sentence.
        const wholeParagraph = paragraphStart(text, openAt) === openAt && paragraphStart(text, m.pos) === m.pos;
        const end = wholeParagraph ? nl : Math.min(nl, sentenceEndAfter(text, openAt + 1));
        spans.push({ start: openAt + 1, end, closed: false, closeAt: -1, continuesNext: wholeParagraph });
        lastEnd = end;
        openAt = -1;
      }
    }
    if (m.kind === 'open') {
      if (openAt < 0) openAt = m.pos;
      else if (paragraphStart(text, m.pos) !== m.pos) {
        // An opener inside an open quotation: the first one was left unclosed.
        const end = Math.min(sentenceEndAfter(text, openAt + 1), m.pos);
        spans.push({ start: openAt + 1, end, closed: false, closeAt: -1 });
        openAt = m.pos;
      }
      continue;
    }
    if (openAt >= 0) {
      spans.push({ start: openAt + 1, end: m.pos, closed: true, closeAt: m.pos });
      openAt = -1;
      lastEnd = m.pos + 1;
    } else {
      // A closer with no opener: the quotation began at the paragraph (or after the last one).
      const from = Math.max(paragraphStart(text, m.pos), lastEnd);
      const words = text.slice(from, m.pos).trim().split(/\s+/).length;
      if (words >= 3) spans.push({ start: from, end: m.pos, closed: true, closeAt: m.pos });
      lastEnd = m.pos + 1;
    }
  }
  if (openAt >= 0) spans.push({ start: openAt + 1, end: sentenceEndAfter(text, openAt + 1), closed: false, closeAt: -1 });

  const out: Quotation[] = [];
  let prevCloseEnd = 0;
  for (const s of spans) {
    let start = s.start;
    let end = s.end;
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (end <= start) continue;
    const q: Quotation = {
      start,
      end,
      speakerPhrase: null,
      speakerStart: -1,
      speakerEnd: -1,
      continuesPrevious: false,
      continuesNext: s.continuesNext ?? false,
    };
    if (!q.continuesNext) attribute(text, q, s.closeAt, prevCloseEnd);
    out.push(q);
    prevCloseEnd = s.closed ? s.closeAt + 1 : s.end;
  }
  return out;
}

function attribute(text: string, q: Quotation, closeAt: number, prevCloseEnd: number): void {
  if (closeAt >= 0 && attributeAfter(text, q, closeAt)) return;
  const continued = q.continuesPrevious;
  q.continuesPrevious = false;
  if (attributeBefore(text, q, prevCloseEnd)) return;
  q.continuesPrevious = continued || q.continuesPrevious;
}

/** “…,” Stoltenberg said / “…,” said the Secretary-General. True when a speaker was found. */
function attributeAfter(text: string, q: Quotation, closeAt: number): boolean {
  const nl = text.indexOf('\n', closeAt + 1);
  const tailEnd = Math.min(sentenceEndAfter(text, closeAt + 1), nl < 0 ? text.length : nl);
  let tail = text.slice(closeAt + 1, tailEnd);
  const nextOpen = tail.search(/[“"«]/u);
  if (nextOpen >= 0) tail = tail.slice(0, nextOpen);
  if (!/\S/u.test(tail)) return false;
  // A quotation that ends its own sentence (“… down.”) is followed by a new sentence, not by
  // its attribution, unless that goes on in lower case (“… down.” he said).
  const inner = text.slice(q.start, q.end).trimEnd();
  if (/[.!?…]$/u.test(inner) && !/^\s*\p{Ll}/u.test(tail)) return false;
  const a = AFTER_SPEAKER_VERB.exec(tail);
  if (a && a[1]) {
    setSpeaker(q, closeAt + 1 + tail.indexOf(a[1]), a[1]);
    if (q.speakerPhrase) return true;
  }
  const b = AFTER_VERB_SPEAKER.exec(tail);
  if (b && b[1]) {
    const phrase = b[1].replace(/\s+(?:after|before|at|in|on|during|while|when|who|which|as|to|from|with|including)\b.*$/su, '').trim();
    if (phrase) {
      setSpeaker(q, closeAt + 1 + tail.indexOf(phrase), phrase);
      if (q.speakerPhrase) return true;
    }
  }
  return false;
}

/** NATO Secretary-General Jens Stoltenberg said that “…” / He added: “…” */
function attributeBefore(text: string, q: Quotation, prevCloseEnd: number): boolean {
  const openMark = q.start - 1;
  // An attribution sits close to its quotation: look back a few hundred characters at most.
  const sentenceStart = Math.max(lastSentenceStart(text, openMark), prevCloseEnd, openMark - 300);
  const head = text.slice(sentenceStart, Math.max(sentenceStart, openMark));
  let last: RegExpExecArray | null = null;
  BEFORE_SPEAKER_VERB.lastIndex = 0;
  for (let m = BEFORE_SPEAKER_VERB.exec(head); m; m = BEFORE_SPEAKER_VERB.exec(head)) last = m;
  if (last && last[1]) {
    // Keep only what follows the last comma/colon: "Previewing the meeting, NATO Secretary-General …"
    const raw = last[1];
    const cut = Math.max(raw.lastIndexOf(','), raw.lastIndexOf(':'), raw.lastIndexOf(';'));
    const phrase = raw.slice(cut + 1).trim();
    if (phrase) {
      setSpeaker(q, sentenceStart + last.index + raw.indexOf(phrase, cut + 1), phrase);
      return q.speakerPhrase !== null;
    }
  }
  const bare = head.replace(/[\s,:;—–-]+$/u, '').replace(/^[\s,.;:]+/u, '').trim();
  if (bare && CONTINUING.test(bare)) q.continuesPrevious = true;
  // “…,” said the Secretary-General, “so …”: the words between are the first part's attribution.
  else if (prevCloseEnd > 0 && sentenceStart === prevCloseEnd && SAY_VERB_RE.test(head)) q.continuesPrevious = true;
  return false;
}

function setSpeaker(q: Quotation, at: number, phrase: string): void {
  const words = phrase.trim().split(/\s+/);
  // "… region and reaffirmed that “…”": the subject was elided; the speaker is the one before.
  if (/^(?:and|or|but|of|to|for|with|that|which|as)$/i.test(words.at(-1) ?? '')) {
    q.continuesPrevious = true;
    return;
  }
  if (words.length === 1 && CONTINUING.test(words[0] as string)) {
    q.continuesPrevious = true;
    return;
  }
  const cleaned = phrase.replace(/^(?:and|but|then|also)\s+/i, '').trim();
  if (!cleaned) {
    q.continuesPrevious = true;
    return;
  }
  q.speakerPhrase = cleaned;
  q.speakerStart = at + phrase.indexOf(cleaned);
  q.speakerEnd = q.speakerStart + cleaned.length;
}

function lastSentenceStart(text: string, pos: number): number {
  // Walk back to the paragraph start or the end of the previous sentence.
  for (let i = pos - 1; i >= 0 && i > pos - 2000; i--) {
    const c = text[i] as string;
    if (c === '\n') return i + 1;
    if (/\s/.test(c)) {
      let j = i - 1;
      while (j >= 0 && /["”’»]/u.test(text[j] as string)) j--;
      if (j >= 0 && /[.!?…]/u.test(text[j] as string) && !/(?:^|[\s(])(?:\p{Lu}\.)+$/u.test(text.slice(Math.max(0, j - 6), j + 1))) return i + 1;
    }
  }
  return Math.max(0, pos - 2000);
}
