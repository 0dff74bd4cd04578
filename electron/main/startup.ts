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

export type DamagedChoice = 'read-only' | 'restore' | 'quit';

export interface DamagedLibraryPrompt {
  title: string;
  message: string;
  detail: string;
  /** Button labels, in order; `choices[i]` is what button i does. */
  buttons: string[];
  choices: DamagedChoice[];
  /** The backup the restore button brings back (the newest one). */
  restoreFrom: string | null;
}

/**
 * The question for a library that cannot be opened as it is (damaged, 0 bytes, not a database):
 * open it read-only (to read and export what is still there), restore the newest backup, or quit.
 * Null for any other failure (those get libraryOpenMessage).
 */
export function damagedLibraryPrompt(
  error: unknown,
  dbPath: string,
  backups: ReadonlyArray<{ file: string; at: string }>,
  readable: boolean,
): DamagedLibraryPrompt | null {
  if (!isParallaxError(error) || error.code !== 'DB_CORRUPT') return null;
  const newest = backups.at(-1) ?? null;
  const buttons: string[] = [];
  const choices: DamagedChoice[] = [];
  if (readable) {
    buttons.push('Open read-only');
    choices.push('read-only');
  }
  if (newest) {
    buttons.push(`Restore the backup of ${newest.at.slice(0, 16).replace('T', ' ')} UTC`);
    choices.push('restore');
  }
  buttons.push('Quit');
  choices.push('quit');
  const options = [
    readable ? 'Open it read-only to read it and export your notes and highlights (nothing will be written to it).' : null,
    newest
      ? `Restore the newest backup (${newest.file}); the damaged file is kept beside it, never deleted.`
      : 'There is no backup of this library to restore.',
  ].filter((x): x is string => x !== null);
  return {
    title: readable ? 'Your library is damaged' : 'Parallax cannot read its library',
    message: readable ? 'Parallax found damage in your library and has not written to it.' : 'The library file is not a Parallax library.',
    detail: `${error.message}\n\n${options.join('\n')}\n\nFile: ${dbPath}`,
    buttons,
    choices,
    restoreFrom: newest?.file ?? null,
  };
}
