import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/handlers.js';
import type { Library } from '../../../electron/core/library.js';
import { MAX_IMPORT_BYTES } from '../../../electron/core/corpus/decode.js';
import { importPickedFiles } from '../../../electron/main/native-import.js';
import { freshLibrary, REPO_ROOT, tempDir } from '../../helpers/library.js';

// File > Import…: paths picked in the native dialog are read in main and imported through the
// contract, one outcome per path, in order.

let lib: Library;
let dir: string;

beforeAll(async () => {
  lib = await freshLibrary({ corpus: false });
  dir = tempDir('parallax-native-import-');
});

afterAll(async () => {
  await lib.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('importPickedFiles', () => {
  it('imports readable files and explains each one that is not', async () => {
    const good = path.join(REPO_ROOT, 'tests/fixtures/import/plain.txt');
    const huge = path.join(dir, 'huge.txt');
    // A sparse file: larger than the limit on paper, nothing read or allocated.
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, MAX_IMPORT_BYTES + 1);
    const folder = path.join(dir, 'a-folder.txt');
    fs.mkdirSync(folder);
    const missing = path.join(dir, 'gone.txt');
    const unsupported = path.join(dir, 'picture.png');
    fs.writeFileSync(unsupported, 'png');

    const dispatcher = createDispatcher(lib, () => {});
    const result = await importPickedFiles(dispatcher, [good, huge, folder, missing, unsupported]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a, b, c, d, e] = result.value;
    expect(a).toMatchObject({ file: 'plain.txt', id: expect.any(String) });
    expect(b).toMatchObject({ file: 'huge.txt', error: { code: 'TOO_LARGE', message: expect.stringMatching(/too large.*20\.0 MB/) } });
    expect(c).toMatchObject({ file: 'a-folder.txt', error: { code: 'UNSUPPORTED_FILE' } });
    expect(d).toMatchObject({ file: 'gone.txt', error: { code: 'IO_ERROR' } });
    expect(e).toMatchObject({ file: 'picture.png', error: { code: 'UNSUPPORTED_FILE' } });

    const listed = await dispatcher.call('docs.list', {});
    expect(listed.ok && listed.value.map((doc) => doc.file)).toEqual(['plain.txt']);
  });

  it('splits a large pick into contract-sized batches and keeps the order', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 120; i++) {
      const p = path.join(dir, `note-${String(i).padStart(3, '0')}.md`);
      fs.writeFileSync(p, `# Note ${i}\n\nA short note number ${i} about the meeting in Bucharest.\n`);
      paths.push(p);
    }
    const result = await importPickedFiles(createDispatcher(lib, () => {}), paths);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((o) => o.file)).toEqual(paths.map((p) => path.basename(p)));
    expect(result.value.every((o) => 'id' in o)).toBe(true);
  });
});
