import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/handlers.js';
import { storageError } from '../../../electron/core/db/errors.js';
import { openLibrary } from '../../../electron/core/library.js';
import { snapshot, tempDir } from '../../helpers/library.js';

// A full disk is simulated with PRAGMA max_page_count: the database cannot grow, exactly as
// when the disk has no room left (SQLite answers SQLITE_FULL in both cases).

const report = (n: number): string =>
  Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of report ${n}: the ministers met in Bucharest and said something new, number ${i * n}.`).join('\n\n');

describe('disk full during an import', () => {
  it('is IO_ERROR with a plain sentence, nothing of the file is saved, and the report is the truth', async () => {
    const lib = await openLibrary({ dataDir: tempDir(), corpusDir: null });
    try {
      const api = createDispatcher(lib, () => {});
      const small = await api.call('docs.import', { files: [{ name: 'small.txt', dataBase64: Buffer.from('A short report.\n\nIt is about Bucharest.').toString('base64') }] });
      expect(small.ok).toBe(true);
      const pages = lib.db.pragma('page_count', { simple: true }) as number;
      lib.db.pragma(`max_page_count = ${pages + 2}`);
      const before = snapshot(lib);
      const res = await api.call('docs.import', {
        files: [
          { name: 'big.txt', dataBase64: Buffer.from(report(1)).toString('base64') },
          { name: 'big2.txt', dataBase64: Buffer.from(report(2)).toString('base64') },
        ],
      });
      expect(res.ok).toBe(true);
      if (!res.ok) return;
      for (const o of res.value) {
        expect('error' in o).toBe(true);
        if ('error' in o) {
          expect(o.error.code).toBe('IO_ERROR');
          expect(o.error.message).toMatch(/^The disk is full; big2?\.txt was not imported \(nothing of it was saved\)/);
        }
      }
      expect(snapshot(lib)).toBe(before);
      const list = await api.call('docs.list', {});
      expect(list.ok && list.value.map((d) => d.file)).toEqual(['small.txt']);
      // Room again: the same file imports.
      lib.db.pragma('max_page_count = 1073741823');
      const again = await api.call('docs.import', { files: [{ name: 'big.txt', dataBase64: Buffer.from(report(1)).toString('base64') }] });
      expect(again.ok && 'id' in again.value[0]!).toBe(true);
    } finally {
      await lib.close();
    }
  });

  it('any other write that hits a full disk is IO_ERROR too, not INTERNAL', async () => {
    const lib = await openLibrary({ dataDir: tempDir(), corpusDir: null });
    try {
      const api = createDispatcher(lib, () => {});
      const pages = lib.db.pragma('page_count', { simple: true }) as number;
      lib.db.pragma(`max_page_count = ${pages}`);
      const res = await api.call('settings.set', { key: 'big', value: 'x'.repeat(9000) });
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('IO_ERROR');
        expect(res.error.message).toMatch(/^The disk is full; nothing was changed/);
      }
    } finally {
      await lib.close();
    }
  });

  it('maps SQLite and errno codes to sentences', () => {
    const sqlite = (code: string): Error => Object.assign(new Error('x'), { code });
    expect(storageError(sqlite('SQLITE_FULL'), 'nothing was imported')?.message).toBe('The disk is full; nothing was imported. Free some space and try again.');
    expect(storageError(sqlite('SQLITE_IOERR_WRITE'))?.code).toBe('IO_ERROR');
    expect(storageError(Object.assign(new Error('x'), { code: 'ENOSPC' }))?.code).toBe('IO_ERROR');
    expect(storageError(sqlite('SQLITE_READONLY'))?.code).toBe('DB_READ_ONLY');
    expect(storageError(sqlite('SQLITE_CORRUPT'))?.code).toBe('DB_CORRUPT');
    expect(storageError(new TypeError('a bug'))).toBeNull();
  });
});
