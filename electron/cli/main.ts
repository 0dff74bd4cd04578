import { createDispatcher } from '../api/handlers.js';
import { isParallaxError } from '../core/errors.js';
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
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`),
    '',
  ].join('\n');

/** Split global options (anywhere on the line) from the command's own arguments. */
function splitGlobal(argv: string[]): { data?: string; json: boolean; help: boolean; rest: string[] } {
  const rest: string[] = [];
  let data: string | undefined;
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') json = true;
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
  return { data, json, help, rest };
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let lib: Awaited<ReturnType<typeof openLibrary>> | undefined;
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
    lib = await openLibrary({ dataDir: g.data ?? defaultDataDir() });
    const dispatcher = createDispatcher(lib, (m) => io.err(m + '\n'));
    const args = words.slice(cmd.name.split(' ').length);
    return await cmd.run(args, { lib, dispatcher, json: g.json, io });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`parallax: ${e.message}\n`);
      return 2;
    }
    if (isParallaxError(e)) {
      io.err(`parallax: ${e.message}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err === 'object' && 'code' in err && (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`parallax: ${err.message}\n`);
      return 2;
    }
    io.err(`parallax: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
    if (process.env.PARALLAX_DEBUG) io.err(String((e as Error)?.stack) + '\n');
    return 1;
  } finally {
    await lib?.close();
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  // `parallax search x | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const code = await runCli(argv, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
  process.exitCode = code;
}
