import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParallaxError } from '../../../electron/core/errors.js';
import { defaultDataDir } from '../../../electron/core/paths.js';
import {
  bindingLoadMessage,
  electronSqliteBindingPath,
  libraryOpenMessage,
  missingBindingMessage,
} from '../../../electron/main/startup.js';

// (Main-process module; kept with the shell's other tests.)

describe('electronSqliteBindingPath', () => {
  const where = { resourcesPath: '/opt/Parallax/resources', appPath: '/src/parallax', electronVersion: '41.9.2' };

  it('uses native/electron-<version>/ in development', () => {
    expect(electronSqliteBindingPath({ ...where, isPackaged: false })).toBe(
      path.join('/src/parallax', 'native', 'electron-41.9.2', 'better_sqlite3.node'),
    );
  });

  it('uses resources/native/ in a package (where electron-builder.yml puts it)', () => {
    expect(electronSqliteBindingPath({ ...where, isPackaged: true })).toBe(path.join('/opt/Parallax/resources', 'native', 'better_sqlite3.node'));
  });
});

describe('start-up messages', () => {
  const dbPath = '/home/me/.config/Parallax/library.sqlite';

  it('names the file and says it was left alone for DB_CORRUPT and DB_TOO_NEW', () => {
    const corrupt = libraryOpenMessage(new ParallaxError('DB_CORRUPT', `The library database at ${dbPath} is not readable. It has been left untouched.`), dbPath);
    expect(corrupt.title).toMatch(/cannot read its library/);
    expect(corrupt.message).toContain(`File: ${dbPath}`);
    expect(corrupt.message).toMatch(/untouched/);
    const tooNew = libraryOpenMessage(new ParallaxError('DB_TOO_NEW', 'Written by a newer version; the file has not been changed.'), dbPath);
    expect(tooNew.title).toMatch(/newer Parallax/);
    expect(tooNew.message).toContain(dbPath);
  });

  it('still names the file for other failures', () => {
    const other = libraryOpenMessage(new Error('EACCES: permission denied'), dbPath);
    expect(other.message).toContain('EACCES');
    expect(other.message).toContain(dbPath);
  });

  it('tells a developer how to make the missing engine, and a user to reinstall', () => {
    expect(missingBindingMessage('/x/better_sqlite3.node', false).message).toMatch(/ensure-electron-sqlite\.mjs/);
    expect(missingBindingMessage('/x/better_sqlite3.node', true).message).toMatch(/Reinstall/);
    expect(bindingLoadMessage('/x/better_sqlite3.node', new Error('NODE_MODULE_VERSION 115')).message).toMatch(/NODE_MODULE_VERSION 115/);
  });
});

describe('the data folder', () => {
  it('is the folder Electron uses for productName "Parallax" (what main sets userData to)', () => {
    const env = { HOME: '/home/me' } as NodeJS.ProcessEnv;
    expect(defaultDataDir({ ...env, XDG_CONFIG_HOME: '/home/me/.config' }, 'linux')).toBe(path.join('/home/me/.config', 'Parallax'));
    expect(defaultDataDir({ ...env, PARALLAX_DATA_DIR: '/tmp/lib' }, 'linux')).toBe(path.resolve('/tmp/lib'));
  });
});
