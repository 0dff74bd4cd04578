import type { z } from 'zod';
import type { Library } from '../../core/library.js';
import type { OperationTable } from '../contract/op.js';

export interface HandlerContext {
  lib: Library;
  /** Aborted when a newer request on the same channel supersedes this one. */
  signal: AbortSignal;
}

type OutputOf<Op> = Op extends { readonly __output?: infer O } ? O : never;

/** Handlers for one contract table: each gets its parsed input and returns the output type. */
export type HandlerTable<T extends OperationTable> = {
  [N in keyof T]: (input: z.output<T[N]['input']>, ctx: HandlerContext) => Promise<OutputOf<T[N]>> | OutputOf<T[N]>;
};
