import { parentPort } from 'node:worker_threads';
import { errorMessage, ParallaxError, isParallaxError } from '../errors.js';
import { decodeImportFile, importFormat } from './decode.js';
import { checkImportLimits, type ImportLimits } from './limits.js';
import { detectEncoding } from './sniff.js';

// Entry of the import thread: decodes one file at a time (bytes in, DecodedFile out, no DB),
// under the limits the runner sets. A file that hangs the parser or runs out of memory takes
// only this thread down; the runner terminates and replaces it.

export interface DecodeRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  limits: ImportLimits;
}

export type DecodeReply =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: string; message: string };

/** Limits first (a linear scan, no recursion), then the decoder. */
export async function decodeWithLimits(name: string, bytes: Uint8Array, limits: ImportLimits): Promise<unknown> {
  const format = importFormat(name);
  if ((format === 'html' || format === 'markdown') && bytes.length > 0) {
    const enc = detectEncoding(bytes);
    const label = enc === 'utf-16le' || enc === 'utf-16be' ? enc : 'utf-8';
    checkImportLimits(name, format, new TextDecoder(label).decode(bytes), limits);
  }
  return decodeImportFile(name, bytes);
}

const port = parentPort;
if (port) {
  port.on('message', (req: DecodeRequest) => {
    decodeWithLimits(req.name, req.bytes, req.limits).then(
      (value) => port.postMessage({ id: req.id, ok: true, value } satisfies DecodeReply),
      (e: unknown) => {
        // A stack overflow in a parser is hostile input too: name the file, not the stack.
        const overflow = e instanceof RangeError && /call stack/i.test(e.message);
        const err = isParallaxError(e)
          ? e
          : overflow
            ? new ParallaxError('IMPORT_TOO_COMPLEX', `${req.name} is too deeply nested to import. Simplify the file (or save it as plain text) and import it again.`)
            : new ParallaxError('INTERNAL', `${req.name} could not be read: ${errorMessage(e)}`);
        port.postMessage({ id: req.id, ok: false, code: err.code, message: err.message } satisfies DecodeReply);
      },
    );
  });
  // Loaded (decoders included): the runner starts a file's clock only from here.
  port.postMessage({ ready: true } satisfies DecodeReply);
}
