import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

// Start a worker thread from a module beside the caller: the compiled .js in dist, or the .ts
// source under vitest/tsx. Node 20 ignores `--import` in a worker's execArgv, so for source the
// worker registers tsx itself before importing the .ts entry.

export interface SpawnOptions {
  /** The caller's import.meta.url. */
  from: string;
  /** Entry file name without extension, beside the caller ("worker", "import-worker"). */
  entry: string;
  workerData: unknown;
  name: string;
  resourceLimits?: ResourceLimits;
}

export function spawnModuleWorker(o: SpawnOptions): Worker {
  // Node options of this process carry over, except those that only make sense for it
  // (a script given with -e and --input-type).
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  const common = { workerData: o.workerData, execArgv, name: o.name, ...(o.resourceLimits ? { resourceLimits: o.resourceLimits } : {}) };
  if (o.from.endsWith('.ts')) {
    const require = createRequire(o.from);
    const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(require.resolve('tsx/package.json'))).href;
    const entry = new URL(`./${o.entry}.ts`, o.from).href;
    const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(code, { ...common, eval: true });
  }
  return new Worker(new URL(`./${o.entry}.js`, o.from), common);
}
