import { parseArgs } from 'node:util';
import { errorMessage } from '../core/errors.js';

export interface ServeOptions {
  host: string;
  port: number;
  dataDir?: string;
  rendererDir?: string;
  allowRemote: boolean;
  help: boolean;
}

export class ServeUsageError extends Error {}

export const SERVE_USAGE = [
  'Usage: npm run serve -- [--port N] [--data DIR] [--host ADDR [--allow-remote]]',
  '',
  'Serves the Parallax app and its library to a web browser on this machine.',
  '',
  '  --port N          port to listen on (default 0: any free port)',
  '  --data DIR        library folder (default: the desktop app’s, or $PARALLAX_DATA_DIR)',
  '  --host ADDR       address to bind (default 127.0.0.1; only loopback unless --allow-remote)',
  '  --allow-remote    allow a non-loopback --host (anyone who can reach it and has the token',
  '                    can read and change your library)',
  '  --renderer DIR    built renderer to serve (default: dist/renderer)',
].join('\n');

/** Loopback addresses: 127.0.0.0/8, ::1 and the name localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return !!m && m.slice(1).every((n) => Number(n) <= 255);
}

export function parseServeArgs(argv: string[]): ServeOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        renderer: { type: 'string' },
        'allow-remote': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new ServeUsageError(errorMessage(e));
  }
  const portText = values.port ?? '0';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new ServeUsageError(`--port must be a number from 0 to 65535, not “${portText}”.`);
  const host = values.host ?? '127.0.0.1';
  const allowRemote = values['allow-remote'] ?? false;
  if (!isLoopback(host) && !allowRemote) {
    throw new ServeUsageError(
      `Refusing to listen on ${host}: it is not a loopback address, so other machines could reach your library. ` +
        'Use --host 127.0.0.1, or add --allow-remote if you really mean it.',
    );
  }
  return { host, port: Number(portText), dataDir: values.data, rendererDir: values.renderer, allowRemote, help: values.help ?? false };
}
