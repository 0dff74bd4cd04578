// The key facts of the five bundled reports (corpus/), from reading them: what a seminar on the
// NATO foreign ministers' meeting in Bucharest would ask. Each is (document, phrase): a fact is
// covered only when a card from that document has an ANSWER that carries the phrase (the phrase
// is the blank or part of it), never when its sentence merely appears in a prompt.
// Reviewed again against the five texts: the list keeps every fact it had and adds three the
// reports state as plainly (the united response, Ukraine's membership aspirations, China), one of
// which shares its sentence with another fact (Russian gas), so the deck cannot hold both.

export interface KeyFact {
  doc: string;
  /** Folded comparison: case, accents and punctuation do not matter. */
  phrase: string;
  fact: string;
}

const JOINT = 'b44e6ea7410dd368'; // joint statement (Romanian report with the statement's text)
const PREVIEW = 'db710659ffeaf388'; // the Secretary General's preview of the meeting
const FREE_PRESS = 'da58ee4863b15816'; // Free Press report of the statement
const UWC = '4435434e06963c7c'; // Ukrainian World Congress: decisions and aid announcements
const SPEECH = 'f707968108d80172'; // Stoltenberg's speech and partners facing pressure

export const KEY_FACTS: KeyFact[] = [
  // Commitments and warnings of the joint statement.
  { doc: JOINT, phrase: 'cruel actions', fact: 'the ministers condemn Russia’s cruel actions against civilians' },
  { doc: JOINT, phrase: 'political and practical support', fact: 'they reaffirm political and practical support for Ukraine' },
  { doc: JOINT, phrase: 'full responsibility', fact: 'Russia bears full responsibility for this war' },
  { doc: JOINT, phrase: 'international order', fact: 'energy blackmail and nuclear rhetoric undermine the rules-based international order' },
  { doc: JOINT, phrase: 'Poland', fact: 'solidarity with Poland after the 15 November incident' },
  { doc: JOINT, phrase: 'held accountable', fact: 'those responsible for war crimes must be held accountable' },
  { doc: JOINT, phrase: 'Belarus', fact: 'they also condemn Belarus for facilitating the war' },
  { doc: JOINT, phrase: 'illegal annexations', fact: 'NATO will never recognize Russia’s illegal annexations' },
  { doc: JOINT, phrase: 'energy infrastructure', fact: 'Allies will help Ukraine repair its energy infrastructure' },
  { doc: JOINT, phrase: 'Finland and Sweden', fact: 'Finland and Sweden take part as invited states' },
  { doc: JOINT, phrase: 'open door policy', fact: 'commitment to the Open Door Policy' },
  { doc: JOINT, phrase: '2008', fact: 'the decisions of the 2008 Bucharest Summit are reaffirmed' },
  { doc: JOINT, phrase: 'strategic importance', fact: 'the Western Balkans and the Black Sea region are of strategic importance' },
  { doc: JOINT, phrase: 'defensive alliance', fact: 'NATO is a defensive alliance' },
  { doc: JOINT, phrase: 'every inch', fact: 'NATO will defend every inch of Allied territory' },
  { doc: JOINT, phrase: 'Kherson', fact: 'Russia’s withdrawal from Kherson shows Ukrainian courage' },
  { doc: JOINT, phrase: 'party to the conflict', fact: 'NATO is not a party to the conflict' },
  { doc: JOINT, phrase: 'determined response', fact: 'any attack against the Allies will receive a united and determined response' },
  // The Secretary General's remarks.
  { doc: PREVIEW, phrase: 'as long as it takes', fact: 'NATO will stand with Ukraine for as long as it takes' },
  { doc: PREVIEW, phrase: 'not back down', fact: '“We will not back down”' },
  { doc: PREVIEW, phrase: 'Russian gas', fact: 'the war showed a dangerous dependency on Russian gas' },
  { doc: PREVIEW, phrase: 'aggressor wins', fact: 'no lasting peace if the aggressor wins' },
  { doc: PREVIEW, phrase: 'accession process', fact: 'time to finalise Finland’s and Sweden’s accession process' },
  { doc: PREVIEW, phrase: 'Comprehensive Assistance Package', fact: 'more support through the Comprehensive Assistance Package' },
  { doc: PREVIEW, phrase: 'China', fact: 'dependencies on other authoritarian regimes, not least China, must be assessed (the meeting addresses the challenges posed by China)' },
  { doc: UWC, phrase: 'aspirations', fact: 'NATO recognises and respects Ukraine’s aspirations for membership' },
  { doc: SPEECH, phrase: 'higher price', fact: 'if Putin wins, all will pay a much higher price' },
  { doc: SPEECH, phrase: 'negotiating table', fact: 'most wars end at the negotiating table' },
  // The aid announcements.
  { doc: UWC, phrase: '€270 million', fact: 'Sweden’s record aid package includes €270 million' },
  { doc: UWC, phrase: '$53 million', fact: 'the U.S. allocates $53 million for Ukraine’s energy system' },
  { doc: UWC, phrase: 'NOK 2 billion', fact: 'Norway allocates NOK 2 billion to buy gas' },
  { doc: UWC, phrase: 'MiG-29', fact: 'NATO re-examines giving Ukraine MiG-29 and F-16 jets' },
  { doc: UWC, phrase: 'Gripen', fact: 'Sweden discusses supplying Gripen fighters' },
  // Partners, invitees and the meeting itself.
  { doc: PREVIEW, phrase: 'Moldova', fact: 'partners Bosnia and Herzegovina, Georgia and Moldova' },
  { doc: FREE_PRESS, phrase: 'services', fact: 'Russian attacks deprive millions of Ukrainians of basic (public) services (carried by the joint statement too)' },
  { doc: PREVIEW, phrase: 'Bucharest', fact: 'the meeting is held in Bucharest' },
];
