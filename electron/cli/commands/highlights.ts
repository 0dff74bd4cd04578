import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { callOrThrow, printJson, UsageError, type CliContext, type Command } from '../command.js';
import { HIGHLIGHT_COLORS, type HighlightColor, type HighlightView } from '../../api/contract/annotate.js';
import { errorCode, errorMessage, ParallaxError } from '../../core/errors.js';

const COLORS = HIGHLIGHT_COLORS.join('|');

function color(value: string | undefined): HighlightColor | undefined {
  if (value === undefined) return undefined;
  if (!(HIGHLIGHT_COLORS as readonly string[]).includes(value)) throw new UsageError(`--color takes one of ${HIGHLIGHT_COLORS.join(', ')}.`);
  return value as HighlightColor;
}

function offset(value: string | undefined, name: string): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`${name} must be a whole number (a character offset).`);
  return n;
}

/** The shape `parallax highlights --json` promises. */
const row = (h: HighlightView) => ({ id: h.id, docId: h.docId, start: h.start, end: h.end, exact: h.exact, color: h.color, note: h.note, orphan: h.orphan });

const oneLine = (s: string, max = 70): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
};

function printHighlight(ctx: CliContext, h: HighlightView): void {
  const where = h.orphan ? 'could not be placed' : `${h.start}-${h.end}`;
  ctx.io.out(`${h.id}  ${h.docId}  ${where}  ${h.color}  “${oneLine(h.exact)}”${h.note ? `\n    note: ${oneLine(h.note)}` : ''}\n`);
}

const list: Command = {
  name: 'highlights',
  summary: 'List highlights (all, or one document’s), with their notes.',
  usage: `parallax highlights [--doc ID] [--color ${COLORS}] [--text WORDS] [--json]`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: { doc: { type: 'string' }, color: { type: 'string' }, text: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length) throw new UsageError(`Unknown highlights subcommand “${positionals[0]}”: use add, edit, delete, export or import.`);
    const res = await callOrThrow(ctx, 'highlights.list', { docId: values.doc, color: color(values.color), text: values.text });
    if (ctx.json) printJson(ctx, res.map(row));
    else if (res.length === 0) ctx.io.out('No highlights yet. Add one with `parallax highlights add DOC START END`.\n');
    else for (const h of res) printHighlight(ctx, h);
    return 0;
  },
};

const add: Command = {
  name: 'highlights add',
  summary: 'Highlight characters START to END of a document.',
  usage: `parallax highlights add DOC START END [--color ${COLORS}] [--note TEXT] [--json]`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { color: { type: 'string' }, note: { type: 'string' } }, allowPositionals: true });
    if (positionals.length !== 3) throw new UsageError('highlights add takes a document id, a start and an end offset.');
    const [docId, start, end] = positionals;
    const h = await callOrThrow(ctx, 'highlights.create', {
      docId,
      start: offset(start, 'START'),
      end: offset(end, 'END'),
      color: color(values.color) ?? 'yellow',
      note: values.note,
    });
    if (ctx.json) printJson(ctx, row(h));
    else printHighlight(ctx, h);
    return 0;
  },
};

const edit: Command = {
  name: 'highlights edit',
  summary: 'Change a highlight’s colour or note (an empty --note removes it).',
  usage: `parallax highlights edit ID [--color ${COLORS}] [--note TEXT] [--json]`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { color: { type: 'string' }, note: { type: 'string' } }, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('highlights edit takes one highlight id.');
    if (values.color === undefined && values.note === undefined) throw new UsageError('Give --color, --note or both.');
    const h = await callOrThrow(ctx, 'highlights.update', { id: positionals[0], color: color(values.color), note: values.note });
    if (ctx.json) printJson(ctx, row(h));
    else printHighlight(ctx, h);
    return 0;
  },
};

const del: Command = {
  name: 'highlights delete',
  summary: 'Delete a highlight and its note.',
  usage: 'parallax highlights delete ID [--json]',
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('highlights delete takes one highlight id.');
    const h = await callOrThrow(ctx, 'highlights.delete', { id: positionals[0] });
    if (ctx.json) printJson(ctx, row(h));
    else ctx.io.out(`deleted ${h.id} (“${oneLine(h.exact, 50)}”)\n`);
    return 0;
  },
};

const exportCmd: Command = {
  name: 'highlights export',
  summary: 'Export highlights and notes as Markdown or W3C Web Annotation JSON-LD.',
  usage: 'parallax highlights export --format md|w3c [--doc ID] [--out FILE]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string' }, out: { type: 'string' }, doc: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length) throw new UsageError('highlights export takes no file name; use --out FILE.');
    if (values.format !== 'md' && values.format !== 'w3c') throw new UsageError('--format takes md or w3c.');
    const res = await callOrThrow(ctx, 'annotations.export', { format: values.format, docId: values.doc });
    if (values.out === undefined) {
      ctx.io.out(res.content);
      return 0;
    }
    try {
      fs.writeFileSync(values.out, res.content, 'utf8');
    } catch (e) {
      throw new ParallaxError('IO_ERROR', `${values.out} could not be written: ${errorCode(e) ?? errorMessage(e)}.`);
    }
    if (ctx.json) printJson(ctx, { file: values.out, count: res.count, format: values.format });
    else ctx.io.err(`wrote ${res.count} annotation(s) to ${values.out}\n`);
    return 0;
  },
};

const importCmd: Command = {
  name: 'highlights import',
  summary: 'Import W3C Web Annotation JSON (as exported); nothing changes if the file is malformed.',
  usage: 'parallax highlights import FILE [--json]',
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('highlights import takes one file.');
    const file = positionals[0];
    let content: string;
    try {
      content = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new ParallaxError('IO_ERROR', `${file} could not be read: ${errorCode(e) ?? errorMessage(e)}.`);
    }
    if (content.length === 0) throw new ParallaxError('EMPTY_FILE', `${file} is empty.`);
    const res = await callOrThrow(ctx, 'annotations.import', { content });
    if (ctx.json) printJson(ctx, res);
    else {
      ctx.io.out(`imported ${res.imported}, could not be placed ${res.orphans}, skipped ${res.skipped}\n`);
      for (const m of res.messages) ctx.io.err(m + '\n');
    }
    return 0;
  },
};

export const highlightCommands: Command[] = [list, add, edit, del, exportCmd, importCmd];
