/** The parts of a search hit these helpers use (SearchHit from the contract fits). */
export interface HitLike {
  docId: string;
  title: string;
}

export interface HitGroup<H extends HitLike = HitLike> {
  docId: string;
  title: string;
  hits: H[];
}

/** Group hits by document: documents in order of their best hit, hits in score order. */
export function groupHits<H extends HitLike>(hits: readonly H[]): Array<HitGroup<H>> {
  const groups = new Map<string, HitGroup<H>>();
  for (const h of hits) {
    let g = groups.get(h.docId);
    if (!g) {
      g = { docId: h.docId, title: h.title, hits: [] };
      groups.set(h.docId, g);
    }
    g.hits.push(h);
  }
  return [...groups.values()];
}

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** Split a snippet at its mark ranges (clamped, sorted, overlaps merged). */
export function snippetParts(snippet: string, marks: ReadonlyArray<readonly [number, number]>): SnippetPart[] {
  const ranges = marks
    .map(([s, e]): [number, number] => [Math.max(0, Math.min(s, snippet.length)), Math.max(0, Math.min(e, snippet.length))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out: SnippetPart[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: snippet.slice(at, s), marked: false });
    out.push({ text: snippet.slice(s, e), marked: true });
    at = e;
  }
  if (at < snippet.length) out.push({ text: snippet.slice(at), marked: false });
  return out;
}
