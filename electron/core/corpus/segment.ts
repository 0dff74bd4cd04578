import type { Passage, Segmentation, Sentence } from '../types.js';
// PLACEHOLDER (corpus helper replaces): one passage per line, sentences on ". ".
export function segment(text: string): Segmentation {
  const passages: Passage[] = [];
  const sentences: Sentence[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const p: Passage = { index: passages.length, start: m.index, end: m.index + m[0].length, kind: 'paragraph' };
    passages.push(p);
    const sre = /[^.!?]+[.!?]*/g;
    for (let s = sre.exec(m[0]); s; s = sre.exec(m[0])) {
      const lead = s[0].length - s[0].trimStart().length;
      const st = p.start + s.index + lead;
      const en = p.start + s.index + s[0].trimEnd().length;
      if (en > st) sentences.push({ index: sentences.length, passageIndex: p.index, start: st, end: en });
    }
  }
  return { passages, sentences };
}
