export { setup, type Setup } from '../../helpers/api.js';

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
