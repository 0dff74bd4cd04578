import type { Library } from '../../../electron/core/library.js';
import { freshLibrary } from '../../helpers/library.js';
import type { Card } from '../../../electron/core/study/index.js';
import { foldPhrase } from '../../../electron/core/study/text.js';

export { freshLibrary };

export { BLANK } from '../../../electron/api/contract/study.js';
import { BLANK } from '../../../electron/api/contract/study.js';

/** A fixed clock: 2024-03-01 09:00 local time, plus offsets. */
export function clock(start = new Date(2024, 2, 1, 9, 0, 0)): { now: () => Date; advance: (ms: number) => Date } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
      return new Date(t);
    },
  };
}

export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;

/** Why a card is malformed, or null. The rules of the issue, checked on any deck. */
export function malformed(c: Card): string | null {
  if (!c.prompt.trim() || !c.answer.trim()) return 'empty prompt or answer';
  if (!c.docIds.length || !c.sources.length) return 'no sources';
  if (c.kind === 'cloze' || c.kind === 'highlight') {
    const blanks = c.prompt.split(BLANK).length - 1;
    if (blanks !== 1) return `${blanks} blanks`;
    if (!c.passage.includes(c.answer)) return 'answer not in passage';
    if (c.kind === 'cloze' && c.passage.replace(c.answer, BLANK) !== c.prompt) return 'prompt is not the passage with the answer blanked';
    const rest = ` ${foldPhrase(c.prompt.replace(BLANK, ' '))} `;
    if (rest.includes(` ${foldPhrase(c.answer)} `)) return 'the rest of the sentence gives the answer away';
  }
  return null;
}

export async function withLibrary<T>(fn: (lib: Library) => Promise<T> | T, options: { corpus?: boolean; dataDir?: string } = {}): Promise<T> {
  const lib = await freshLibrary(options);
  try {
    return await fn(lib);
  } finally {
    await lib.close();
  }
}
