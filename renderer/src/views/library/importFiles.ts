import { IMPORT_EXTENSIONS, type ImportFileInput, type ImportOutcome } from '@contract';
import { api } from '../../api/client';
import { fileToBase64 } from '../../lib/format';
import { setImportProgress } from './importStore';

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
  setImportProgress({ done: 0, total: files.length });
  try {
    return await importInBatches(files);
  } finally {
    setImportProgress(null);
  }
}

async function importInBatches(files: readonly File[]): Promise<ImportOutcome[]> {
  let done = 0;
  const outcomes: Array<ImportOutcome | undefined> = new Array(files.length);
  let batch: Array<{ index: number; input: ImportFileInput }> = [];
  let batchBytes = 0;

  const flush = async () => {
    if (!batch.length) return;
    const current = batch;
    batch = [];
    batchBytes = 0;
    const res = await api['docs.import']({ files: current.map((b) => b.input) });
    done += current.length;
    setImportProgress({ done, total: files.length });
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

const supported = (name: string): boolean => {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && ACCEPTED_EXTENSIONS.includes(name.slice(dot).toLowerCase());
};

/** The parts of the File and Directory Entries API a drop gives (webkitGetAsEntry). */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: Entry[]) => void, fail: (e: unknown) => void): void };
}

const MAX_FOLDER_FILES = 5000;

async function walkEntry(entry: Entry, out: File[], skipped: ImportOutcome[]): Promise<void> {
  if (out.length >= MAX_FOLDER_FILES) return;
  if (entry.isFile && entry.file) {
    // Hidden files (.DS_Store) and files of other types inside a folder are left alone and listed.
    if (entry.name.startsWith('.')) return;
    if (!supported(entry.name)) {
      skipped.push({ file: entry.fullPath.replace(/^\//, ''), error: { code: 'UNSUPPORTED_FILE', message: `${entry.name} was skipped: Parallax does not import this type of file.` } });
      return;
    }
    const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail));
    out.push(file);
    return;
  }
  if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    // readEntries returns the folder in chunks: read until it gives nothing more.
    for (;;) {
      const chunk = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (chunk.length === 0) break;
      for (const child of chunk.sort((a, b) => a.name.localeCompare(b.name))) await walkEntry(child, out, skipped);
    }
  }
}

/**
 * What a drop holds, folders opened: every supported file inside, in name order, and a line
 * for each file of another type that was found in a folder and left out.
 */
export async function filesFromDrop(dt: DataTransfer): Promise<{ files: File[]; skipped: ImportOutcome[] }> {
  // Entries must be taken while the drop event runs; reading them can wait.
  const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file');
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? (i.webkitGetAsEntry() as Entry | null) : null));
  const plain = Array.from(dt.files);
  if (entries.length === 0 || entries.some((e) => e === null)) return { files: plain, skipped: [] };
  const files: File[] = [];
  const skipped: ImportOutcome[] = [];
  for (const entry of entries) {
    // A file dropped on its own goes to the import even if its type is wrong: the refusal says why.
    if (entry!.isFile && entry!.file) files.push(await new Promise<File>((ok, fail) => entry!.file!(ok, fail)));
    else await walkEntry(entry!, files, skipped);
  }
  return { files, skipped };
}
