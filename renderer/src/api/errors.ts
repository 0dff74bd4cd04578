import type { ApiError, ErrorCode, Result } from '@contract';

/** A failed Result turned into something throwable (for code that prefers exceptions). */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
    this.code = error.code;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiFailure(result.error);
}

/** Any thrown thing as an ApiError a person can read (no stack traces on screen). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiFailure) return { code: e.code, message: e.message };
  if (typeof e === 'object' && e !== null && 'code' in e && 'message' in e && typeof (e as ApiError).message === 'string') {
    return e as ApiError;
  }
  return { code: 'INTERNAL', message: 'Something went wrong in the app. Your library has not been changed.' };
}
