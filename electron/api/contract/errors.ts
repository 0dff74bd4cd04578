import { z } from 'zod';

/**
 * The ONE list of error codes. Codes are stable strings the UI and CLI branch on; they cross
 * every process boundary inside a `Result` (electron/api/result.ts) and are thrown inside core
 * as `ParallaxError` (electron/core/errors.ts, which imports this type only).
 * Add a code here (one line) and every layer has it.
 */
export const ErrorCodeSchema = z.enum([
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
  'DB_READ_ONLY',
  'CANCELLED',
  'IO_ERROR',
  'IMPORT_TOO_COMPLEX',
  'MALFORMED_FILE',
  'NO_TEXT_LAYER',
  'ENCRYPTED_FILE',
  'INTERNAL',
]);

export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ERROR_CODES: readonly ErrorCode[] = ErrorCodeSchema.options;

/** An error as it crosses a boundary: a stable code and a sentence a reader can act on. */
export const ApiErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;
