import type { z } from 'zod';
import { contract, isOpName, type OpName, type OpResult } from './contract.js';
import { fail, ok, type Result } from './result.js';
import type { HandlerContext, HandlerTable } from './handlers/types.js';
import { libraryHandlers } from './handlers/library.js';
import { searchHandlers } from './handlers/search.js';
import { compareHandlers } from './handlers/compare.js';
import { annotateHandlers } from './handlers/annotate.js';
import { studyHandlers } from './handlers/study.js';
import { isParallaxError } from '../core/errors.js';
import type { Library } from '../core/library.js';
import { storageError } from '../core/db/errors.js';

/** The contract bound to the library: one handler per operation, nothing else. */
export const handlers: HandlerTable<typeof contract> = {
  ...libraryHandlers,
  ...searchHandlers,
  ...compareHandlers,
  ...annotateHandlers,
  ...studyHandlers,
};

function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => {
    const where = i.path.length ? i.path.join('.') : 'input';
    return `${where}: ${i.message}`;
  });
  return `Invalid input (${parts.join('; ')}).`;
}

export interface Dispatcher {
  call<N extends OpName>(name: N, input: unknown, options?: { channel?: string }): Promise<OpResult<N>>;
  /** For transports that receive a name from outside: unknown names are INVALID_INPUT. */
  callByName(name: string, input: unknown): Promise<Result<unknown>>;
}

/**
 * Validate, run, and turn every outcome into a Result. Every transport (IPC, HTTP, CLI)
 * goes through here, so input checking and error shapes are the same everywhere.
 */
export function createDispatcher(lib: Library, log: (msg: string) => void = (m) => process.stderr.write(m + '\n')): Dispatcher {
  const inflight = new Map<string, AbortController>();

  async function run(name: OpName, input: unknown, channel?: string): Promise<Result<unknown>> {
    const op = contract[name];
    const parsed = op.input.safeParse(input ?? {});
    if (!parsed.success) return fail('INVALID_INPUT', describeIssues(parsed.error));
    const key = channel ?? (parsed.data as { channel?: string }).channel;
    const controller = new AbortController();
    if (key) {
      inflight.get(key)?.abort();
      inflight.set(key, controller);
    }
    const ctx: HandlerContext = { lib, signal: controller.signal };
    try {
      // Another process may have written to the library: catch up before answering (REL).
      await lib.sync();
      const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
      const value = await handler(parsed.data, ctx);
      if (controller.signal.aborted) return fail('CANCELLED', 'A newer request replaced this one.');
      return ok(value);
    } catch (e) {
      if (isParallaxError(e)) return fail(e.code, e.message);
      const storage = storageError(e);
      if (storage) return fail(storage.code, storage.message);
      if (controller.signal.aborted) return fail('CANCELLED', 'A newer request replaced this one.');
      log(`[parallax] ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fail('INTERNAL', `Something went wrong while running ${name}. Your library has not been changed.`);
    } finally {
      if (key && inflight.get(key) === controller) inflight.delete(key);
    }
  }

  return {
    call: (name, input, options) => run(name, input, options?.channel) as never,
    callByName: (name, input) => {
      if (!isOpName(name)) return Promise.resolve(fail('INVALID_INPUT', `Unknown operation “${name.slice(0, 64)}”.`));
      return run(name, input);
    },
  };
}
