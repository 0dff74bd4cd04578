import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../electron/core/db/open.js';
import { ingestDocument } from '../../electron/core/corpus/ingest.js';
import { alignPair, type Alignment } from '../../electron/core/compare/index.js';
import { setMeaningResources, type MeaningResources } from '../../electron/core/compare/semantic.js';

// Parallel-text benchmark: the aligner on ../shared/data/parallel-dev (six passages in four
// English translations, verse spans as ground truth; see its README). Every file is imported
// through the real ingest (normalise + segment) into one library, each listed pair is
// aligned, and the links are scored as the README says: a link is correct when some verse its
// A side overlaps is also overlapped by its B side; recall is the share of verses carried by
// a correct link on both sides; unrelated pairs should get no link at all.
//
// The aligner was tuned on TUNED passages only; the others are reported apart as held-out.

export const TUNED = new Set(['genesis1', 'mark4', 'psalm119']);

export interface PairScore {
  a: string;
  b: string;
  tier: string;
  passage: string;
  heldOut: boolean;
  links: number;
  correct: number;
  verses: number;
  recalled: number;
  recall: number;
  precision: number;
  /** Wrong links, as text, for reading what went wrong. */
  wrong: Array<{ a: string; b: string }>;
  /** Verse ids no correct link carries. */
  missed: string[];
}

export interface TierScore {
  tier: string;
  subset: 'tuned' | 'held-out' | 'all';
  pairs: number;
  links: number;
  recall: number;
  precision: number;
}

interface VerseSpan {
  id: string;
  start: number;
  end: number;
}

/** The repository root: the nearest folder up from here with a package.json (source or dist). */
function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** ../shared/data/parallel-dev relative to the repository root, or null when absent. */
export function parallelDevDir(): string | null {
  const dir = path.resolve(repoRoot(), '..', 'shared', 'data', 'parallel-dev');
  return fs.existsSync(path.join(dir, 'pairs.json')) && fs.existsSync(path.join(dir, 'verses.json')) ? dir : null;
}

/** UTF-16 index of each code-point offset of `text` (verses.json counts code points, as Python does). */
function codePointToUtf16(text: string): Int32Array {
  const map = new Int32Array(text.length + 2);
  let cp = 0;
  let i = 0;
  while (i < text.length) {
    map[cp++] = i;
    const c = text.codePointAt(i) as number;
    i += c > 0xffff ? 2 : 1;
  }
  map[cp] = i;
  return map.subarray(0, cp + 1);
}

/**
 * Verse spans as [start, end) indices into the STORED text. The import normalises the text
 * (trims the final newline, NFC, spaces), so each verse is found in order in the stored text
 * rather than trusted to sit at the raw file's offsets.
 */
function storedVerses(raw: string, stored: string, verses: readonly VerseSpan[], file: string): VerseSpan[] {
  const map = codePointToUtf16(raw);
  let cursor = 0;
  return verses.map((v) => {
    const s = map[v.start];
    const e = map[v.end];
    if (s === undefined || e === undefined) throw new Error(`${file}: verse ${v.id} lies outside the file`);
    const verseText = raw.slice(s, e).normalize('NFC');
    const at = stored.indexOf(verseText, cursor);
    if (at < 0) throw new Error(`${file}: verse ${v.id} is not in the imported text`);
    cursor = at + verseText.length;
    return { id: v.id, start: at, end: cursor };
  });
}

const overlapping = (verses: readonly VerseSpan[], start: number, end: number): Set<string> =>
  new Set(verses.filter((v) => v.start < end && start < v.end).map((v) => v.id));

export function scorePair(al: Alignment, versesA: readonly VerseSpan[], versesB: readonly VerseSpan[]): Omit<PairScore, 'a' | 'b' | 'tier' | 'passage' | 'heldOut'> {
  const carried = new Set<string>();
  let correct = 0;
  const wrong: PairScore['wrong'] = [];
  for (const l of al.links) {
    const inA = overlapping(versesA, l.a.start, l.a.end);
    const inB = overlapping(versesB, l.b.start, l.b.end);
    const both = [...inA].filter((v) => inB.has(v));
    if (both.length > 0) correct++;
    else wrong.push({ a: l.a.text, b: l.b.text });
    for (const v of both) carried.add(v);
  }
  const ids = new Set(versesA.map((v) => v.id));
  const missed = [...ids].filter((v) => !carried.has(v));
  const links = al.links.length;
  return {
    links,
    correct,
    verses: ids.size,
    recalled: ids.size - missed.length,
    recall: ids.size ? (ids.size - missed.length) / ids.size : 0,
    precision: links ? correct / links : 1,
    wrong,
    missed,
  };
}

const stem = (file: string): string => file.replace(/-[a-z]+\.txt$/, '');

/** Import every file of parallel-dev into a fresh library and score every pair. */
export function scoreParallelDev(dir: string): { pairs: PairScore[]; tiers: TierScore[]; alignMs: number } {
  const pairsJson = JSON.parse(fs.readFileSync(path.join(dir, 'pairs.json'), 'utf8')) as { pairs: Array<{ a: string; b: string; tier: string }> };
  const versesJson = JSON.parse(fs.readFileSync(path.join(dir, 'verses.json'), 'utf8')) as Record<string, VerseSpan[]>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-parallel-'));
  try {
    const db = openDatabase(path.join(tmp, 'lib.sqlite'), { logSlow: false });
    const files = Object.keys(versesJson).sort();
    const ids = new Map<string, string>();
    const verses = new Map<string, VerseSpan[]>();
    for (const file of files) {
      const raw = fs.readFileSync(path.join(dir, file), 'utf8');
      const { doc } = ingestDocument(db, { file, origin: 'imported', raw, title: file, outlet: null, published: null, language: 'en', author: null });
      const stored = (db.prepare('SELECT text FROM documents WHERE id = ?').get(doc.id) as { text: string }).text;
      ids.set(file, doc.id);
      verses.set(file, storedVerses(raw, stored, versesJson[file] ?? [], file));
    }
    const pairs: PairScore[] = [];
    const t0 = performance.now();
    for (const p of pairsJson.pairs) {
      const al = alignPair(db, ids.get(p.a) as string, ids.get(p.b) as string);
      const passage = p.tier === 'unrelated' ? `${stem(p.a)}~${stem(p.b)}` : stem(p.a);
      const heldOut = p.tier === 'unrelated' ? false : !TUNED.has(passage);
      pairs.push({ a: p.a, b: p.b, tier: p.tier, passage, heldOut, ...scorePair(al, verses.get(p.a) ?? [], verses.get(p.b) ?? []) });
    }
    const alignMs = performance.now() - t0;
    db.close();
    return { pairs, tiers: tierScores(pairs), alignMs };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Recall over all the tier's verses and precision over all its links (micro averages). */
function tierScores(pairs: readonly PairScore[]): TierScore[] {
  const out: TierScore[] = [];
  for (const tier of [...new Set(pairs.map((p) => p.tier))]) {
    // Unrelated pairs are no passage's: only their total is reported.
    const subsets = tier === 'unrelated' ? (['all'] as const) : (['tuned', 'held-out', 'all'] as const);
    for (const subset of subsets) {
      const mine = pairs.filter((p) => p.tier === tier && (subset === 'all' || (subset === 'held-out') === p.heldOut));
      if (mine.length === 0) continue;
      const links = mine.reduce((n, p) => n + p.links, 0);
      const correct = mine.reduce((n, p) => n + p.correct, 0);
      const verses = mine.reduce((n, p) => n + p.verses, 0);
      const recalled = mine.reduce((n, p) => n + p.recalled, 0);
      out.push({ tier, subset, pairs: mine.length, links, recall: verses ? recalled / verses : 0, precision: links ? correct / links : 1 });
    }
  }
  return out;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export async function run(): Promise<Record<string, number | string>> {
  const dir = parallelDevDir();
  if (!dir) return { 'parallel.skipped': '../shared/data/parallel-dev is absent' };
  const { pairs, tiers, alignMs } = scoreParallelDev(dir);
  const out: Record<string, number | string> = { 'parallel.align_all_pairs_ms': Math.round(alignMs) };
  for (const t of tiers) {
    const key = `parallel.${t.tier}.${t.subset}`;
    if (t.tier === 'unrelated') {
      out[`parallel.unrelated.links`] = t.links;
      continue;
    }
    out[`${key}.recall`] = r3(t.recall);
    out[`${key}.precision`] = r3(t.precision);
  }
  for (const p of pairs) {
    const name = p.tier === 'unrelated' ? p.passage : `${p.passage}.${p.tier}`;
    out[`parallel.pair.${name}`] = p.tier === 'unrelated' ? `${p.links} links` : `R ${r3(p.recall)} P ${r3(p.precision)} (${p.links} links)${p.heldOut ? ' held-out' : ''}`;
  }
  return out;
}

/** The figures with each meaning resource added in turn (tuned and held-out apart). */
function ablation(dir: string): void {
  const steps: Array<[string, MeaningResources]> = [
    ['exact words only', { lemmas: false, wordnet: false, vectors: false }],
    ['+ lemmas', { lemmas: true, wordnet: false, vectors: false }],
    ['+ lemmas + WordNet', { lemmas: true, wordnet: true, vectors: false }],
    ['+ lemmas + vectors', { lemmas: true, wordnet: false, vectors: true }],
    ['+ lemmas + WordNet + vectors', { lemmas: true, wordnet: true, vectors: true }],
  ];
  for (const [name, r] of steps) {
    setMeaningResources(r);
    const { tiers } = scoreParallelDev(dir);
    const cell = (tier: string, subset: string): string => {
      const t = tiers.find((x) => x.tier === tier && x.subset === subset);
      return t ? `R ${r3(t.recall).toFixed(3)} P ${r3(t.precision).toFixed(3)}` : '-';
    };
    console.log(`| ${name} | ${cell('modern', 'tuned')} | ${cell('modern', 'held-out')} | ${cell('simplified', 'tuned')} | ${cell('simplified', 'held-out')} | ${tiers.find((x) => x.tier === 'unrelated')?.links ?? 0} |`);
  }
}

// `npx tsx bench/sections/parallel.ts [--verbose | --ablation]`: the figures; with --verbose
// what was missed and mislinked; with --ablation the figures per meaning resource.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = parallelDevDir();
  if (!dir) console.log('../shared/data/parallel-dev is absent');
  else if (process.argv.includes('--ablation')) ablation(dir);
  else {
    const { pairs, tiers, alignMs } = scoreParallelDev(dir);
    for (const p of pairs) {
      console.log(`${p.tier.padEnd(10)} ${p.passage.padEnd(26)} R ${r3(p.recall).toFixed(3)} P ${r3(p.precision).toFixed(3)} links ${p.links}${p.heldOut ? '  (held-out)' : ''}`);
      if (process.argv.includes('--verbose')) {
        if (p.missed.length) console.log(`    missed: ${p.missed.join(' ')}`);
        for (const w of p.wrong) console.log(`    WRONG: ${w.a.slice(0, 90)}\n       ~~ ${w.b.slice(0, 90)}`);
      }
    }
    for (const t of tiers) console.log(`${t.tier.padEnd(10)} ${t.subset.padEnd(8)} R ${r3(t.recall).toFixed(3)} P ${r3(t.precision).toFixed(3)} links ${t.links}`);
    console.log(`aligned ${pairs.length} pairs in ${Math.round(alignMs)} ms`);
  }
}
