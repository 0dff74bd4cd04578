import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/library.js';

/** A real process running a source entry under tsx: `node --import tsx -e "import(entry).main(argv)"`. */
export function spawnSource(entry: string, argv: string[], env: NodeJS.ProcessEnv = {}, options: { exitWhenDone?: boolean } = {}): ChildProcess {
  const file = path.join(REPO_ROOT, entry);
  const end = options.exitWhenDone ? 'process.exit(typeof c === "number" ? c : 0);' : 'if (typeof c === "number") process.exitCode = c;';
  const code = `const m = await import(${JSON.stringify(file)}); const c = await m.main(JSON.parse(process.env.PARALLAX_TEST_ARGV)); ${end}`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PARALLAX_TEST_ARGV: JSON.stringify(argv) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export function collect(child: ChildProcess): { done: Promise<Finished>; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<Finished>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
  return { done, out: () => out, err: () => err };
}

export async function waitFor(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
