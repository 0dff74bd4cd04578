import path from 'node:path';
import { createDispatcher } from '../api/handlers.js';
import { listBackups } from '../core/db/backup.js';
import { DamagedLibraryError } from '../core/db/integrity.js';
import { DB_FILE_NAME } from '../core/db/open.js';
import { errorCode, errorMessage, isParallaxError } from '../core/errors.js';
import { openLibrary } from '../core/library.js';
import { defaultDataDir } from '../core/paths.js';
import { UsageError, type CliIO } from './command.js';
import { COMMANDS } from './commands/index.js';

const HELP = (): string =>
  [
    'parallax: the Parallax library from the command line.',
    '',
    'Usage: parallax [--data DIR] [--json] COMMAND [ARGS]',
    '',
    'Global options:',
    '  --data DIR   library folder (default: the desktop app’s, or $PARALLAX_DATA_DIR)',
    '  --json       machine-readable output on stdout, nothing else on stdout',
    '  --read-only  open the library without writing to it (also a damaged one, to rescue what reads)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`),
    '',
  ].join('\n');

/** Split global options (anywhere on the line) from the command's own arguments. */
function splitGlobal(argv: string[]): { data?: string; json: boolean; help: boolean; readOnly: boolean; rest: string[] } {
  const rest: string[] = [];
  let data: string | undefined;
  let json = false;
  let help = false;
  let readOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--read-only') readOnly = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a === '--data') {
      data = argv[++i];
      if (data === undefined) throw new UsageError('--data needs a folder.');
    } else if (a.startsWith('--data=')) data = a.slice('--data='.length);
    else if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    else rest.push(a);
  }
  return { data, json, help, readOnly, rest };
}

/** What a person can do about a library that cannot be opened as it is. */
function damagedAdvice(dbPath: string, damaged: boolean): string {
  const newest = listBackups(dbPath).at(-1);
  return [
    'What you can do:',
    ...(damaged ? ['  parallax --read-only docs            read (and export, e.g. `parallax --read-only highlights export`) what is still there'] : []),
    '  parallax check                       the full report of what is wrong',
    newest ? `  parallax restore ${newest.file}
                                       go back to the newest backup (${newest.at}); \`parallax backups\` lists them all` : '  (there are no backups of this library to restore)',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO, options: { signal?: AbortSignal } = {}): Promise<number> {
  let lib: Awaited<ReturnType<typeof openLibrary>> | undefined;
  const { signal } = options;
  // Ctrl+C: close at once (the import thread is stopped, the database checkpointed and closed);
  // the command sees its calls fail or its signal aborted and returns.
  const onAbort = (): void => void lib?.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  let dbPath = '';
  try {
    const g = splitGlobal(argv);
    const words = g.rest;
    // Two-word commands ("highlights export") are matched before one-word ones.
    const cmd =
      COMMANDS.find((c) => c.name.includes(' ') && c.name === words.slice(0, 2).join(' ')) ?? COMMANDS.find((c) => c.name === words[0]);
    if (g.help || words.length === 0) {
      io.out(HELP());
      return words.length === 0 && !g.help ? 2 : 0;
    }
    if (!cmd) throw new UsageError(`Unknown command “${words[0]}”. Run parallax --help for the list.`);
    const dataDir = path.resolve(g.data ?? defaultDataDir());
    dbPath = path.join(dataDir, DB_FILE_NAME);
    const args = words.slice(cmd.name.split(' ').length);
    if ('onFile' in cmd) return await cmd.run(args, { dataDir, dbPath, json: g.json, io });
    lib = await openLibrary({ dataDir, readonly: g.readOnly, allowDamaged: g.readOnly });
    if (signal?.aborted) return 130;
    if (lib.damage) io.err(`parallax: the library is damaged and open read-only; what reads is shown, nothing is written.\n`);
    const dispatcher = createDispatcher(lib, (m) => io.err(m + '\n'));
    return await cmd.run(args, { lib, dispatcher, json: g.json, io, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (signal?.aborted) {
      io.err('parallax: stopped.\n');
      return 130;
    }
    if (e instanceof UsageError) {
      io.err(`parallax: ${e.message}\n`);
      return 2;
    }
    if (isParallaxError(e)) {
      io.err(`parallax: ${e.message}\n`);
      if (e.code === 'DB_CORRUPT' && dbPath) io.err(damagedAdvice(dbPath, e instanceof DamagedLibraryError) + '\n');
      return 1;
    }
    if (errorCode(e)?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`parallax: ${errorMessage(e)}\n`);
      return 2;
    }
    io.err(`parallax: unexpected error: ${errorMessage(e)}\n`);
    if (process.env.PARALLAX_DEBUG) io.err(String(e instanceof Error ? e.stack : undefined) + '\n');
    return 1;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await lib?.close();
  }
}

/** SIGINT/SIGTERM end the CLI within 2 s whatever runs: a clean close first, a hard exit if that stalls. */
const STOP_DEADLINE_MS = 1500;

export async function main(argv = process.argv.slice(2)): Promise<void> {
  // `parallax search x | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const stop = new AbortController();
  let stopCode = 130;
  const onSignal = (sig: NodeJS.Signals): void => {
    if (stop.signal.aborted) process.exit(sig === 'SIGINT' ? 130 : 143);
    // The shell's convention: 128 + the signal's number.
    stopCode = sig === 'SIGINT' ? 130 : 143;
    stop.abort();
    process.stderr.write(`\nparallax: ${sig}, stopping…\n`);
    setTimeout(() => process.exit(sig === 'SIGINT' ? 130 : 143), STOP_DEADLINE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const code = await runCli(
    argv,
    {
      out: (t) => process.stdout.write(t),
      err: (t) => process.stderr.write(t),
      isTTY: Boolean(process.stderr.isTTY),
    },
    { signal: stop.signal },
  );
  process.exitCode = stop.signal.aborted ? stopCode : code;
}
