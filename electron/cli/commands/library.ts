import { parseArgs } from 'node:util';
import { callOrThrow, printJson, UsageError, type Command } from '../command.js';
import { importCmd } from './import.js';

const docs: Command = {
  name: 'docs',
  summary: 'List the documents in the library.',
  usage: 'parallax docs [--json]',
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false });
    const list = await callOrThrow(ctx, 'docs.list', {});
    const rows = list.map((d) => ({ id: d.id, title: d.title, outlet: d.outlet, published: d.published, language: d.language, words: d.words, file: d.file }));
    if (ctx.json) printJson(ctx, rows);
    else if (rows.length === 0) ctx.io.out('The library is empty. Add documents with `parallax import FILE...`.\n');
    else for (const r of rows) ctx.io.out(`${r.id}  ${r.published ?? '          '}  ${r.title}${r.outlet ? ` (${r.outlet})` : ''}  ${r.words} words\n`);
    return 0;
  },
};

const show: Command = {
  name: 'show',
  summary: 'Show one document: metadata, text, passages and sentences.',
  usage: 'parallax show ID [--json]',
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('show takes one document id.');
    const d = await callOrThrow(ctx, 'docs.get', { id: positionals[0] });
    if (ctx.json) {
      printJson(ctx, {
        id: d.id,
        title: d.title,
        outlet: d.outlet,
        published: d.published,
        language: d.language,
        author: d.author,
        words: d.words,
        file: d.file,
        text: d.text,
        passages: d.passages.map((p) => ({ start: p.start, end: p.end, kind: p.kind })),
        sentences: d.sentences.map((s) => ({ start: s.start, end: s.end })),
      });
    } else {
      ctx.io.out(`${d.title}\n${[d.outlet, d.published, `${d.words} words`].filter(Boolean).join(' · ')}\n\n${d.text}\n`);
    }
    return 0;
  },
};

const search: Command = {
  name: 'search',
  summary: 'Search every document; results carry offsets into the document text.',
  usage: 'parallax search QUERY [--limit N] [--json]',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({ args, options: { limit: { type: 'string' } }, allowPositionals: true });
    if (positionals.length === 0) throw new UsageError('search needs a query.');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit takes a whole number from 1 to 200.');
    await ctx.lib.search.ready();
    const res = await callOrThrow(ctx, 'search.query', { query: positionals.join(' '), limit });
    if (ctx.json) {
      printJson(ctx, res.hits.map((h) => ({ docId: h.docId, score: h.score, start: h.start, end: h.end, snippet: h.snippet })));
    } else {
      if (res.hint) ctx.io.err(res.hint + '\n');
      if (res.hits.length === 0) ctx.io.out('No matches.\n');
      for (const h of res.hits) {
        let marked = '';
        let at = 0;
        for (const [s, e] of h.marks) {
          marked += h.snippet.slice(at, s) + '[' + h.snippet.slice(s, e) + ']';
          at = e;
        }
        marked += h.snippet.slice(at);
        ctx.io.out(`${h.docId} ${h.start}-${h.end}  ${h.title}\n  ${marked}\n`);
      }
    }
    return 0;
  },
};

const deleteCmd: Command = {
  name: 'delete',
  summary: 'Delete a document (and its highlights and notes).',
  usage: 'parallax delete ID [--yes] [--json]',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({ args, options: { yes: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('delete takes one document id.');
    const id = positionals[0];
    const impact = await callOrThrow(ctx, 'docs.deleteImpact', { id });
    if (!values.yes) {
      throw new UsageError(`This deletes the document with ${impact.highlights} highlight(s) and ${impact.notes} note(s). Run again with --yes to confirm.`);
    }
    const res = await callOrThrow(ctx, 'docs.delete', { id });
    if (ctx.json) printJson(ctx, res);
    else ctx.io.out(`deleted ${id} (${res.highlights} highlight(s), ${res.notes} note(s))\n`);
    return 0;
  },
};

export const libraryCommands: Command[] = [docs, show, search, importCmd, deleteCmd];
