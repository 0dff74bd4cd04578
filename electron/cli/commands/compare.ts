import { parseArgs } from 'node:util';
import { callOrThrow, printJson, UsageError, type CliContext, type Command } from '../command.js';
import type { DiffPartView } from '../../api/contract/compare.js';

// `parallax compare A B` (sentence links between two documents) and `parallax statements`
// (what several sources say, and which sources say it).

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Word differences in brackets: [-removed-] {+added+}. */
function inlineDiff(parts: DiffPartView[]): string {
  return parts
    .map((p) => {
      if (p.op === 'equal' || p.minor) return p.op === 'added' ? '' : p.aText || p.bText;
      if (p.op === 'removed') return `[-${p.aText}-]`;
      if (p.op === 'added') return `{+${p.bText}+}`;
      return `[-${p.aText}-]{+${p.bText}+}`;
    })
    .join('');
}

async function titleOf(ctx: CliContext, id: string): Promise<string> {
  const d = await callOrThrow(ctx, 'docs.get', { id });
  return d.outlet ? `${d.title} (${d.outlet})` : d.title;
}

const compare: Command = {
  name: 'compare',
  summary: 'Link the sentences of two documents that say the same thing.',
  usage: 'parallax compare ID_A ID_B [--diff] [--json]',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({ args, options: { diff: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length !== 2) throw new UsageError('compare takes two document ids (see `parallax docs`).');
    const [a, b] = positionals as [string, string];
    const pair = await callOrThrow(ctx, 'compare.pair', { a, b });
    if (ctx.json) {
      printJson(ctx, {
        a: pair.a,
        b: pair.b,
        links: pair.links.map((l) => ({
          a: { start: l.a.start, end: l.a.end, text: l.a.text },
          b: { start: l.b.start, end: l.b.end, text: l.b.text },
          score: l.score,
          kind: l.kind,
          ...(values.diff ? { diff: l.diff } : {}),
        })),
      });
      return 0;
    }
    const [ta, tb] = await Promise.all([titleOf(ctx, a), titleOf(ctx, b)]);
    ctx.io.out(`A ${a}  ${ta}\nB ${b}  ${tb}\n${pair.links.length} linked passage(s)\n`);
    for (const l of pair.links) {
      ctx.io.out(`\n${l.kind === 'same' ? '=' : '~'} ${l.score.toFixed(2)}  A ${l.a.start}-${l.a.end}  B ${l.b.start}-${l.b.end}\n`);
      if (values.diff && l.kind !== 'same') ctx.io.out(`  ${oneLine(inlineDiff(l.diff.parts))}\n`);
      else ctx.io.out(`  A: ${oneLine(l.a.text)}\n  B: ${oneLine(l.b.text)}\n`);
      const notable = l.diff.notable.filter((n) => n.kind !== 'quoted');
      for (const n of notable) ctx.io.out(`  ! ${n.kind}: “${n.a || '—'}” / “${n.b || '—'}”\n`);
    }
    return 0;
  },
};

const statements: Command = {
  name: 'statements',
  summary: 'Statements several documents carry, most widely carried first.',
  usage: 'parallax statements [ID...] [--json]',
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
    const m = await callOrThrow(ctx, 'compare.matrix', positionals.length ? { docIds: positionals } : {});
    if (ctx.json) {
      printJson(
        ctx,
        m.statements.map((s) => ({ id: s.id, sources: s.sources.map(({ docId, start, end, text }) => ({ docId, start, end, text })) })),
      );
      return 0;
    }
    if (m.statements.length === 0) {
      ctx.io.out('No statement is carried by two documents or more.\n');
      return 0;
    }
    const letters = m.documents.map((_d, i) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''));
    m.documents.forEach((d, i) => ctx.io.out(`${letters[i]}  ${d.id}  ${d.title}${d.outlet ? ` (${d.outlet})` : ''}\n`));
    ctx.io.out('\n' + letters.join(' ') + '\n');
    for (const s of m.statements) {
      const cells = m.documents.map((d) => ({ present: '■', variant: '▣', absent: '·' })[s.cells[d.id] ?? 'absent']).join(' ');
      const text = oneLine(s.text);
      ctx.io.out(`${cells}  ${text.length > 100 ? text.slice(0, 99) + '…' : text}\n`);
    }
    ctx.io.out(`\n■ in these words  ▣ in other words  · not carried\n`);
    return 0;
  },
};

export const compareCommands: Command[] = [compare, statements];
