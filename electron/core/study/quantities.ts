// Reading amounts, numbers and dates the many ways people write them, so that "€270 million",
// "270 million euros" and "EUR 270m" compare equal (answer checking, disagreements).

const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/€|\beur\b|\beuros?\b/i, 'EUR'],
  [/us\$|\$|\busd\b|\bdollars?\b/i, 'USD'],
  [/£|\bgbp\b|\bpounds?(?: sterling)?\b/i, 'GBP'],
  [/\bnok\b|\bnorwegian kron(?:er|e)\b/i, 'NOK'],
  [/\bsek\b|\bswedish kron(?:a|or)\b|\bkronor\b/i, 'SEK'],
  [/\bdkk\b|\bdanish kron(?:e|er)\b/i, 'DKK'],
  [/\bkroner\b|\bkrone\b/i, 'NOK'],
  [/₴|\buah\b|\bhryvnias?\b/i, 'UAH'],
  [/₽|\brub\b|\br(?:o)?ubles?\b/i, 'RUB'],
  [/¥|\bjpy\b|\byen\b/i, 'JPY'],
  [/\bchf\b|\bswiss francs?\b|\bfrancs?\b/i, 'CHF'],
  [/\bpln\b|\bzlot(?:y|ys|ies)\b/i, 'PLN'],
  [/\bcny\b|\byuan\b/i, 'CNY'],
];

const SCALES: Array<[RegExp, number]> = [
  [/(?:^|[^\p{L}])(?:trillion|tn|trn)\b/iu, 1e12],
  [/(?:^|[^\p{L}])(?:billion|bn|bln)\b|\d\s?b\b/iu, 1e9],
  [/(?:^|[^\p{L}])(?:million|mn|mln|mio)\b|\d\s?m\b/iu, 1e6],
  [/(?:^|[^\p{L}])thousand\b|\d\s?k\b/iu, 1e3],
];

const WORD_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

/** The first number in s, read with thousands separators (2,000 / 2 000 / 2.5). */
function leadingNumber(s: string): number | null {
  const m = /(\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)/.exec(s);
  if (m) {
    const raw = m[1] as string;
    // "2,5" (decimal comma) vs "2,000" (thousands): three digits after the comma = thousands.
    const normal = /^\d+,\d{1,2}$/.test(raw) ? raw.replace(',', '.') : raw.replace(/[,\s]/g, '');
    const n = Number(normal);
    return Number.isFinite(n) ? n : null;
  }
  const w = /\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/i.exec(s);
  return w ? (WORD_NUMBERS[(w[1] as string).toLowerCase()] ?? null) : null;
}

export interface Quantity {
  kind: 'money' | 'number';
  value: number;
  currency: string | null;
  unit: string | null;
}

/** Read an amount ("€270 million", "270m euros", "NOK 2 billion") or a plain number with unit. */
export function parseQuantity(s: string): Quantity | null {
  const text = s.trim();
  if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b/i.test(text)) return null;
  // Too many words around it: not a quantity but a sentence.
  if (text.split(/\s+/).length > 6) return null;
  const base = leadingNumber(text);
  if (base === null) return null;
  let scale = 1;
  for (const [re, f] of SCALES) if (re.test(text)) {
    scale = f;
    break;
  }
  let currency: string | null = null;
  for (const [re, code] of CURRENCY_WORDS) if (re.test(text)) {
    currency = code;
    break;
  }
  const unitMatch = /(%|percent|per cent|degrees?|days?|years?|months?|weeks?|hours?|km|kilomet(?:er|re)s?|miles?|troops|people|countries|jets|aircraft|tanks)/i.exec(text);
  let unit = unitMatch ? (unitMatch[1] as string).toLowerCase() : null;
  if (unit) unit = unit.replace(/^per ?cent$|^percent$/, '%').replace(/s$/, '').replace(/^kilomet(?:er|re)$/, 'km');
  // Nothing else may be left: "MiG-29" or "JAS 39 Gripen" are names, not quantities.
  let leftover = text.toLowerCase();
  for (const [re] of CURRENCY_WORDS) leftover = leftover.replace(new RegExp(re.source, 'gi'), ' ');
  leftover = leftover
    .replace(/\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?/g, ' ')
    .replace(/(?:^|(?<=[^\p{L}]))(?:trillion|billion|million|thousand|tn|trn|bn|bln|mn|mln|mio|m|b|k)\b/gu, ' ')
    .replace(/(%|percent|per cent|degrees?|days?|years?|months?|weeks?|hours?|km|kilomet(?:er|re)s?|miles?|troops|people|countries|jets|aircraft|tanks)/g, ' ')
    .replace(/\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/g, ' ')
    .replace(/\b(?:about|around|some|approximately|nearly|almost|over|more than|the|a|an|of|in|worth)\b/g, ' ')
    .replace(/[\s.,\-–()]+/g, '');
  if (leftover.length > 0) return null;
  return { kind: currency ? 'money' : 'number', value: Math.round(base * scale * 1e6) / 1e6, currency, unit };
}

export function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind || a.currency !== b.currency) return false;
  if (Math.abs(a.value - b.value) > 1e-9 * Math.max(1, Math.abs(a.value))) return false;
  return a.unit === null || b.unit === null || a.unit === b.unit;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

export interface DateValue {
  year: number | null;
  month: number | null;
  /** First and last day (a range "29-30 November" keeps both). */
  days: number[];
}

/** Read "November 15, 2022", "15 November 2022", "2022-11-15", "15/11/2022", "29-30 November 2022". */
export function parseDate(s: string): DateValue | null {
  const t = s.trim().toLowerCase().replace(/(\d)(?:st|nd|rd|th)\b/g, '$1').replace(/\bof\b/g, ' ').replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]), days: [Number(m[3])] };
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) return { year: Number(m[3]), month: Number(m[2]), days: [Number(m[1])] }; // day first, as in most of the world
  const monthName = Object.keys(MONTHS).find((k) => new RegExp(`\\b${k}\\.?\\b`).test(t));
  if (!monthName) {
    m = /^(\d{4})$/.exec(t);
    return m ? { year: Number(m[1]), month: null, days: [] } : null;
  }
  const month = MONTHS[monthName] as number;
  const yearM = /\b(\d{4})\b/.exec(t);
  const year = yearM ? Number(yearM[1]) : null;
  const rest = t.replace(/\b\d{4}\b/, ' ');
  const dayRange = /\b(\d{1,2})\s*(?:-|–|to|and)\s*(\d{1,2})\b/.exec(rest);
  const days = dayRange ? [Number(dayRange[1]), Number(dayRange[2])] : (/\b(\d{1,2})\b/.exec(rest)?.slice(1).map(Number) ?? []);
  // Only a month and maybe a year, or with valid days.
  if (days.some((d) => d < 1 || d > 31)) return null;
  const leftover = rest.replace(new RegExp(`\\b${monthName}\\.?`), ' ').replace(/\b\d{1,2}\b/g, ' ').replace(/[\s,\-–]|to|and|on|the/g, '');
  if (leftover.length > 0) return null;
  return { year, month, days };
}

export function sameDate(a: DateValue, b: DateValue): boolean {
  if (a.year !== null && b.year !== null && a.year !== b.year) return false;
  if (a.month !== b.month) return false;
  if (a.days.length !== b.days.length) return false;
  return a.days.every((d, i) => d === b.days[i]);
}

/** A canonical string for a quantity or date, or null when s is neither. */
export function quantityKey(s: string): string | null {
  const d = parseDate(s);
  if (d && (d.month !== null || d.year !== null)) return `date:${d.year ?? '?'}-${d.month ?? '?'}-${d.days.join('/')}`;
  const q = parseQuantity(s);
  if (q) return `${q.kind}:${q.currency ?? ''}:${q.value}:${q.unit ?? ''}`;
  return null;
}
