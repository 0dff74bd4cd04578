import { expect } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../electron/api/handlers.js';
import type { OpName, OpOutput } from '../../electron/api/contract.js';
import type { Library } from '../../electron/core/library.js';
import { freshLibrary } from './library.js';

// A library with the dispatcher in front of it, as the app sees it, for feature tests.

export interface Setup {
  lib: Library;
  api: Dispatcher;
  /** Call an operation and expect success. */
  call<N extends OpName>(name: N, input: unknown): Promise<OpOutput<N>>;
  /** Call an operation and expect failure; returns the error. */
  fails(name: OpName, input: unknown): Promise<{ code: string; message: string }>;
  /** Import (or re-import, same file name = new version of the same document) a text file. */
  importText(name: string, text: string): Promise<string>;
  textOf(docId: string): Promise<string>;
}

export async function setup(options: { corpus?: boolean; dataDir?: string } = {}): Promise<Setup> {
  const lib = await freshLibrary({ corpus: options.corpus ?? false, dataDir: options.dataDir });
  const api = createDispatcher(lib, () => {});
  const call = async <N extends OpName>(name: N, input: unknown): Promise<OpOutput<N>> => {
    const res = await api.call(name, input);
    if (!res.ok) throw new Error(`${name} failed: ${res.error.code} ${res.error.message}`);
    return res.value as OpOutput<N>;
  };
  return {
    lib,
    api,
    call,
    async fails(name, input) {
      const res = await api.call(name, input);
      expect(res.ok, `${name} should fail`).toBe(false);
      return res.ok ? { code: '', message: '' } : res.error;
    },
    async importText(name, text) {
      const [outcome] = await call('docs.import', { files: [{ name, dataBase64: Buffer.from(text, 'utf8').toString('base64') }] });
      if (!outcome || !('id' in outcome)) throw new Error(`import of ${name} failed: ${JSON.stringify(outcome)}`);
      return outcome.id;
    },
    async textOf(docId) {
      return (await call('docs.get', { id: docId })).text;
    },
  };
}

