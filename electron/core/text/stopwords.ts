// The one English stop-word list, and the named views of it each analysis uses.
//
// CORE is lunr's list, word for word: search scores with TF-IDF, so frequent words already
// weigh little and a short list is enough, and the persisted search index was built with it
// (changing it means re-indexing every library). Alignment and study measure overlap between
// two short sentences (no IDF), where "between", "through" or "should" would count as shared
// content: they add FUNCTION_WORDS. Alignment keeps negations and reporting words as terms
// (a sentence and its denial are different statements; "said" marks attribution) and the
// particles of phrasal verbs ("we will not back down").

const CORE = `a able about across after all almost also am among an and any are as at be because been but by can
  cannot could dear did do does either else ever every for from get got had has have he her hers him his how however
  i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only
  or other our own rather said say says she should since so some than that the their them then there these they this
  tis to too twas us wants was we were what when where which while who whom why will with would yet you your`;

const FUNCTION_WORDS = `above again against amid another before being below between both doing down during each even
  few further having here herself himself itself more much myself now once one ones onto others otherwise ours ourselves
  out over per same shall still such theirs themselves those though through thus today told tomorrow toward towards
  under until up upon very via whether whose within without yesterday yours yourself yourselves
  s t re ve ll d m mr mrs ms dr`;

const list = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** "not", "never", "no"...: a statement and its denial are not the same statement. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nor', 'neither', 'none', 'nothing', 'cannot']);
/** Reporting words: they frame a statement ("she said") rather than make one. */
export const REPORTING_WORDS: ReadonlySet<string> = new Set(['said', 'say', 'says', 'told']);
/** Particles of phrasal verbs, which change the verb's meaning ("back down", "step up"). */
export const PARTICLES: ReadonlySet<string> = new Set(['down', 'up']);

/** The one list: every English function word any analysis drops. */
export const STOPWORDS: ReadonlySet<string> = new Set([...list(CORE), ...list(FUNCTION_WORDS)]);

export type StopwordProfile = 'search' | 'overlap' | 'alignment';

const SEARCH: ReadonlySet<string> = new Set(list(CORE));
// Words alignment keeps as terms besides negations, reporting words and particles: time words
// ("now", "still", "today") place a statement, and the rest were never in alignment's list; its
// thresholds are tuned with them as terms (tests/unit/compare/corpus.test.ts fails without them).
const ALIGNMENT_KEEPS = new Set(['now', 'still', 'even', 'today', 'tomorrow', 'yesterday', 'amid', 'onto', 'via', 'able', 'dear', 'get', 'got', 'likely', 'tis', 'twas', 'wants']);
const ALIGNMENT: ReadonlySet<string> = new Set(
  [...STOPWORDS].filter((w) => !NEGATIONS.has(w) && !REPORTING_WORDS.has(w) && !PARTICLES.has(w) && !ALIGNMENT_KEEPS.has(w)),
);

/**
 * The stop words of one analysis: 'search' (lunr's list; TF-IDF does the rest), 'overlap'
 * (the whole list: study's sentence and phrase comparisons), 'alignment' (the whole list but
 * negations, reporting words, particles and ALIGNMENT_KEEPS, which alignment weighs itself).
 */
export function stopwords(profile: StopwordProfile): ReadonlySet<string> {
  return profile === 'search' ? SEARCH : profile === 'alignment' ? ALIGNMENT : STOPWORDS;
}
