// The fixed query set of the benchmark: what a person types, mixed. Pseudo-words are
// taken from the generated vocabulary at fixed Zipf ranks, so the set is the same for the
// same corpus. Each query also has its SQLite FTS5 form for the reference column.

export interface QuerySet {
  mixed: string[];
  prefix: string[];
}

export function buildQuerySet(probes: string[]): QuerySet {
  const [p1, p2, p3, p4, p5] = [probes[0] ?? 'nato', probes[1] ?? 'ukraine', probes[2] ?? 'russia', probes[3] ?? 'gripen', probes[4] ?? 'moldova'];
  const mixed = [
    'russia',
    'nato',
    'ukraine',
    'support',
    'ministers',
    'Gripen',
    'Stoltenberg',
    'Bucharest',
    'Moldova',
    'blackmail',
    'russian aggression',
    'energy infrastructure',
    'support ukraine winter',
    'china security challenges',
    'nato gripen sweden',
    '"energy blackmail"',
    '"war of aggression"',
    '"territorial integrity"',
    '"foreign ministers"',
    '+ukraine -russia',
    'title:nato',
    p1,
    p2,
    p3,
    p4,
    p5,
    `${p2} ${p4}`,
    `${p3} ukraine`,
    'annex*',
    'sup*',
  ];
  const prefix = ['annex*', 'sup*', 'co*', 'a*', 'ru*', 'st*', 'mini*', 'ener*', `${p2.slice(0, 2)}*`, `${p3.slice(0, 3)}*`, `${p5.slice(0, 4)}*`];
  return { mixed, prefix };
}

const quote = (w: string): string => `"${w.replace(/"/g, '""')}"`;

/** The same query in FTS5's syntax: optional words OR'ed, +required AND'ed, -words NOT, "phrases". */
export function toFts5(q: string): string {
  const required: string[] = [];
  const optional: string[] = [];
  const prohibited: string[] = [];
  for (const m of q.matchAll(/([+-]?)(?:"([^"]*)"|(\S+))/g)) {
    const sign = m[1];
    let expr: string;
    if (m[2] !== undefined) {
      const words = m[2].split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (!words.length) continue;
      expr = quote(words.join(' '));
      (sign === '-' ? prohibited : required).push(expr);
      continue;
    }
    let w = m[3] as string;
    let column = '';
    const field = /^(title|outlet|text):/.exec(w);
    if (field) {
      column = `${field[1]} : `;
      w = w.slice(field[0].length);
    }
    const prefix = w.endsWith('*');
    const word = w.replace(/\*+$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!word) continue;
    expr = `${column}${quote(word)}${prefix ? '*' : ''}`;
    (sign === '+' ? required : sign === '-' ? prohibited : optional).push(expr);
  }
  let out = required.length ? required.join(' AND ') : `(${optional.join(' OR ')})`;
  for (const p of prohibited) out += ` NOT ${p}`;
  return out;
}
