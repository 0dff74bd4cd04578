import { IMPORT_EXTENSIONS, type ImportFileInput, type ImportOutcome } from '@contract';
import { api } from '../../api/client';
import { fileToBase64 } from '../../lib/format';

/** The contract accepts up to 30,000,000 base64 characters per file (about 22 MB). */
export const MAX_FILE_BYTES = Math.floor((30_000_000 / 4) * 3);
/** Keep each request well under the transport limits; big selections go in several calls. */
const BATCH_BYTES = 24 * 1024 * 1024;
const BATCH_FILES = 100;

/** The one list of importable types lives in the contract (the core decoder reads it too). */
export const ACCEPTED_EXTENSIONS: readonly string[] = IMPORT_EXTENSIONS;

/**
 * Read the files and import them, returning one outcome per file in the order given. Files
 * too large to send are reported without a round trip; a failed call marks its whole batch.
 */
export async function importFileList(files: readonly File[]): Promise<ImportOutcome[]> {
  const outcomes: Array<ImportOutcome | undefined> = new Array(files.length);
  let batch: Array<{ index: number; input: ImportFileInput }> = [];
  let batchBytes = 0;

  const flush = async () => {
    if (!batch.length) return;
    const current = batch;
    batch = [];
    batchBytes = 0;
    const res = await api['docs.import']({ files: current.map((b) => b.input) });
    current.forEach((b, i) => {
      outcomes[b.index] = res.ok
        ? (res.value[i] ?? { file: b.input.name, error: { code: 'INTERNAL', message: 'The library gave no answer for this file.' } })
        : { file: b.input.name, error: res.error };
    });
  };

  for (const [index, file] of files.entries()) {
    if (file.size > MAX_FILE_BYTES) {
      outcomes[index] = {
        file: file.name,
        error: { code: 'TOO_LARGE', message: `${file.name} is larger than ${Math.round(MAX_FILE_BYTES / 1e6)} MB; Parallax imports articles and reports, not books or archives.` },
      };
      continue;
    }
    let dataBase64: string;
    try {
      dataBase64 = await fileToBase64(file);
    } catch {
      outcomes[index] = { file: file.name, error: { code: 'IO_ERROR', message: `${file.name} could not be read. Check that the file still exists and you may open it.` } };
      continue;
    }
    if (batch.length >= BATCH_FILES || (batch.length && batchBytes + file.size > BATCH_BYTES)) await flush();
    batch.push({ index, input: { name: file.name || 'untitled.txt', dataBase64 } });
    batchBytes += file.size;
  }
  await flush();
  return outcomes.map((o, i) => o ?? { file: files[i].name, error: { code: 'INTERNAL', message: 'This file was not imported.' } });
}
