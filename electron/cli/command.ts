import type { Dispatcher } from '../api/handlers.js';
import type { OpName, OpOutput } from '../api/contract.js';
import type { Library } from '../core/library.js';
import { ParallaxError } from '../core/errors.js';

export interface CliIO {
  /** stdout: with --json, only the JSON document goes here. */
  out(text: string): void;
  /** stderr: progress and human messages. */
  err(text: string): void;
  /** stderr is a terminal: progress redraws one line. */
  isTTY?: boolean;
}

export interface CliContext {
  lib: Library;
  dispatcher: Dispatcher;
  json: boolean;
  io: CliIO;
  /** Aborted by Ctrl+C / SIGTERM: long commands stop between steps. */
  signal?: AbortSignal;
}

export interface Command {
  /** First word(s) after `parallax`, e.g. "search" or "highlights". */
  name: string;
  summary: string;
  usage: string;
  /** args: everything after the command name, global options removed. Returns the exit status. */
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** Call an operation through the contract (same validation as the app) or throw a user error. */
export async function callOrThrow<N extends OpName>(ctx: CliContext, name: N, input: unknown): Promise<OpOutput<N>> {
  const res = await ctx.dispatcher.call(name, input);
  if (!res.ok) throw new ParallaxError(res.error.code, res.error.message);
  return res.value;
}

/** What a command that works on the library file itself (check, backup, restore) is given. */
export interface FileContext {
  dataDir: string;
  dbPath: string;
  json: boolean;
  io: CliIO;
}

/** A command that must not open the library through openLibrary (it may be damaged, or replaced). */
export interface FileCommand {
  name: string;
  summary: string;
  usage: string;
  onFile: true;
  run(args: string[], ctx: FileContext): Promise<number>;
}

export class UsageError extends Error {}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.out(JSON.stringify(value, null, 2) + '\n');
}
