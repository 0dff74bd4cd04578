import { createHash } from 'node:crypto';
import type { LinkKind, RawLink } from './align.js';
import type { CompareDoc } from './store.js';
import { sameForm } from './text.js';

// Statements: what several sources say, gathered from the pairwise links. Linking is not
// transitive (A ~ B and B ~ C do not make A ~ C when B is long), so a statement is built
// around a centre sentence: its direct partners, plus sentences strongly linked to one of
// them or linked to two of them. Nothing further joins, so a chain of loose links never
// glues unrelated sentences together.

export interface ClusterSource {
  docId: string;
  start: number;
  end: number;
  text: string;
  kind: LinkKind;
  /** Sentence positions in the document. */
  sentences: number[];
}

export interface Cluster {
  id: string;
  /** The wording the statement is shown by (its centre sentence's). */
  text: string;
  sources: ClusterSource[];
  /** Distinct documents carrying it. */
  documents: number;
}

interface PairResult {
  a: number; // index into docs
  b: number;
  links: readonly RawLink[];
}

/** A node is one sentence of one document: `doc * STRIDE + position`. */
const STRIDE = 1 << 20;

interface Edge {
  to: number;
  score: number;
  /** The sentences on each side of the link this edge comes from. */
  fromRun: [number, number];
  toRun: [number, number];
}

/** A secondary member joins on one link this strong, or on links to two members. */
const STRONG_LINK = 0.6;

export function buildStatements(docs: readonly CompareDoc[], pairs: readonly PairResult[]): Cluster[] {
  const edges = new Map<number, Edge[]>();
  const add = (from: number, e: Edge): void => {
    let list = edges.get(from);
    if (!list) edges.set(from, (list = []));
    list.push(e);
  };
  for (const p of pairs) {
    for (const l of p.links) {
      for (let i = l.a.from; i < l.a.to; i++) {
        for (let j = l.b.from; j < l.b.to; j++) {
          const na = p.a * STRIDE + i;
          const nb = p.b * STRIDE + j;
          add(na, { to: nb, score: l.score, fromRun: [l.a.from, l.a.to], toRun: [l.b.from, l.b.to] });
          add(nb, { to: na, score: l.score, fromRun: [l.b.from, l.b.to], toRun: [l.a.from, l.a.to] });
        }
      }
    }
  }
  const docOf = (n: number): number => Math.floor(n / STRIDE);
  const posOf = (n: number): number => n % STRIDE;
  const reach = (n: number): { docs: number; weight: number } => {
    const list = edges.get(n) ?? [];
    return { docs: new Set(list.map((e) => docOf(e.to))).size, weight: list.reduce((s, e) => s + e.score, 0) };
  };
  const order = [...edges.keys()]
    .map((n) => ({ n, ...reach(n) }))
    .sort((x, y) => y.docs - x.docs || y.weight - x.weight || x.n - y.n);

  const assigned = new Set<number>();
  const clusters: Cluster[] = [];
  for (const { n: centre } of order) {
    if (assigned.has(centre)) continue;
    // Per document, the sentence positions this statement covers there.
    const members = new Map<number, Set<number>>();
    const take = (node: number, run: [number, number]): void => {
      const d = docOf(node);
      let set = members.get(d);
      if (!set) members.set(d, (set = new Set()));
      for (let k = run[0]; k < run[1]; k++) {
        const id = d * STRIDE + k;
        if (!assigned.has(id)) set.add(k);
      }
    };
    const centreDoc = docOf(centre);
    take(centre, [posOf(centre), posOf(centre) + 1]);
    const core = new Set<number>([centre]);
    for (const e of edges.get(centre) ?? []) {
      if (assigned.has(e.to) || docOf(e.to) === centreDoc) continue;
      take(centre, e.fromRun);
      take(e.to, e.toRun);
      core.add(e.to);
    }
    if (core.size < 2) continue;
    // One step beyond the core, no further.
    const votes = new Map<number, { count: number; best: number; run: [number, number] }>();
    for (const m of core) {
      if (m === centre) continue;
      for (const e of edges.get(m) ?? []) {
        if (core.has(e.to) || assigned.has(e.to) || members.has(docOf(e.to))) continue;
        const v = votes.get(e.to) ?? { count: 0, best: 0, run: e.toRun };
        v.count++;
        if (e.score > v.best) {
          v.best = e.score;
          v.run = e.toRun;
        }
        votes.set(e.to, v);
      }
    }
    for (const [node, v] of votes) {
      if (members.has(docOf(node))) continue;
      if (v.count >= 2 || v.best >= STRONG_LINK) take(node, v.run);
    }
    const centreText = sentenceText(docs[centreDoc], posOf(centre), posOf(centre) + 1);
    const sources: ClusterSource[] = [];
    for (const [d, set] of members) {
      const doc = docs[d];
      for (const run of contiguous([...set].sort((x, y) => x - y))) {
        for (const k of run) assigned.add(d * STRIDE + k);
        const text = sentenceText(doc, run[0], run[run.length - 1] + 1);
        const first = doc.sentences[run[0]];
        const last = doc.sentences[run[run.length - 1]];
        if (!first || !last) continue;
        const kind: LinkKind = d === centreDoc || sameForm(text) === sameForm(centreText) ? 'same' : 'variant';
        sources.push({ docId: doc.id, start: first.start, end: last.end, text, kind, sentences: run });
      }
    }
    const documents = new Set(sources.map((s) => s.docId)).size;
    if (documents < 2) continue;
    sources.sort((x, y) => docIndex(docs, x.docId) - docIndex(docs, y.docId) || x.start - y.start);
    clusters.push({ id: statementId(docs[centreDoc], posOf(centre)), text: centreText, sources, documents });
  }
  return clusters.sort((x, y) => y.documents - x.documents || firstPosition(docs, x) - firstPosition(docs, y));
}

function contiguous(sorted: number[]): number[][] {
  const runs: number[][] = [];
  for (const k of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] + 1 === k) last.push(k);
    else runs.push([k]);
  }
  return runs;
}

function sentenceText(doc: CompareDoc, from: number, to: number): string {
  const a = doc.sentences[from];
  const b = doc.sentences[to - 1];
  return a && b ? doc.text.slice(a.start, b.end) : '';
}

const docIndex = (docs: readonly CompareDoc[], id: string): number => docs.findIndex((d) => d.id === id);

/** Reading order of the statement in the library: its first source's place. */
function firstPosition(docs: readonly CompareDoc[], c: Cluster): number {
  const s = c.sources[0];
  return s ? docIndex(docs, s.docId) * STRIDE + s.start : 0;
}

/** Stable while the centre's document is unchanged. */
function statementId(doc: CompareDoc, pos: number): string {
  const s = doc.sentences[pos];
  return 's' + createHash('sha1').update(`${doc.contentHash}:${s?.start}:${s?.end}`).digest('hex').slice(0, 12);
}
