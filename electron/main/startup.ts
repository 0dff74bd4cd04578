// Decisions made while the app starts, kept pure so they are tested without Electron:
// where the Electron build of better-sqlite3 is, and what to tell a person when the library
// cannot be opened.

import path from 'node:path';
import { isParallaxError } from '../core/errors.js';

export interface BindingLocation {
  isPackaged: boolean;
  /** process.resourcesPath (packaged) */
  resourcesPath: string;
  /** app.getAppPath(): the project root in development */
  appPath: string;
  /** process.versions.electron */
  electronVersion: string;
}

/**
 * The better_sqlite3.node built for this Electron. node_modules/better-sqlite3 keeps the Node
 * build (tests, CLI, browser host); scripts/ensure-electron-sqlite.mjs writes the Electron one
 * to native/electron-<version>/, and electron-builder copies it to resources/native/.
 */
export function electronSqliteBindingPath(where: BindingLocation): string {
  return where.isPackaged
    ? path.join(where.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(where.appPath, 'native', `electron-${where.electronVersion}`, 'better_sqlite3.node');
}

export interface StartupMessage {
  title: string;
  message: string;
}

export function missingBindingMessage(bindingPath: string, isPackaged: boolean): StartupMessage {
  return {
    title: 'Parallax cannot start its database engine',
    message: isPackaged
      ? `The database engine is missing from this installation (${bindingPath}). Reinstall Parallax.`
      : `The Electron build of better-sqlite3 is missing (${bindingPath}).\n\n` +
        'Run `node scripts/ensure-electron-sqlite.mjs` (or `npm start`, which runs it), then start Parallax again.',
  };
}

export function bindingLoadMessage(bindingPath: string, cause: unknown): StartupMessage {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return {
    title: 'Parallax cannot start its database engine',
    message:
      `The database engine at ${bindingPath} could not be loaded (${detail}).\n\n` +
      'It was probably built for another Electron version or processor. Delete the native/ folder and run ' +
      '`node scripts/ensure-electron-sqlite.mjs`, or reinstall Parallax.',
  };
}

/**
 * The dialog for a library that cannot be opened. DB_CORRUPT and DB_TOO_NEW name the file and
 * say it was left untouched; other failures still name the folder so the person can look.
 */
export function libraryOpenMessage(error: unknown, dbPath: string): StartupMessage {
  if (isParallaxError(error) && error.code === 'DB_TOO_NEW') {
    return { title: 'This library needs a newer Parallax', message: `${error.message}\n\nFile: ${dbPath}` };
  }
  if (isParallaxError(error) && error.code === 'DB_CORRUPT') {
    return { title: 'Parallax cannot read its library', message: `${error.message}\n\nFile: ${dbPath}` };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    title: 'Parallax could not open its library',
    message: `${detail}\n\nLibrary file: ${dbPath}\nNothing was changed. Quit and try again; if this keeps happening, move the file aside.`,
  };
}
