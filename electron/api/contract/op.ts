import type { z } from 'zod';

/**
 * One operation of the contract: a zod schema for what comes in, and (as a type only) what
 * goes out. `op<Out>()(inputSchema)` keeps the output type without a runtime schema.
 */
export interface Operation<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field carrying the output type; never set at run time. */
  readonly __output?: O;
}

export function op<O>() {
  return <I extends z.ZodType>(input: I): Operation<I, O> => ({ input });
}

export type AnyOperation = Operation<z.ZodType, unknown>;
export type OperationTable = Record<string, AnyOperation>;
