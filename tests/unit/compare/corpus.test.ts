import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignPair, findCounterparts, getStatements, type Alignment } from '../../../electron/core/compare/index.js';
import { getDocumentText } from '../../../electron/core/corpus/store.js';
import { linked, setup, type Setup } from './helpers.js';

// The bundled corpus: three translations of the same joint statement (b44e, da58, 4435) and
// Stoltenberg's words repeated by three reports (db71, f707, 4435). The pairs below are those
// a careful reader draws; the ones that must stay apart share words but say other things.

const JOINT = 'b44e6ea7410dd368';
const PREVIEW = 'db710659ffeaf388';
const FREE_PRESS = 'da58ee4863b15816';
const UWC = '4435434e06963c7c';
const SPEECH = 'f707968108d80172';

let s: Setup;
const pairs = new Map<string, Alignment>();
function al(a: string, b: string): Alignment {
  const key = `${a}:${b}`;
  let found = pairs.get(key);
  if (!found) pairs.set(key, (found = alignPair(s.lib.db, a, b)));
  return found;
}

beforeAll(async () => {
  s = await setup({ corpus: true });
});
afterAll(async () => s.lib.close());

type Pair = [string, string];

const LINKED: Array<[string, string, Pair[]]> = [
  [
    JOINT,
    FREE_PRESS,
    [
      ['deprives millions of Ukrainian citizens', 'is depriving millions of Ukrainians'],
      ['It has affected the global food supply', 'It affects the world\'s food supply'],
      ['Russia’s unacceptable actions, including hybrid activities', 'Russia\'s unacceptable actions, including hybrid activities'],
      ['We condemn Russia’s cruel actions', 'Russia\'s cruelty towards the civilian population'],
      ['All those responsible for war crimes, including sexual violence', 'All those responsible for war crimes, including conflict-related'],
      ['We also condemn all those, including Belarus', 'We also condemn all, including Belarus'],
      ['We will never recognize Russia’s illegal annexations', 'We will never recognize Russia\'s illegal annexation'],
      ['We will continue and intensify political and practical support', 'continue and further strengthen political and practical support'],
      ['Finland and Sweden participate today', 'Finland and Sweden are participating in the meeting'],
      ['Accession will make them safer', 'NATO stronger and the Euro-Atlantic area safer'],
      ['Recalling that the Western Balkans', 'Given that the Western Balkans'],
      ['NATO will continue to protect our populations', 'continue to protect the population of its members'],
      ['We remain determined to prepare for, deter and defend', 'We remain committed to preparing for, deterring'],
      ['Any attack against the Allies will receive', 'The Allies will respond to every attack'],
    ],
  ],
  [
    JOINT,
    UWC,
    [
      ['We remain consistent in our commitment', 'they remain steadfast in their commitment'],
      ['which are a flagrant violation of the UN Charter', 'which blatantly violate the U.N. Charter'],
      ['We will continue and intensify political and practical support', 'We will continue and further step up political and practical support'],
      ['Allies will provide assistance to Ukraine to repair energy infrastructure', 'Allies will help Ukraine repair its energy infrastructure'],
      ['We will continue to strengthen our partnership with Ukraine', 'NATO will continue strengthening its partnership with Ukraine'],
      ['Their security is of direct importance to the Alliance', 'The security of Finland and Sweden is of immediate importance'],
      ['We reaffirm the decision adopted at the Bucharest Summit in 2008', 'The alliance confirms the decisions made at the Bucharest summit in 2008'],
    ],
  ],
  [
    FREE_PRESS,
    UWC,
    [
      ['We will never recognize Russia\'s illegal annexation', 'which blatantly violate the U.N. Charter'],
      ['continue and further strengthen political and practical support', 'We will continue and further step up political and practical support'],
    ],
  ],
  [
    PREVIEW,
    SPEECH,
    [
      ['NATO will continue to stand with Ukraine for as long as it takes', 'NATO will continue to stand with Ukraine for as long as it takes'],
      ['We will not back down', 'We will not back down'],
      ['there can be no lasting peace if the aggressor wins', 'There can be no lasting peace if the aggressor wins'],
      ['it is in our security interest to support Ukraine', 'it is in our own long-term security interest to support Ukraine'],
    ],
  ],
  [PREVIEW, UWC, [['NATO will continue to stand with Ukraine for as long as it takes', 'NATO will continue to support Ukraine for “as long as it takes”']]],
  [SPEECH, UWC, [['We will not back down,” he said', 'we will not back down.”']]],
];

const APART: Array<[string, string, Pair[]]> = [
  [
    JOINT,
    PREVIEW,
    [
      ['NATO is not part of the conflict will support Ukraine', 'NATO will continue to stand with Ukraine'],
      ['Finland and Sweden participate today', 'foreign ministers of Finland and Sweden would join us'],
      ['Their security is of direct importance', 'it is time to finalise their accession process'],
    ],
  ],
  [
    JOINT,
    UWC,
    [
      ['Russia bears full responsibility for this war', 'We will never recognize Russia’s illegal annexations'],
      ['Our commitment to an open door policy remains steadfast', 'they remain steadfast in their commitment'],
      ['In the context of the participation in the meeting of Finland and Sweden', 'The security of Finland and Sweden'],
      ['NATO is not part of the conflict will support Ukraine', 'Faced with Russia’s attempts to weaponize winter'],
    ],
  ],
  [
    JOINT,
    FREE_PRESS,
    [
      ['NATO is not a party to the conflict', 'it will continue to protect the population of its members'],
      ['The ministers recalled the “strategic importance”', 'Given that the Western Balkans'],
    ],
  ],
  [
    PREVIEW,
    SPEECH,
    [
      ['The foreign ministers of Bosnia and Herzegovina, Georgia and Moldova will be present', 'will meet with their Ukrainian counterparts'],
      ['NATO Foreign Ministers will meet in Bucharest, Romania on Tuesday', 'At their meetings on Tuesday and Wednesday in Bucharest'],
      ['there can be no lasting peace if the aggressor wins', 'Therefore, to create the conditions for lasting peace'],
    ],
  ],
  [FREE_PRESS, SPEECH, [['They add that they will continue to provide support', 'So our message from Bucharest is that NATO will continue']]],
  [UWC, SPEECH, [['Stoltenberg said the allies discussed shared security concerns', 'other partners facing Russian pressure']]],
];

describe('the bundled corpus', () => {
  for (const [a, b, expected] of LINKED) {
    it(`links what ${a.slice(0, 4)} and ${b.slice(0, 4)} both say`, () => {
      const missing = expected.filter(([x, y]) => !linked(al(a, b), x, y));
      expect(missing).toEqual([]);
    });
  }

  for (const [a, b, apart] of APART) {
    it(`keeps apart what ${a.slice(0, 4)} and ${b.slice(0, 4)} say differently`, () => {
      const wrong = apart.filter(([x, y]) => linked(al(a, b), x, y));
      expect(wrong).toEqual([]);
    });
  }

  it('gives each side as offsets into the stored text, at most three sentences, both ways round', () => {
    const ids = [JOINT, PREVIEW, FREE_PRESS, UWC, SPEECH];
    let links = 0;
    for (const a of ids) {
      const ta = getDocumentText(s.lib.db, a) ?? '';
      for (const b of ids) {
        if (a === b) continue;
        const tb = getDocumentText(s.lib.db, b) ?? '';
        for (const l of al(a, b).links) {
          links++;
          expect(ta.slice(l.a.start, l.a.end)).toBe(l.a.text);
          expect(tb.slice(l.b.start, l.b.end)).toBe(l.b.text);
          expect(l.a.sentenceIndexes.length).toBeGreaterThanOrEqual(1);
          expect(l.a.sentenceIndexes.length).toBeLessThanOrEqual(3);
          expect(l.b.sentenceIndexes.length).toBeLessThanOrEqual(3);
          expect(l.score).toBeGreaterThan(0);
          expect(l.score).toBeLessThanOrEqual(1);
        }
        const reverse = al(b, a).links.map((l) => `${l.b.start}-${l.a.start}`).sort();
        expect(reverse).toEqual(al(a, b).links.map((l) => `${l.a.start}-${l.b.start}`).sort());
      }
    }
    expect(links).toBeGreaterThan(40);
  });

  it('gathers statements across the corpus, the most widely carried first', () => {
    const statements = getStatements(s.lib.db);
    expect(statements.length).toBeGreaterThan(10);
    const counts = statements.map((st) => new Set(st.sources.map((x) => x.docId)).size);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const annexation = statements.find((st) => st.sources.some((x) => x.text.includes('flagrant violation of the UN Charter')));
    expect(new Set(annexation?.sources.map((x) => x.docId))).toEqual(new Set([JOINT, FREE_PRESS, UWC]));
    const standWith = statements.find((st) => st.sources.some((x) => x.docId === PREVIEW && x.text.includes('stand with Ukraine')));
    expect(new Set(standWith?.sources.map((x) => x.docId))).toEqual(new Set([PREVIEW, SPEECH, UWC]));
    for (const st of statements) {
      for (const x of st.sources) expect((getDocumentText(s.lib.db, x.docId) ?? '').slice(x.start, x.end)).toBe(x.text);
    }
  });

  it('finds the counterparts of a passage in the other sources', () => {
    const text = getDocumentText(s.lib.db, JOINT) ?? '';
    const at = text.indexOf('We will never recognize');
    const found = findCounterparts(s.lib.db, JOINT, { start: at, end: at + 30 });
    expect(new Set(found.map((c) => c.docId))).toEqual(new Set([FREE_PRESS, UWC]));
    for (const c of found) expect(c.text).toMatch(/never recognize Russia.s illegal annexation/);
    const nothing = text.indexOf('Stoltenberg pointed out');
    expect(findCounterparts(s.lib.db, JOINT, { start: nothing, end: nothing + 5 })).toEqual([]);
  });
});
