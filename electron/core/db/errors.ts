import { ParallaxError, errorCode, isParallaxError } from '../errors.js';

// SQLite reports disk trouble as error codes (SQLITE_FULL, SQLITE_IOERR_*, ...). Left alone
// they surface as INTERNAL with a stack trace; here they become sentences a person can act on.

function sqliteCode(e: unknown): string | null {
  const code = errorCode(e);
  return code?.startsWith('SQLITE_') ? code : null;
}

/** True for an error that means the disk (not the data) failed: full, I/O, quota. */
export function isDiskError(e: unknown): boolean {
  const code = sqliteCode(e);
  if (code) return code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN';
  const errno = errorCode(e);
  return errno === 'ENOSPC' || errno === 'EIO' || errno === 'EDQUOT' || errno === 'EROFS';
}

/**
 * The ParallaxError a low-level failure stands for, or null when it is not a storage failure
 * (then it is a bug and stays INTERNAL). `what` says what was not done: "nothing was imported".
 */
export function storageError(e: unknown, what = 'nothing was changed'): ParallaxError | null {
  if (isParallaxError(e)) return e;
  const code = sqliteCode(e);
  const errno = errorCode(e);
  if (code === 'SQLITE_FULL' || errno === 'ENOSPC' || errno === 'EDQUOT') {
    return new ParallaxError('IO_ERROR', `The disk is full; ${what}. Free some space and try again.`, { cause: e });
  }
  if ((code && code.startsWith('SQLITE_IOERR')) || errno === 'EIO') {
    return new ParallaxError('IO_ERROR', `The disk reported an error while saving; ${what}. Check the disk and try again.`, { cause: e });
  }
  if (code === 'SQLITE_READONLY' || code?.startsWith('SQLITE_READONLY_') || errno === 'EROFS') {
    return new ParallaxError('DB_READ_ONLY', `The library is open read-only; ${what}.`, { cause: e });
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT_')) {
    return new ParallaxError(
      'DB_CORRUPT',
      `The library file is damaged; ${what}. Run \`parallax check\`, then restore a backup (\`parallax restore\`).`,
      { cause: e },
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new ParallaxError('IO_ERROR', `Another Parallax window or command is busy writing to this library; ${what}. Try again in a moment.`, { cause: e });
  }
  return null;
}
