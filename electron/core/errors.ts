// Errors that reach a person. The code is a stable string the UI and CLI branch on; the
// message is a sentence the reader can act on.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'UNSUPPORTED_FILE',
  'TOO_LARGE',
  'EMPTY_FILE',
  'BINARY_FILE',
  'INVALID_UTF8',
  'DUPLICATE',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'CANCELLED',
  'IO_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

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
