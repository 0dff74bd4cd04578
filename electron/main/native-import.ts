// File > Import…: the files a person picked in the native dialog are read here in main and go
// through the contract's docs.import like any other import, so validation and outcomes match
// the renderer's own picker and the CLI. The renderer never gets file-system access.

import fs from 'node:fs/promises';
import path from 'node:path';
import type { Dispatcher } from '../api/handlers.js';
import type { ImportFileInput, ImportOutcome, Result } from '../api/contract.js';
import { MAX_IMPORT_BYTES } from '../core/corpus/decode.js';
import { errorCode } from '../core/errors.js';

/** docs.import takes at most this many files per call (see its schema); larger picks are split. */
const BATCH = 50;

export const IMPORT_DIALOG_FILTERS = [
  { name: 'Documents', extensions: ['txt', 'md', 'markdown', 'html', 'htm'] },
  { name: 'All files', extensions: ['*'] },
];

type Picked = { index: number; file: ImportFileInput } | { index: number; outcome: ImportOutcome };

const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** Read one picked path; refuse folders, unreadable and too-large files without reading them. */
async function readPicked(filePath: string, index: number): Promise<Picked> {
  const name = path.basename(filePath);
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) {
      return { index, outcome: { file: name, error: { code: 'UNSUPPORTED_FILE', message: `${name} is not a file.` } } };
    }
    if (stat.size > MAX_IMPORT_BYTES) {
      return {
        index,
        outcome: {
          file: name,
          error: { code: 'TOO_LARGE', message: `${name} is too large to import (${megabytes(stat.size)}; the limit is ${megabytes(MAX_IMPORT_BYTES)}).` },
        },
      };
    }
    const bytes = await fs.readFile(filePath);
    return { index, file: { name, dataBase64: bytes.toString('base64') } };
  } catch (e) {
    const reason = errorCode(e) === 'EACCES' ? 'permission was denied' : 'it could not be read';
    return { index, outcome: { file: name, error: { code: 'IO_ERROR', message: `${name} was not imported: ${reason}.` } } };
  }
}

/** Import the picked paths; one outcome per path, in the order picked. */
export async function importPickedFiles(dispatcher: Dispatcher, filePaths: readonly string[]): Promise<Result<ImportOutcome[]>> {
  const outcomes: ImportOutcome[] = new Array(filePaths.length);
  for (let start = 0; start < filePaths.length; start += BATCH) {
    const picked = await Promise.all(filePaths.slice(start, start + BATCH).map((p, i) => readPicked(p, start + i)));
    const readable = picked.filter((p): p is Extract<Picked, { file: ImportFileInput }> => 'file' in p);
    for (const p of picked) if ('outcome' in p) outcomes[p.index] = p.outcome;
    if (!readable.length) continue;
    const result = await dispatcher.call('docs.import', { files: readable.map((p) => p.file) });
    if (!result.ok) return result;
    readable.forEach((p, i) => {
      outcomes[p.index] = result.value[i] ?? { file: p.file.name, error: { code: 'INTERNAL', message: `${p.file.name} was not imported.` } };
    });
  }
  return { ok: true, value: outcomes };
}
