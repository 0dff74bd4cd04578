// Errors cross every process boundary as data, never as thrown exceptions.
// (Mirrors electron/core/errors.ts; the contract may not import core, the renderer reads this.)

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'UNSUPPORTED_FILE'
  | 'TOO_LARGE'
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'INVALID_UTF8'
  | 'DUPLICATE'
  | 'DB_CORRUPT'
  | 'DB_TOO_NEW'
  | 'CANCELLED'
  | 'IO_ERROR'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
