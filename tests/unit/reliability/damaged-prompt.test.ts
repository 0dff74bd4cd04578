import { describe, expect, it } from 'vitest';
import { DamagedLibraryError } from '../../../electron/core/db/integrity.js';
import { ParallaxError } from '../../../electron/core/errors.js';
import { damagedLibraryPrompt } from '../../../electron/main/startup.js';

// The desktop app's question for a library it cannot open as it is (a pure function, so it is
// tested without Electron): read-only, restore the newest backup, or quit.

const dbPath = '/home/me/.config/Parallax/library.sqlite';
const backups = [
  { file: '/home/me/.config/Parallax/backups/library-20261201T080000000Z-daily.sqlite', at: '2026-12-01T08:00:00Z' },
  { file: '/home/me/.config/Parallax/backups/library-20261202T081500000Z-daily.sqlite', at: '2026-12-02T08:15:00Z' },
];

describe('damagedLibraryPrompt', () => {
  it('offers read-only, the newest backup and quit for a damaged library', () => {
    const p = damagedLibraryPrompt(new DamagedLibraryError(dbPath, ['Page 12: btreeInitPage() returns error code 11']), dbPath, backups, true);
    expect(p?.choices).toEqual(['read-only', 'restore', 'quit']);
    expect(p?.buttons[1]).toBe('Restore the backup of 2026-12-02 08:15 UTC');
    expect(p?.restoreFrom).toBe(backups[1]!.file);
    expect(p?.detail).toContain('has not written to it');
    expect(p?.detail).toContain('export your notes');
    expect(p?.detail).toContain(dbPath);
  });

  it('offers no read-only for a file that is not a database (0 bytes), and says when there is no backup', () => {
    const p = damagedLibraryPrompt(new ParallaxError('DB_CORRUPT', `The library file ${dbPath} is empty (0 bytes).`), dbPath, [], false);
    expect(p?.choices).toEqual(['quit']);
    expect(p?.detail).toContain('There is no backup');
  });

  it('leaves other failures to the plain error dialog', () => {
    expect(damagedLibraryPrompt(new ParallaxError('DB_TOO_NEW', 'newer'), dbPath, backups, true)).toBeNull();
    expect(damagedLibraryPrompt(new Error('boom'), dbPath, backups, true)).toBeNull();
  });
});
