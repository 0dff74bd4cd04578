// Errors that reach a person. The code is a stable string the UI and CLI branch on (the one
// list is electron/api/contract/errors.ts; core imports its type only); the message is a
// sentence the reader can act on.
import type { ErrorCode } from '../api/contract/errors.js';

export type { ErrorCode } from '../api/contract/errors.js';

export class ParallaxError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ParallaxError';
    this.code = code;
  }
}

export function isParallaxError(e: unknown): e is ParallaxError {
  return e instanceof ParallaxError;
}

/** The message of a thrown value: its `message` when it has one (any Error), else the value as text. */
export function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') return e.message;
  return String(e);
}

/** The stack of a thrown Error (for logs), else the value as text. */
export function errorStack(e: unknown): string {
  return (e instanceof Error ? e.stack : undefined) ?? String(e);
}

/** The errno or SQLite code (ENOENT, ENOSPC, SQLITE_FULL...) a thrown value carries, if any. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  return typeof e.code === 'string' ? e.code : undefined;
}
