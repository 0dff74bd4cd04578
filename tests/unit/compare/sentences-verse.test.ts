import { describe, expect, it } from 'vitest';
import { segment } from '../../../electron/core/corpus/segment.js';

// Sentence splitting for texts that are not news (electron/core/corpus/sentences.ts):
// verse-like clauses after a semicolon, sentences that start in lower case. (Kept with the
// aligner's tests: the alignment of translations is what these boundaries serve.)

const sentencesOf = (text: string): string[] => segment(text).sentences.map((s) => text.slice(s.start, s.end));

describe('sentences of texts that are not news', () => {
  it('splits a verse-like clause that follows a semicolon and opens like a sentence', () => {
    expect(sentencesOf('Yea, they do no unrighteousness; They walk in his ways.')).toEqual(['Yea, they do no unrighteousness;', 'They walk in his ways.']);
  });

  it('keeps lists, short clauses, lower-case continuations and colons whole', () => {
    for (const text of [
      'The ministers met in Kyiv; Moscow denied everything about the talks.',
      'A time to be born, and a time to die; A time to plant, and a time to pluck up.',
      'He came; They left at once after the meeting.',
      'They do no iniquity; they walk in his ways.',
      'And God said, Let there be light: And there was light.',
    ]) {
      expect(sentencesOf(text)).toEqual([text]);
    }
  });

  it('splits sentences that start in lower case after a plain word and a full stop', () => {
    expect(sentencesOf('the farmer went out to sow his seed. he sowed it on the path. then the birds came.')).toEqual([
      'the farmer went out to sow his seed.',
      'he sowed it on the path.',
      'then the birds came.',
    ]);
  });

  it('does not split after abbreviations, initials or a quotation that the sentence goes on past', () => {
    for (const text of ['He met Gen. the commander of the army.', 'They saw the U.S. the first time in the war.', 'He called it “a disgrace. A shame.” and left.', 'Wherewithal shall a young man cleanse his way? by taking heed thereto.']) {
      expect(sentencesOf(text)).toEqual([text]);
    }
  });

  it('keeps offsets exact: every sentence is its slice of the text', () => {
    const text = 'Blessed are they that keep his testimonies, That seek him with the whole heart. Yea, they do no unrighteousness; They walk in his ways. the end came soon after that. it was night.';
    for (const s of segment(text).sentences) expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
    expect(sentencesOf(text)).toHaveLength(5);
  });
});
