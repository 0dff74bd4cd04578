import { lexiconSwitch, lexiconTags, type TaggedTerm } from '../nlp.js';
import { fold, tokenize } from '../text.js';

// A fast part-of-speech guesser for blank choice: compromise's own lexicon (a map lookup, no
// sentence-level tagging), closed word classes, and English suffixes for unknown words. Full
// tagging with compromise costs ~1-2 ms a sentence, which for 1,000 documents is most of the
// generation budget; the blank phases need only coarse classes (noun, adjective, verb, value,
// function words), which the lexicon and suffixes give. The quality checker still uses
// compromise's full tagger, so the measure does not share this shortcut.

const CLOSED: Record<string, string[]> = {};
const put = (words: string, tags: string[]): void => {
  for (const w of words.split(' ')) CLOSED[w] = tags;
};
put('the a an this that these those every each some any no another', ['Determiner']);
put('its their his her our my your whose', ['Possessive', 'Pronoun']);
put('i you he she it we they me him us them who whom what which', ['Pronoun']);
put('of in on at by for with from to into onto over under about against between among through during before after since until without within across toward towards via per upon amid despite near beyond', ['Preposition']);
put('and or but nor yet so because although though while whereas if unless than', ['Conjunction']);
put('is are was were be been being am', ['Verb', 'Copula']);
put('will would shall should can could may might must do does did has have had', ['Verb', 'Auxiliary']);
put('not never no', ['Negative']);
put('very also just only even still already too more most less least quite rather', ['Adverb']);

const NOUN_TAGS = new Set(['Noun', 'Singular', 'Plural', 'Uncountable', 'Actor', 'ProperNoun', 'Person', 'Place', 'Country', 'City', 'Region', 'Organization', 'Company', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Demonym', 'Unit', 'Currency']);
const NAME_TAGS = new Set(['ProperNoun', 'Person', 'Place', 'Country', 'City', 'Region', 'Organization', 'Company', 'FirstName', 'LastName', 'MaleName', 'FemaleName']);
const VERB_TAGS = new Set(['Verb', 'Infinitive', 'PastTense', 'PresentTense', 'Gerund', 'Participle', 'Copula', 'Modal', 'Auxiliary', 'PhrasalVerb']);
const ADJ_TAGS = new Set(['Adjective', 'Comparative', 'Superlative']);
const VALUE_TAGS = new Set(['Value', 'Cardinal', 'Ordinal', 'Multiple', 'NumericValue', 'TextValue']);

function coarse(tags: readonly string[]): Set<string> {
  const out = new Set<string>(tags);
  for (const t of tags) {
    if (NOUN_TAGS.has(t)) out.add('Noun');
    if (NAME_TAGS.has(t)) out.add('ProperNoun');
    if (VERB_TAGS.has(t)) out.add('Verb');
    if (ADJ_TAGS.has(t)) out.add('Adjective');
    if (VALUE_TAGS.has(t)) out.add('Value');
  }
  return out;
}

/** A suffix rule applies only with at least three letters of stem in front ("table" is no "-able"). */
function ends(w: string, re: RegExp): boolean {
  const m = re.exec(w);
  return m !== null && m.index >= 3;
}

function bySuffix(w: string): string[] {
  if (ends(w, /ly$/)) return ['Adverb'];
  if (ends(w, /(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ist|ure|age|cy|hood|dom|ery)s?$/)) return ['Noun'];
  if (ends(w, /(?:al|ive|ous|ful|less|able|ible|ic|ical|ary|ian|ish|ese|ent|ant)$/)) return ['Adjective'];
  if (ends(w, /(?:ate|ise|ize|ify)$/)) return ['Verb', 'Infinitive'];
  if (ends(w, /ing$/)) return ['Verb', 'Gerund'];
  if (ends(w, /ed$/)) return ['Verb', 'PastTense'];
  return ['Noun'];
}

/** Coarse tags of each word of text, with offsets (the shape of nlp.ts's tagTerms). */
export function fastTags(text: string): TaggedTerm[] {
  const out: TaggedTerm[] = [];
  const tokens = tokenize(text);
  tokens.forEach((t, i) => {
    const w = fold(t.text);
    let tags: string[];
    if (/^\d/.test(t.text) || /^[$€£¥]/.test(text.slice(t.start - 1, t.start))) tags = ['Value'];
    else if (CLOSED[w]) tags = CLOSED[w] as string[];
    else if (/^(?:that|it|there|what|he|she|who|here|where|how|let)[’']s$/.test(w)) tags = ['Pronoun'];
    else if (/[’']s$/.test(w)) tags = ['Noun', 'Possessive', ...(/^\p{Lu}/u.test(t.text) ? ['ProperNoun'] : [])];
    else {
      const sentenceStart = i === 0 || /[.!?:;“"(]\s*$/u.test(text.slice(Math.max(0, t.start - 3), t.start));
      const known = lexiconTags(w);
      // "Russian gas", "Swedish government": a demonym or adjective, not a name.
      if (/^\p{Lu}/u.test(t.text) && !sentenceStart && known.some((x) => x === 'Demonym' || x === 'Adjective') && !known.some((x) => NOUN_TAGS.has(x) && x !== 'Demonym')) tags = ['Adjective'];
      else if (/^\p{Lu}/u.test(t.text) && !sentenceStart) tags = ['Noun', 'ProperNoun'];
      else {
        const lex = lexiconTags(w);
        const base = w.endsWith('s') && !lex.length ? lexiconTags(w.slice(0, -1)) : [];
        tags = lex.length ? lex : base.some((x) => NOUN_TAGS.has(x)) ? ['Noun', 'Plural'] : base.some((x) => VERB_TAGS.has(x)) ? ['Verb', 'PresentTense'] : bySuffix(w);
        if (/^\p{Lu}/u.test(t.text) && !lex.length && /^\p{Lu}\p{Ll}/u.test(t.text) && sentenceStart && !base.length && bySuffix(w)[0] === 'Noun') tags = ['Noun', 'ProperNoun'];
      }
    }
    // Hyphenated words ("Euro-Atlantic", "ground-based", "full-scale"): adjectives before a noun.
    if (t.text.includes('-') && !/\d/.test(t.text) && tags.includes('Noun') && /^\s+\p{Ll}/u.test(text.slice(t.end, t.end + 2))) tags = ['Adjective'];
    out.push({ start: t.start, end: t.end, text: t.text, tags: coarse(tags) });
  });
  // Context, in one pass: a verb form after a determiner, possessive, adjective or singular
  // noun is a noun ("the end", "accession process"); after a plural noun or a name it stays a
  // verb ("wars end", "Putin win"); an -ing form between a determiner and a noun is an
  // adjective ("the negotiating table").
  for (let i = 1; i < out.length; i++) {
    const cur = out[i] as TaggedTerm;
    const prev = out[i - 1] as TaggedTerm;
    const next = out[i + 1];
    const tags = cur.tags as Set<string>;
    const sw = /^\p{Ll}/u.test(cur.text) ? lexiconSwitch(fold(cur.text)) : null;
    if (sw && /Verb/.test(sw)) {
      const nounBefore =
        prev.tags.has('Determiner') || prev.tags.has('Possessive') || prev.tags.has('Adjective') || prev.tags.has('Value') || (prev.tags.has('Noun') && !prev.tags.has('ProperNoun') && !prev.tags.has('Pronoun') && !/s$/i.test(prev.text) && /^\p{Ll}/u.test(prev.text));
      const subjectBefore =
        prev.tags.has('Auxiliary') || /^(?:we|they|i|you|he|she|it|to)$/i.test(prev.text) || prev.tags.has('ProperNoun') || (prev.tags.has('Noun') && /s$/i.test(prev.text) && !prev.tags.has('Possessive'));
      if (!nounBefore && subjectBefore) {
        tags.delete('Noun');
        tags.delete('Singular');
        tags.delete('Plural');
        tags.add('Verb');
      } else if (nounBefore) {
        tags.delete('Verb');
        tags.delete('Infinitive');
        tags.delete('PresentTense');
        tags.add('Noun');
      }
      continue;
    }
    const bare = tags.has('Infinitive') || (tags.has('PresentTense') && !tags.has('Copula') && !tags.has('Auxiliary'));
    if (bare && !tags.has('Noun')) {
      const singularNoun = prev.tags.has('Noun') && !prev.tags.has('ProperNoun') && !/s$/i.test(prev.text) && !prev.tags.has('Pronoun');
      if (prev.tags.has('Determiner') || prev.tags.has('Possessive') || prev.tags.has('Adjective') || singularNoun) {
        tags.delete('Verb');
        tags.delete('Infinitive');
        tags.delete('PresentTense');
        tags.add('Noun');
      }
    }
    if (tags.has('Gerund') && (prev.tags.has('Determiner') || prev.tags.has('Possessive') || prev.tags.has('Adjective')) && next?.tags.has('Noun')) {
      tags.delete('Verb');
      tags.delete('Gerund');
      tags.add('Adjective');
    }
  }
  return out;
}
