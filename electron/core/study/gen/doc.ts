import type { Db } from '../../db/open.js';
import { getDocument, getPassages, getSentences } from '../../corpus/store.js';
import { listHighlights, type HighlightRecord } from '../../annotate/index.js';
import { analyse, ANALYSIS_VERSION, type CorpusAnalysis, type DocInfo, type UnitInfo } from '../analysis.js';
import { stem, STOPWORDS } from '../text.js';

// The per-document half of generation: everything that depends on one document's text only
// (units, names, quantities, quotations and their speakers, the document's own words), cached
// by the document's content hash and the generator version, so a library change re-analyses
// only the documents that changed.

/** Bump when per-document analysis or card generation changes in a way that should regenerate cards. */
export const GEN_VERSION = 100 + ANALYSIS_VERSION;

export interface DocGen {
  id: string;
  contentHash: string;
  title: string;
  outlet: string | null;
  published: string | null;
  words: number;
  /** The one-document analysis (units with spans, speakers, scores). */
  analysis: CorpusAnalysis;
  doc: DocInfo;
  /** Stemmed content words with their counts in this document. */
  tf: Map<string, number>;
  /** Person speakers of quotations with how many quotations each. */
  speakers: Map<string, number>;
  highlights: HighlightRecord[];
}

const memo = new Map<string, DocGen>();
const MEMO_LIMIT = 3000;

function highlightKey(hs: readonly HighlightRecord[]): string {
  return hs.map((h) => `${h.id}:${h.start}:${h.end}:${h.orphan ? 1 : 0}`).join(',');
}

/** The analysis of one document, from memory when its text (and highlights) are unchanged. */
export function docGen(db: Db, docId: string, highlights?: HighlightRecord[]): DocGen | null {
  const d = getDocument(db, docId);
  if (!d) return null;
  const hs = highlights ?? safeHighlights(db, docId);
  const key = `${GEN_VERSION}:${d.contentHash}:${d.id}:${d.title}:${d.outlet ?? ''}:${d.published ?? ''}:${highlightKey(hs)}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const analysis = analyse([{ id: d.id, title: d.title, outlet: d.outlet, published: d.published, text: d.text, passages: getPassages(db, d.id), sentences: getSentences(db, d.id) }], hs, []);
  const doc = analysis.docs[0] as DocInfo;
  const tf = new Map<string, number>();
  for (const u of doc.units) {
    if (u.unit.boilerplate) continue;
    for (const t of u.tokens) {
      if (STOPWORDS.has(t.norm) || t.norm.length < 3 || /^\d/.test(t.norm)) continue;
      const w = stem(t.norm);
      tf.set(w, (tf.get(w) ?? 0) + 1);
    }
  }
  const speakers = new Map<string, number>();
  for (const q of doc.quotes) if (q.speaker?.kind === 'person') speakers.set(q.speaker.name, (speakers.get(q.speaker.name) ?? 0) + 1);
  const g: DocGen = { id: d.id, contentHash: d.contentHash, title: d.title, outlet: d.outlet, published: d.published, words: d.words, analysis, doc, tf, speakers, highlights: hs };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, g);
  return g;
}

function safeHighlights(db: Db, docId: string): HighlightRecord[] {
  try {
    return listHighlights(db, { docId });
  } catch {
    return [];
  }
}

/** Content units of a document, in reading order. */
export function contentUnits(g: DocGen): UnitInfo[] {
  return g.doc.units.filter((u) => !u.unit.boilerplate);
}
