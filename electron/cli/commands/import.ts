import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { callOrThrow, printJson, UsageError, type CliContext, type Command } from '../command.js';
import { SUPPORTED_EXTENSIONS } from '../../core/corpus/decode.js';
import { errorCode, errorMessage } from '../../core/errors.js';
import { prepareCards } from './study.js';

// `parallax import` takes any number of files and folders (folders are walked for the types
// Parallax reads), or `-` for standard input. It sends them through docs.import in batches that
// stay inside the contract's per-call limits, with a progress line on stderr and a summary.

/** Per call: the contract allows 200 files and 30 MB of base64 per file; keep a call well inside. */
const BATCH_FILES = 100;
const BATCH_BYTES = 40 * 1024 * 1024;
const MAX_FILE_BYTES = 25 * 1024 * 1024;

type Outcome =
  | { file: string; id: string; replaced: boolean }
  | { file: string; error: { code: string; message: string } }
  | { file: string; skipped: string };

interface Source {
  /** Position in the order the files were named (folders expanded in name order). */
  seq: number;
  /** What the person named (path, or "-" for stdin). */
  file: string;
  name: string;
  read: () => Buffer;
}

const supported = (p: string): boolean => SUPPORTED_EXTENSIONS.includes(path.extname(p).toLowerCase());

function errnoSentence(p: string, e: unknown): string {
  const code = errorCode(e);
  const why =
    code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : errorMessage(e);
  return `${p} could not be read: ${why}.`;
}

/** Expand folders (recursively, in name order) into files; unreadable entries become outcomes. */
function collect(paths: string[], stdinName: string, skipped: Array<Outcome & { seq: number }>): Source[] {
  const out: Source[] = [];
  let seq = 0;
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (e) {
      skipped.push({ seq: seq++, file: dir, error: { code: 'IO_ERROR', message: errnoSentence(dir, e) } });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue; // hidden files and folders (.git, .DS_Store)
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() || e.isSymbolicLink()) {
        if (supported(p)) out.push({ seq: seq++, file: p, name: e.name, read: () => fs.readFileSync(p) });
        else skipped.push({ seq: seq++, file: p, skipped: `${p} was skipped: Parallax does not import ${path.extname(p) || 'files without an extension'}.` });
      }
    }
  };
  for (const p of paths) {
    if (p === '-') {
      out.push({ seq: seq++, file: '-', name: stdinName, read: () => fs.readFileSync(0) });
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      skipped.push({ seq: seq++, file: p, error: { code: 'IO_ERROR', message: errnoSentence(p, e) } });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.push({ seq: seq++, file: p, name: path.basename(p), read: () => fs.readFileSync(p) });
  }
  return out;
}

function progress(ctx: CliContext, done: number, total: number, last: boolean): void {
  const line = `importing ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files…`;
  if (ctx.io.isTTY) ctx.io.err(`\r${line}${last ? '\n' : ''}`);
  else if (last || done === 0 || total > BATCH_FILES) ctx.io.err(`${line}\n`);
}

export const importCmd: Command = {
  name: 'import',
  summary: 'Import files and folders (.txt, .md, .html, .pdf, .epub, .docx; - for standard input); each file is reported on its own.',
  usage: 'parallax import FILE|FOLDER|-... [--name NAME] [--json]',
  async run(args, ctx) {
    const { positionals, values } = parseArgs({ args, options: { name: { type: 'string' } }, allowPositionals: true });
    if (positionals.length === 0) throw new UsageError('import needs at least one file or folder (or - for standard input).');
    if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be named once.');
    const stdinName = values.name ?? 'stdin.txt';
    if (values.name !== undefined && !supported(stdinName)) throw new UsageError(`--name must end in one of ${SUPPORTED_EXTENSIONS.join(', ')} (it sets the format of standard input).`);
    const results: Array<Outcome & { seq: number }> = [];
    const sources = collect(positionals, stdinName, results);
    const total = sources.length;
    let done = 0;
    progress(ctx, 0, total, total === 0);
    for (let i = 0; i < sources.length && !ctx.signal?.aborted; ) {
      // Read one batch at a time: 250 files are never all in memory at once.
      const batch: Array<{ source: Source; name: string; dataBase64: string }> = [];
      let bytes = 0;
      for (; i < sources.length && batch.length < BATCH_FILES && bytes < BATCH_BYTES; i++) {
        const s = sources[i];
        try {
          const data = s.read();
          if (data.length > MAX_FILE_BYTES) {
            results.push({ seq: s.seq, file: s.file, error: { code: 'TOO_LARGE', message: `${s.name} is ${(data.length / 1048576).toFixed(1)} MB; the limit is 20 MB.` } });
            continue;
          }
          batch.push({ source: s, name: s.name, dataBase64: data.toString('base64') });
          bytes += data.length;
        } catch (e) {
          results.push({ seq: s.seq, file: s.file, error: { code: 'IO_ERROR', message: errnoSentence(s.file, e) } });
        }
      }
      if (batch.length) {
        const outcomes = await callOrThrow(ctx, 'docs.import', { files: batch.map(({ name, dataBase64 }) => ({ name, dataBase64 })) });
        outcomes.forEach((o, k) => {
          const file = batch[k]?.source.file ?? o.file;
          const seq = batch[k]?.source.seq ?? 0;
          results.push('id' in o ? { seq, file, id: o.id, replaced: o.replaced ?? false } : { seq, file, error: o.error });
        });
      }
      done = i;
      progress(ctx, done, total, done === total);
    }
    // Reported in the order the files were named, whether they were read or not.
    results.sort((a, b) => a.seq - b.seq);
    const imported = results.flatMap((r) => ('id' in r ? [r.id] : []));
    // No background in the CLI: the new documents' cards are made now (progress on stderr).
    if (!ctx.signal?.aborted) prepareCards(ctx, imported);

    const failed = results.filter((r) => 'error' in r).length;
    const skipped = results.filter((r) => 'skipped' in r).length;
    const replaced = results.filter((r) => 'id' in r && r.replaced).length;
    if (ctx.json) printJson(ctx, results.map(({ seq: _seq, ...r }) => r));
    else {
      for (const r of results) {
        if ('id' in r) ctx.io.out(`${r.replaced ? 'replaced' : 'imported'} ${r.file} as ${r.id}\n`);
        else if ('error' in r) ctx.io.err(`${r.file}: ${r.error.message}\n`);
        else ctx.io.err(`${r.skipped}\n`);
      }
    }
    const stopped = ctx.signal?.aborted ? `; stopped early, ${total - done} not tried` : '';
    ctx.io.err(
      `${imported.length} imported${replaced ? ` (${replaced} as new versions)` : ''}, ${failed} failed, ${skipped} skipped${stopped}.\n`,
    );
    return failed > 0 || ctx.signal?.aborted ? 1 : 0;
  },
};
