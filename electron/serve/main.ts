import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../api/handlers.js';
import { errorCode, errorMessage, isParallaxError } from '../core/errors.js';
import { openLibrary, type Library } from '../core/library.js';
import { defaultDataDir } from '../core/paths.js';
import { startStudyBackground } from '../core/study/index.js';
import { parseServeArgs, SERVE_USAGE, ServeUsageError } from './options.js';
import { startHost, type RunningHost } from './server.js';

const STOP_DEADLINE_MS = 1700;

/** dist/electron/serve/main.js -> dist/renderer */
function defaultRendererDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'renderer');
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  let options;
  try {
    options = parseServeArgs(argv);
  } catch (e) {
    if (e instanceof ServeUsageError) {
      process.stderr.write(`parallax serve: ${e.message}\n\n${SERVE_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (options.help) {
    process.stdout.write(SERVE_USAGE + '\n');
    return 0;
  }
  const rendererDir = path.resolve(options.rendererDir ?? defaultRendererDir());
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write(`parallax serve: no built renderer in ${rendererDir}. Run \`npm run build\` first.\n`);
    return 1;
  }

  let lib: Library;
  try {
    lib = await openLibrary({ dataDir: options.dataDir ?? defaultDataDir() });
  } catch (e) {
    process.stderr.write(`parallax serve: ${isParallaxError(e) ? e.message : `the library could not be opened (${errorMessage(e)}).`}\n`);
    if (isParallaxError(e) && e.code === 'DB_CORRUPT') {
      process.stderr.write(
        'parallax serve: nothing was written to it. `parallax check` reports what is wrong, `parallax --read-only …` reads and exports what is left, ' +
          '`parallax backups` and `parallax restore FILE` bring back a backup.\n',
      );
    }
    return 1;
  }
  const dispatcher = createDispatcher(lib, (m) => process.stderr.write(m + '\n'));
  // Cards are prepared off the event loop, after changes and at first start (ended by lib.close()).
  startStudyBackground(lib, { log: (m) => process.stderr.write(m + '\n') });

  let host: RunningHost;
  try {
    host = await startHost({ backend: dispatcher, rendererDir, host: options.host, port: options.port });
  } catch (e) {
    const why = errorCode(e) === 'EADDRINUSE' ? `port ${options.port} is already in use; choose another with --port, or --port 0 for any free one` : errorMessage(e);
    process.stderr.write(`parallax serve: cannot listen on ${options.host}:${options.port}: ${why}.\n`);
    await lib.close();
    return 1;
  }

  process.stdout.write(`Parallax is serving the library in ${lib.dataDir}\n`);
  process.stdout.write('Open this address in a browser on this machine (Ctrl+C stops):\n');
  process.stdout.write(`${host.url}\n`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    // SIGTERM/Ctrl+C end the host within 2 s whatever runs: the library closes first (the import
    // thread is stopped, so a file being read is never half-written; the WAL is checkpointed),
    // then the server; if anything stalls, the process leaves anyway (SQLite stays consistent).
    const stop = (signal: string) => {
      if (stopping) {
        process.exit(1);
      }
      stopping = true;
      process.stderr.write(`parallax serve: ${signal}, closing the library…\n`);
      setTimeout(() => {
        process.stderr.write('parallax serve: closing took too long; leaving now.\n');
        process.exit(1);
      }, STOP_DEADLINE_MS).unref();
      void (async () => {
        await lib.close().catch((e: unknown) => process.stderr.write(`parallax serve: closing the library failed: ${String(e)}\n`));
        await host.close();
        resolve(0);
      })();
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}

const isEntry = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`parallax serve: unexpected error: ${errorMessage(e)}\n`);
      process.exit(1);
    },
  );
}
