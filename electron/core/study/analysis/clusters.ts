import type { Statement } from '../../compare/index.js';
import { containment, jaccard } from '../text.js';
import type { DocInfo, Group, UnitInfo } from './types.js';

// Phase: clusters. Units that make the same statement in several documents: the same text,
// the same folded words, near-duplicates (exact prefix filtering, or MinHash in a large
// library), and compare's statements. Sets each content unit's cluster and sourceDocs.

/** Clusters of units; returns the groups' word bags and postings (headlines reuse them). */
export function clusterUnits(groups: Group[], units: UnitInfo[], content: UnitInfo[], statements: Statement[], docById: Map<string, DocInfo>): { bags: Array<Set<string>>; postings: Map<string, number[]> } {
// K. Clusters: the same statement in several documents.
const uf = new UnionFind(units.length);
const byFold = new Map<string, number>();
const bags: Array<Set<string>> = [];
const groupRep: number[] = [];
for (const g of groups) {
  const rep = g.units[0] as number;
  for (const ui of g.units) uf.union(rep, ui);
  const f = g.keys.join(' ');
  const other = byFold.get(f);
  if (other !== undefined) uf.union(other, rep);
  else byFold.set(f, rep);
  bags.push(g.bag);
  groupRep.push(rep);
}
const postings = wordPostings(bags);
linkNearDuplicates(groups, bags, groupRep, units, uf, postings);
for (const st of statements) {
  const members: number[] = [];
  for (const s of st.sources) {
    const d = docById.get(s.docId);
    if (!d) continue;
    for (const u of d.units) if (!u.unit.boilerplate && u.unit.start < s.end && s.start < u.unit.end) members.push(u.idx);
  }
  for (let i = 1; i < members.length; i++) uf.union(members[0] as number, members[i] as number);
}
const clusterDocs = new Map<number, Set<string>>();
for (const u of content) {
  u.cluster = uf.find(u.idx);
  const set = clusterDocs.get(u.cluster) ?? new Set<string>();
  set.add(u.unit.docId);
  clusterDocs.set(u.cluster, set);
}
for (const u of content) u.sourceDocs = [...(clusterDocs.get(u.cluster) as Set<string>)];
  return { bags, postings };
}

class UnionFind {
  private parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[x] !== r) {
      const next = this.parent[x] as number;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function wordPostings(bags: Array<Set<string>>): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  bags.forEach((bag, gi) => {
    for (const w of bag) {
      const p = postings.get(w);
      if (p) p.push(gi);
      else postings.set(w, [gi]);
    }
  });
  return postings;
}

/**
 * Near-duplicate sentences in different documents (Jaccard >= 0.5 on content words, or one
 * mostly inside the other). Candidates come from prefix filtering: with words ordered rarest
 * first, two sets that similar must share a word among the first |A| - ceil(0.5|A|) + 1 of
 * each, so only those prefixes are indexed and compared.
 */
function linkNearDuplicates(groups: Group[], bags: Array<Set<string>>, groupRep: number[], units: UnitInfo[], uf: UnionFind, postings: Map<string, number[]>): void {
  if (bags.length > EXACT_NEAR_DUPLICATE_LIMIT) {
    linkNearDuplicatesLsh(bags, groupRep, units, uf);
    return;
  }
  const df = (w: string): number => postings.get(w)?.length ?? 0;
  const prefixes = bags.map((bag) => {
    if (bag.size < 4) return [];
    const words = [...bag].sort((x, y) => df(x) - df(y) || (x < y ? -1 : 1));
    return words.slice(0, bag.size - Math.ceil(0.5 * bag.size) + 1);
  });
  const index = new Map<string, number[]>();
  prefixes.forEach((prefix, gi) => {
    for (const w of prefix) {
      const list = index.get(w);
      if (list) list.push(gi);
      else index.set(w, [gi]);
    }
  });
  const seen = new Int32Array(bags.length).fill(-1);
  for (let gi = 0; gi < bags.length; gi++) {
    const prefix = prefixes[gi] as string[];
    if (!prefix.length) continue;
    const bag = bags[gi] as Set<string>;
    const repA = groupRep[gi] as number;
    const docA = (units[repA] as UnitInfo).unit.docId;
    for (const w of prefix) {
      for (const other of index.get(w) as number[]) {
        if (other <= gi || seen[other] === gi) continue;
        seen[other] = gi;
        const repB = groupRep[other] as number;
        if ((units[repB] as UnitInfo).unit.docId === docA) continue;
        if (uf.find(repA) === uf.find(repB)) continue;
        const ob = bags[other] as Set<string>;
        if (jaccard(bag, ob) >= 0.5 || (Math.min(bag.size, ob.size) >= 6 && containment(bag, ob) >= 0.8)) uf.union(repA, repB);
      }
    }
  }
  void groups;
}

/** Above this many distinct sentences, near-duplicates are found approximately (MinHash). */
const EXACT_NEAR_DUPLICATE_LIMIT = 4000;
const MINHASH_BANDS = 12;
const MINHASH_ROWS = 2;

function hashWord(w: string): number {
  // FNV-1a, 32 bits.
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Near-duplicates in a large library by MinHash with banding: sentences whose signatures
 * agree on a band land in the same bucket and are compared with the bucket's first sentence
 * (enough, since union-find joins the rest transitively). A pair with Jaccard 0.5 meets in
 * some band with probability 1 - (1 - 0.5^2)^12 ≈ 0.97.
 */
function linkNearDuplicatesLsh(bags: Array<Set<string>>, groupRep: number[], units: UnitInfo[], uf: UnionFind): void {
  const k = MINHASH_BANDS * MINHASH_ROWS;
  const seeds = Array.from({ length: k }, (_, i) => mix(i + 1, 0x9e3779b9));
  const wordHash = new Map<string, number>();
  const buckets = new Map<string, number>();
  const sig = new Uint32Array(k);
  for (let gi = 0; gi < bags.length; gi++) {
    const bag = bags[gi] as Set<string>;
    if (bag.size < 4) continue;
    sig.fill(0xffffffff);
    for (const w of bag) {
      let h = wordHash.get(w);
      if (h === undefined) wordHash.set(w, (h = hashWord(w)));
      for (let i = 0; i < k; i++) {
        const v = mix(h, seeds[i] as number);
        if (v < (sig[i] as number)) sig[i] = v;
      }
    }
    const repA = groupRep[gi] as number;
    for (let b = 0; b < MINHASH_BANDS; b++) {
      const key = `${b}:${sig[b * MINHASH_ROWS]}:${sig[b * MINHASH_ROWS + 1]}`;
      const first = buckets.get(key);
      if (first === undefined) {
        buckets.set(key, gi);
        continue;
      }
      const repB = groupRep[first] as number;
      if (uf.find(repA) === uf.find(repB)) continue;
      if ((units[repA] as UnitInfo).unit.docId === (units[repB] as UnitInfo).unit.docId) continue;
      const ob = bags[first] as Set<string>;
      if (jaccard(bag, ob) >= 0.5 || (Math.min(bag.size, ob.size) >= 6 && containment(bag, ob) >= 0.8)) uf.union(repA, repB);
    }
  }
}
