import { expect } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../electron/api/handlers.js';
import type { OpName, OpOutput } from '../../../electron/api/contract.js';
import type { Library } from '../../../electron/core/library.js';
import { freshLibrary } from '../../helpers/library.js';

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

/** [start, end) of the n-th occurrence of words in text (throws when absent, so tests cannot pass vacuously). */
export function spanOf(text: string, words: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(words, at + 1);
    if (at < 0) throw new Error(`“${words}” (occurrence ${occurrence}) is not in the text`);
  }
  return { start: at, end: at + words.length };
}

export const REPORT = [
  'Ministers meet in Bucharest',
  'The NATO foreign ministers met in Bucharest on Tuesday and Wednesday to discuss support for Ukraine.',
  'The allies pledged further support to Ukraine for as long as it takes, Secretary General Jens Stoltenberg said.',
  'Russia must withdraw its forces from Ukraine immediately, the joint statement says.',
  'Ministers also discussed China, energy security and the situation in the Western Balkans.',
  'Ukraine asked for more air defence systems. Ukraine also asked for generators.',
].join('\n\n');
