// Errors cross every process boundary as data, never as thrown exceptions.
// The codes are defined once, in ./contract/errors.ts.
import type { ApiError, ErrorCode } from './contract/errors.js';

export type { ApiError, ErrorCode } from './contract/errors.js';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
