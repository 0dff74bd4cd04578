import type { Alignment, AlignmentLink } from '../../../electron/core/compare/index.js';

export { setup, type Setup } from '../../helpers/api.js';
import type { Setup } from '../../helpers/api.js';

/**
 * Other reports on the same story, so that the words every report uses ("NATO", "Ukraine",
 * "support", "Russia", "allies") are as common in the test library as in a real one.
 */
export const BACKGROUND = [
  [
    'NATO allies met in Brussels to discuss support for Ukraine.',
    'Russia continued its attacks on Ukrainian cities during the week.',
    'The allies said their support for Ukraine would not waver.',
    'Several NATO members announced new packages of military support.',
    'Ukraine asked its partners for more air defence systems.',
    'Russia accused NATO of prolonging the war in Ukraine.',
    'The meeting ended with a press conference by the Secretary General.',
  ].join(' '),
  [
    'Ministers from NATO countries gathered as winter approached in Ukraine.',
    'Ukraine said Russia had targeted power stations across the country.',
    'NATO officials promised to support Ukraine through the winter.',
    'The allies also discussed their own defence spending.',
    'Russia warned that Western weapons would not change the outcome.',
    'Diplomats expected the talks to focus on energy and air defence.',
    'Some allies pushed for faster deliveries of equipment to Ukraine.',
  ].join(' '),
  [
    'The war in Ukraine dominated the agenda of the meeting.',
    'NATO has no plans to send troops to Ukraine, officials said.',
    'Russia has called the support of the allies a provocation.',
    'Ukraine thanked NATO members for their continued support.',
    'The allies agreed to keep up pressure on Russia.',
    'Questions about enlargement were also raised by journalists.',
    'The next NATO summit will take place in Vilnius.',
  ].join(' '),
];

export async function withBackground(s: Setup): Promise<void> {
  for (const [i, text] of BACKGROUND.entries()) await s.importText(`background-${i}.txt`, text);
}

/** The link whose sides contain the given words, if any. */
export function linkBetween(al: Alignment, aWords: string, bWords: string): AlignmentLink | undefined {
  return al.links.find((l) => l.a.text.includes(aWords) && l.b.text.includes(bWords));
}

/** Whether some link joins a side containing aWords with a side containing bWords. */
export function linked(al: Alignment, aWords: string, bWords: string): boolean {
  return linkBetween(al, aWords, bWords) !== undefined;
}
