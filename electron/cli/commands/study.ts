import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { callOrThrow, printJson, UsageError, type CliContext, type Command } from '../command.js';
import { errorCode, errorMessage, ParallaxError } from '../../core/errors.js';
import { pendingGeneration, refreshCards } from '../../core/study/index.js';

// Study from the command line: the deck, its export, and what is due.
//
// The CLI has no background thread: cards are prepared here, synchronously, with progress on
// stderr: at the end of `parallax import` (see commands/library.ts) and, for whatever is still
// out of date (the bundled corpus on first use, a library changed elsewhere), before a study
// command reads the deck. The read operations themselves never write.

/** Bring the cards up to date for the documents that changed (all stale ones when omitted). */
export function prepareCards(ctx: Pick<CliContext, 'lib' | 'io' | 'signal'>, docIds?: readonly string[]): void {
  if (!docIds && pendingGeneration(ctx.lib.db).pending === 0) return;
  if (docIds && docIds.length === 0) return;
  let last = -1;
  const summary = refreshCards(ctx.lib.db, {
    ...(docIds ? { docIds } : {}),
    // Ctrl+C ends the run between documents; what was done stays.
    shouldStop: () => ctx.signal?.aborted === true,
    onProgress: ({ done, total }) => {
      const line = `Preparing cards: ${done} of ${total} document${total === 1 ? '' : 's'}`;
      if (ctx.io.isTTY) return ctx.io.err(`\r${line}${done === total ? '\n' : ''}`);
      // Not a terminal: one line per tenth of the way (and the first and last), not one per document.
      const step = Math.floor((done / Math.max(1, total)) * 10);
      if (step === last && done !== total) return;
      last = step;
      ctx.io.err(`${line}\n`);
    },
  });
  if (ctx.signal?.aborted) ctx.io.err('Preparing cards stopped; the rest are made on the next study command.\n');
  else ctx.io.err(`Cards ready: ${summary.added} new, ${summary.updated} updated, ${summary.removed} removed; ${summary.total} in the deck.\n`);
}

const cards: Command = {
  name: 'cards',
  summary: 'List the flashcards (cards of new or changed documents are prepared first).',
  usage: 'parallax cards [--doc ID] [--json]',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { doc: { type: 'string' } }, allowPositionals: false });
    prepareCards(ctx);
    const list = await callOrThrow(ctx, 'cards.list', values.doc ? { docId: values.doc } : {});
    if (ctx.json) {
      printJson(
        ctx,
        list.map((c) => ({ id: c.id, kind: c.kind, prompt: c.prompt, answer: c.answer, docIds: c.docIds, passage: c.passage })),
      );
    } else if (list.length === 0) ctx.io.out('No cards yet: the library has no key passages to make them from.\n');
    else {
      for (const c of list) ctx.io.out(`${c.id}  ${c.kind}${c.suspended ? ' (suspended)' : ''}\n  Q: ${c.prompt}\n  A: ${c.answer}\n`);
      ctx.io.err(`${list.length} card(s)\n`);
    }
    return 0;
  },
};

/** Where the files of an export go: a folder (or a path ending in /) gets the suggested names. */
function targets(out: string, files: Array<{ name: string }>): string[] {
  const isDir = out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(out) && fs.statSync(out).isDirectory());
  if (isDir) return files.map((f) => path.join(out, f.name));
  // FILE takes the first (Cloze) file; further note types go next to it: deck.txt -> deck.basic.txt.
  const ext = path.extname(out);
  const stem = out.slice(0, out.length - ext.length);
  return files.map((f, i) => (i === 0 ? out : `${stem}.${f.name.replace(/^parallax-/, '').replace(/\.[^.]+$/, '')}${ext || '.txt'}`));
}

const cardsExport: Command = {
  name: 'cards export',
  summary: 'Export the deck for Anki (plain-text import, one file per note type) or as JSON.',
  usage: 'parallax cards export [--format anki|json] [--out FILE|DIR]',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { format: { type: 'string' }, out: { type: 'string' } }, allowPositionals: false });
    const format = values.format ?? 'anki';
    if (format !== 'anki' && format !== 'json') throw new UsageError('--format takes anki or json.');
    prepareCards(ctx);
    const res = await callOrThrow(ctx, 'cards.export', { format });
    if (!values.out) {
      // To stdout: the files one after another (Anki needs them saved as separate files).
      if (ctx.json && format === 'json') ctx.io.out(res.files[0]?.content ?? '');
      else ctx.io.out(res.files.map((f) => f.content).join('\n'));
      if (res.files.length > 1) ctx.io.err(`Anki imports one note type per file: use --out to write ${res.files.map((f) => f.name).join(' and ')}.\n`);
      return 0;
    }
    const paths = targets(values.out, res.files);
    try {
      res.files.forEach((f, i) => {
        const p = paths[i];
        fs.mkdirSync(path.dirname(path.resolve(p)), { recursive: true });
        fs.writeFileSync(p, f.content, 'utf8');
      });
    } catch (e) {
      throw new ParallaxError('IO_ERROR', `The export could not be written to ${values.out}: ${errorCode(e) ?? errorMessage(e)}.`);
    }
    const written = res.files.map((f, i) => ({ file: paths[i], notetype: f.notetype, cards: f.count }));
    if (ctx.json) printJson(ctx, written);
    else for (const w of written) ctx.io.err(`wrote ${w.file} (${w.cards} ${w.notetype ? `${w.notetype} ` : ''}card(s))\n`);
    return 0;
  },
};

const study: Command = {
  name: 'study',
  summary: 'Show what is due to study now (due cards, then new ones within the daily limit).',
  usage: 'parallax study --due|--stats [--limit N] [--json]',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { due: { type: 'boolean' }, limit: { type: 'string' }, stats: { type: 'boolean' } }, allowPositionals: false });
    if (values.stats || values.due) prepareCards(ctx);
    if (values.stats) {
      const stats = await callOrThrow(ctx, 'study.stats', {});
      if (ctx.json) printJson(ctx, stats);
      else {
        const s = stats.cardsByState;
        const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);
        ctx.io.out(
          `cards: ${s.total} (new ${s.new}, learning ${s.learning + s.relearning}, review ${s.review}, suspended ${s.suspended})\n` +
            `reviews: ${stats.totalReviews}; retention ${pct(stats.retention.last30Days)} (30 days), ${pct(stats.retention.allTime)} (all time)\n`,
        );
      }
      return 0;
    }
    if (!values.due) throw new UsageError('study needs --due (list what is due) or --stats. Study itself happens in the app.');
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit takes a whole number from 1 to 1000.');
    const queue = await callOrThrow(ctx, 'study.queue', { limit });
    if (ctx.json) {
      printJson(
        ctx,
        queue.items.map((i) => ({ id: i.card.id, kind: i.card.kind, reason: i.reason, state: i.card.state, due: i.card.due, prompt: i.card.prompt, answer: i.card.answer, docIds: i.card.docIds })),
      );
    } else {
      if (queue.items.length === 0) ctx.io.out('Nothing is due. Come back later, or raise the new cards per day.\n');
      for (const i of queue.items) ctx.io.out(`${i.card.id}  ${i.reason.padEnd(8)} ${i.card.prompt}\n`);
      ctx.io.err(`${queue.dueCount} due, ${queue.learningCount} learning, ${queue.newCount} new (of ${queue.newLeftToday} allowed today)\n`);
    }
    return 0;
  },
};

export const studyCommands: Command[] = [cards, cardsExport, study];
