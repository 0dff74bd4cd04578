// How a source is named on a card: its outlet where the library knows one, else the headline's
// leading phrase — complete words up to the first break (a colon's topic, a comma, a preposition
// after the subject and verb), never a cut-off title with an ellipsis, which nobody can recall.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Words that start a complement: the phrase before them still says what the piece is. */
const BREAKS = new Set(['in', 'on', 'at', 'for', 'and', 'with', 'of', 'as', 'after', 'over', 'from', 'by', 'amid', 'against', 'about', 'during', 'despite', 'while']);
const MIN_WORDS = 4;
const MAX_WORDS = 8;
/** A label is read at a glance among 3-6 options. */
const MAX_CHARS = 45;

/** "Stoltenberg: NATO will step up support for Ukraine and …" → "Stoltenberg: NATO will step up support". */
export function headlinePhrase(title: string): string {
  let text = title.replace(/[“”"«»]/gu, '').replace(/\s+/gu, ' ').trim();
  let lead = '';
  const colon = text.indexOf(':');
  if (colon > 0) {
    const head = text.slice(0, colon).trim();
    const rest = text.slice(colon + 1).trim();
    // A short head names who speaks ("Stoltenberg: …"); a long one is the headline itself.
    if (head.split(' ').length <= 2 && rest) {
      lead = `${head}: `;
      text = rest;
    } else text = head;
  }
  text = (text.split(/[,;–—(]/u)[0] ?? text).trim();
  const words = text.split(' ').filter(Boolean);
  let end = words.length;
  for (let i = MIN_WORDS; i < words.length; i++) {
    if (BREAKS.has((words[i] as string).toLowerCase())) {
      end = i;
      break;
    }
  }
  end = Math.min(end, MAX_WORDS);
  while (end > 1 && `${lead}${words.slice(0, end).join(' ')}`.length > MAX_CHARS) end--;
  return `${lead}${words.slice(0, end).join(' ')}` || title;
}

export interface LabelSource {
  title: string;
  outlet: string | null;
  published?: string | null;
}

/** "Reuters, 30 Nov 2022"; without an outlet, the headline's leading phrase alone. */
export function sourceLabel(d: LabelSource): string {
  if (!d.outlet) return headlinePhrase(d.title);
  const m = d.published ? /^(\d{4})-(\d{2})-(\d{2})/u.exec(d.published) : null;
  return m ? `${d.outlet}, ${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : d.outlet;
}
