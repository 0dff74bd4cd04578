// Which language a text is in, from its script and its commonest short words.

// Frequent short words that tell languages apart cheaply. (Not stop words: nothing is dropped
// by them; they are evidence of a language.)
const CUE_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'it', 'was', 'on', 'as', 'are', 'this', 'by', 'will', 'have', 'from', 'not'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'auf', 'sich', 'ein', 'eine', 'für', 'dem', 'des', 'auch', 'wird', 'von', 'zu', 'im'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'un', 'du', 'que', 'pour', 'dans', 'qui', 'pas', 'sur', 'au', 'avec', 'sont', 'aux', 'il'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'es', 'en', 'por', 'una', 'un', 'con', 'para', 'se', 'su', 'al', 'como', 'más', 'pero'],
  it: ['il', 'la', 'che', 'di', 'e', 'è', 'per', 'una', 'un', 'del', 'della', 'non', 'sono', 'con', 'gli', 'le', 'si', 'da', 'nel', 'anche'],
  pt: ['o', 'a', 'os', 'as', 'e', 'que', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'dos', 'das', 'se', 'mais', 'ao'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'niet', 'met', 'zijn', 'voor', 'die', 'ook', 'aan', 'er', 'wordt', 'bij', 'naar'],
  ro: ['și', 'de', 'la', 'în', 'că', 'cu', 'pe', 'nu', 'din', 'un', 'o', 'este', 'pentru', 'care', 'sunt', 'mai', 'al', 'ale', 'lui', 'fost'],
  pl: ['i', 'w', 'nie', 'na', 'się', 'z', 'że', 'do', 'jest', 'to', 'jak', 'ale', 'po', 'od', 'za', 'są', 'oraz', 'przez', 'dla', 'czy'],
  sv: ['och', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'inte', 'om', 'ett', 'var', 'men', 'de', 'vi'],
  uk: ['і', 'та', 'що', 'не', 'на', 'з', 'до', 'це', 'як', 'від', 'але', 'його', 'для', 'було', 'він', 'вона', 'які', 'також', 'щоб', 'є'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'к', 'но', 'его', 'для', 'от', 'было', 'он', 'она', 'также', 'чтобы', 'из'],
};
const CUE_INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(CUE_WORDS)) {
  for (const w of words) CUE_INDEX.set(w, [...(CUE_INDEX.get(w) ?? []), lang]);
}

const SAMPLE_CHARS = 2000;
const MIN_HITS = 5;

// Scripts that name their language outright (Unicode blocks).
const SCRIPTS: Array<[number, number, string]> = [
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0600, 0x06ff, 'ar'],
  [0x0590, 0x05ff, 'he'],
  [0x0370, 0x03ff, 'el'],
  [0x0400, 0x04ff, 'cyrillic'],
];

/** A BCP 47 primary language tag for the text; 'en' when unsure. */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS).toLowerCase();
  const byScript = new Map<string, number>();
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) letters++;
      continue;
    }
    letters++;
    for (const [lo, hi, name] of SCRIPTS) {
      if (c >= lo && c <= hi) {
        byScript.set(name, (byScript.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  if (letters === 0) return 'en';
  // Kana mixed with kanji is Japanese: test it before Chinese.
  for (const [, , name] of SCRIPTS) {
    if ((byScript.get(name) ?? 0) / letters <= 0.3 && !(name === 'ja' && (byScript.get('ja') ?? 0) / letters > 0.05)) continue;
    if (name !== 'cyrillic') return name;
    const uk = (sample.match(/[іїєґ]/gu) ?? []).length;
    const ru = (sample.match(/[ыэъё]/gu) ?? []).length;
    if (uk !== ru) return uk > ru ? 'uk' : 'ru';
    break;
  }
  const counts = new Map<string, number>();
  for (const w of sample.split(/[\s\d.,;:!?"“”‘’()«»[\]{}—–\-/]+/)) {
    const langs = CUE_INDEX.get(w);
    if (langs) for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  let best = 'en';
  let bestN = 0;
  for (const [l, n] of counts) {
    if (n > bestN) {
      best = l;
      bestN = n;
    }
  }
  return bestN >= MIN_HITS ? best : 'en';
}
