// The one text a document is stored as. Every offset in the library points into the output
// of normaliseText, so it must be deterministic and idempotent: normalising stored text
// again changes nothing.

// Every way a line can end becomes LF; form feed and vertical tab act as line breaks too.
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g;
// Invisible characters that carry no reading content (BOM / zero-width no-break space,
// zero-width space, word joiner, soft hyphen) and C0/C1 controls other than tab and LF.
// Zero-width (non-)joiners stay: some scripts and emoji need them.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\uFEFF\u200B\u2060\u00AD\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
// Tabs, no-break and typographic spaces: all a plain space, runs of them one space. Written
// to match only what changes (a lone plain space is left alone), which keeps it fast.
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000][\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*| [\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

export function normaliseText(raw: string): string {
  let t = raw.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '');
  // Composition after removals, so a mark that a removed character separated from its base joins it.
  t = t.normalize('NFC');
  t = t.replace(SPACES, ' ');
  // Stray indentation and trailing space on each line (the seed files' " date ..." and "  • ...").
  t = t.replace(/ \n ?|\n /g, '\n');
  t = t.replace(/\n{3,}/g, '\n\n');
  // Only spaces and LFs are left of all whitespace, so trim() removes exactly those.
  return t.trim();
}
