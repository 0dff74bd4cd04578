// Calendar dates written the ways news pages write them, turned into ISO YYYY-MM-DD.
// Shared by segmentation (a lone date line is boilerplate) and metadata (publication date).

export interface DateMatch {
  iso: string;
  index: number;
  length: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

// Each pattern names where its year, month and day are; the first that matches earliest wins.
const PATTERNS: Array<{ re: RegExp; y: number; m: number; d: number; named?: boolean }> = [
  { re: /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g, y: 1, m: 2, d: 3 },
  { re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})(?!\\d)`, 'gi'), y: 3, m: 1, d: 2, named: true },
  { re: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})(?!\\d)`, 'gi'), y: 3, m: 2, d: 1, named: true },
  { re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g, y: 3, m: 2, d: 1 },
];
// 3/4/2022 is April in Bucharest and March in Boston: only unambiguous slashed dates count.
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g;

function toIso(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every calendar date in `s`, in order of position. */
export function findDates(s: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(s); m; m = p.re.exec(s)) {
      const month = p.named ? MONTHS[(m[p.m] ?? '').toLowerCase()] : Number(m[p.m]);
      const iso = month ? toIso(Number(m[p.y]), month, Number(m[p.d])) : null;
      if (iso) out.push({ iso, index: m.index, length: m[0].length });
    }
  }
  SLASHED.lastIndex = 0;
  for (let m = SLASHED.exec(s); m; m = SLASHED.exec(s)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const iso = a > 12 && b <= 12 ? toIso(Number(m[3]), b, a) : b > 12 && a <= 12 ? toIso(Number(m[3]), a, b) : null;
    if (iso) out.push({ iso, index: m.index, length: m[0].length });
  }
  out.sort((x, y) => x.index - y.index || y.length - x.length);
  // Overlapping matches ("30 November 2022" inside "November 30, 2022"-like runs): keep the first.
  const kept: DateMatch[] = [];
  for (const d of out) {
    const last = kept[kept.length - 1];
    if (!last || d.index >= last.index + last.length) kept.push(d);
  }
  return kept;
}

const YEAR = /\d{4}/;
const DATE_LABEL = /^(?:dated?|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated|first\s+published)\b\s*[:|-]?\s*/i;
const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?/gi;
// What may sit next to a date on a line that is only a date: a time, a zone, a view or
// comment count, separators.
const DATE_LINE_REST = /^(?:[\s\d:.,|/·•–—()-]|\b(?:am|pm|a\.m\.|p\.m\.|gmt|utc|cet|eet|est|edt|bst|hrs?|h|views?|comments?|min(?:ute)?s?|read|at|on)\b)*$/i;

/** A line that is a date and nothing a reader would read: "November 30,2022 330", "date 2022-11-29". */
export function isDateLine(line: string): DateMatch | null {
  if (line.length > 80 || !YEAR.test(line)) return null;
  const dates = findDates(line);
  if (dates.length !== 1) return null;
  const d = dates[0]!;
  const rest = (line.slice(0, d.index) + ' ' + line.slice(d.index + d.length)).replace(DATE_LABEL, '').replace(WEEKDAY, ' ').trim();
  return DATE_LINE_REST.test(rest) ? d : null;
}

/**
 * A date the line opens with, optionally after a label ("date 2022-11-29 The NATO ..."),
 * with the end of the label+date prefix. Dates inside a sentence ("on November 15, 2022") are not.
 */
export function leadingDate(line: string): (DateMatch & { prefixEnd: number; labelled: boolean }) | null {
  // Every form needs a four-digit year near the start of the line.
  if (!YEAR.test(line.slice(0, 64))) return null;
  const label = DATE_LABEL.exec(line);
  const labelEnd = label ? label[0].length : 0;
  const head = line.slice(labelEnd, labelEnd + 60);
  const weekday = /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?/i.exec(head);
  const skip = weekday ? weekday[0].length : 0;
  const dates = findDates(head.slice(skip));
  const d = dates[0];
  if (!d || d.index !== 0) return null;
  const index = labelEnd + skip;
  return { iso: d.iso, index, length: d.length, prefixEnd: index + d.length, labelled: labelEnd > 0 };
}
