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
