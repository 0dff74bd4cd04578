// Shapes are the contract's (electron/api/contract/compare.ts), imported as types by relative
// path rather than '@contract' because this model is also unit-tested under Node
// (tests/unit/compare); a type import leaves nothing at run time.
import type { AlignmentLinkView, DiffPartView, LinkSideView, PairView as ContractPairView } from '../../../../electron/api/contract/compare.js';
import type { Decoration } from '../../reader/decorations.js';

export type LinkSide = LinkSideView;
export type DiffPart = DiffPartView;
export type LinkView = AlignmentLinkView;
/** compare.pair's answer (its timing is not needed here). */
export type PairView = Omit<ContractPairView, 'tookMs'>;

interface SentenceView {
  index: number;
  start: number;
  end: number;
}

export interface ColumnLink {
  id: string;
  /** Columns of the two sides: side 0 is in cols[0]. */
  cols: [number, number];
  sides: [LinkSide, LinkSide];
  score: number;
  kind: 'same' | 'variant';
  diff: LinkView['diff'];
}

export interface GroupMember {
  col: number;
  start: number;
  end: number;
}

export interface Group {
  id: string;
  /** Where the statement is in each column that has it (first place, in reading order). */
  members: GroupMember[];
  links: string[];
}

export interface Alignment {
  columns: number;
  links: ColumnLink[];
  /** Per column: Sentence.index -> ids of the links it is part of. */
  bySentence: Array<Map<number, string[]>>;
  /** Per column: Sentence.index -> its group. */
  groupOf: Array<Map<number, string>>;
  /** Statements in reading order (leftmost column first). */
  groups: Group[];
}

export const pairKey = (i: number, j: number): string => `${i}:${j}`;

/** Combine the links of every pair of columns (pairs.get(pairKey(i, j)) with i < j). */
export function buildAlignment(columns: number, pairs: ReadonlyMap<string, PairView>): Alignment {
  const links: ColumnLink[] = [];
  for (let i = 0; i < columns; i++) {
    for (let j = i + 1; j < columns; j++) {
      const p = pairs.get(pairKey(i, j));
      p?.links.forEach((l, k) => links.push({ id: `${i}-${j}-${k}`, cols: [i, j], sides: [l.a, l.b], score: l.score, kind: l.kind, diff: l.diff }));
    }
  }
  const bySentence = Array.from({ length: columns }, () => new Map<number, string[]>());
  for (const l of links) {
    l.sides.forEach((side, s) => {
      const map = bySentence[l.cols[s]];
      for (const idx of side.sentenceIndexes) map.set(idx, [...(map.get(idx) ?? []), l.id]);
    });
  }
  // Statements: sentences joined by links (a link joins every sentence of both its sides).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    for (let up = parent.get(r); up !== undefined && up !== r; up = parent.get(r)) r = up;
    parent.set(x, r);
    return r;
  };
  const node = (col: number, idx: number): string => `${col}/${idx}`;
  for (const l of links) {
    const nodes = l.sides.flatMap((side, s) => side.sentenceIndexes.map((idx) => node(l.cols[s], idx)));
    for (const n of nodes) if (!parent.has(n)) parent.set(n, n);
    for (const n of nodes.slice(1)) {
      const a = find(nodes[0]);
      const b = find(n);
      if (a !== b) parent.set(b, a);
    }
  }
  const groupsByRoot = new Map<string, Group>();
  const groupOf = Array.from({ length: columns }, () => new Map<number, string>());
  const sideOf = new Map<string, GroupMember[]>();
  for (const l of links) {
    l.sides.forEach((side, s) => {
      const col = l.cols[s];
      const root = find(node(col, side.sentenceIndexes[0]));
      let g = groupsByRoot.get(root);
      if (!g) groupsByRoot.set(root, (g = { id: `g${groupsByRoot.size}`, members: [], links: [] }));
      if (!g.links.includes(l.id)) g.links.push(l.id);
      for (const idx of side.sentenceIndexes) groupOf[col].set(idx, g.id);
      const list = sideOf.get(g.id) ?? [];
      list.push({ col, start: side.start, end: side.end });
      sideOf.set(g.id, list);
    });
  }
  const groups = [...groupsByRoot.values()];
  for (const g of groups) {
    const members = sideOf.get(g.id) ?? [];
    for (let col = 0; col < columns; col++) {
      const mine = members.filter((m) => m.col === col).sort((x, y) => x.start - y.start);
      if (mine[0]) g.members.push(mine[0]);
    }
  }
  const firstPlace = (g: Group): [number, number] => {
    const m = g.members[0];
    return [m.col, m.start];
  };
  groups.sort((x, y) => {
    const [cx, sx] = firstPlace(x);
    const [cy, sy] = firstPlace(y);
    return cx - cy || sx - sy;
  });
  const rename = new Map(groups.map((g, i) => [g.id, `g${i}`]));
  for (const g of groups) g.id = rename.get(g.id) ?? g.id;
  for (const map of groupOf) for (const [k, v] of map) map.set(k, rename.get(v) ?? v);
  return { columns, links, bySentence, groupOf, groups };
}

/** The other side of each link of a sentence: where its partners are, by column. */
export function partnersOf(al: Alignment, col: number, sentenceIndex: number): Array<{ col: number; side: LinkSide; link: ColumnLink }> {
  const ids = al.bySentence[col]?.get(sentenceIndex) ?? [];
  return ids.flatMap((id) => {
    const l = al.links.find((x) => x.id === id);
    if (!l) return [];
    const mine = l.cols[0] === col ? 0 : 1;
    return [{ col: l.cols[1 - mine], side: l.sides[1 - mine], link: l }];
  });
}

export interface ColumnState {
  /** The statement the reader is on (keyboard, click). */
  current: string | null;
  /** Column and sentence under the pointer or keyboard focus. */
  hover: { col: number; sentence: number } | null;
  showDiff: boolean;
  /** Titles of the columns' documents, for tooltips. */
  titles: string[];
  /** A sentence just jumped to (from the "only here" list), marked until the next jump. */
  target?: { col: number; sentence: number } | null;
}

/** Which column a column's word differences are shown against: the first, or for it the second. */
export const referenceColumn = (col: number): number => (col === 0 ? 1 : 0);

/** What a column draws over its text: linked and unlinked sentences, partners, differences. */
export function columnDecorations(al: Alignment, col: number, sentences: readonly SentenceView[], state: ColumnState): Decoration[] {
  const out: Decoration[] = [];
  const hoverPartners = new Set<number>();
  if (state.hover && state.hover.col !== col) {
    for (const p of partnersOf(al, state.hover.col, state.hover.sentence)) {
      if (p.col === col) for (const idx of p.side.sentenceIndexes) hoverPartners.add(idx);
    }
  }
  const groupOf = al.groupOf[col] ?? new Map<number, string>();
  for (const s of sentences) {
    const group = groupOf.get(s.index);
    if (group === undefined) {
      const jumped = state.target?.col === col && state.target.sentence === s.index;
      out.push({ key: `cmp-only-${s.index}`, start: s.start, end: s.end, className: jumped ? 'cmp-only cmp-target' : 'cmp-only', attrs: { 'data-cmp-only': String(s.index), title: 'Only in this source' } });
      continue;
    }
    const partners = partnersOf(al, col, s.index);
    const kinds = new Set(partners.map((p) => p.link.kind));
    const where = [...new Set(partners.map((p) => state.titles[p.col] ?? `column ${p.col + 1}`))];
    const classes = ['cmp-linked', kinds.has('variant') ? 'cmp-variant' : 'cmp-same'];
    if (group === state.current) classes.push('cmp-current');
    if (hoverPartners.has(s.index)) classes.push('cmp-partner');
    if (state.hover && state.hover.col === col && state.hover.sentence === s.index) classes.push('cmp-hover');
    out.push({
      key: `cmp-s-${s.index}`,
      start: s.start,
      end: s.end,
      className: classes.join(' '),
      attrs: {
        'data-cmp-s': String(s.index),
        'data-cmp-group': group,
        title: `${kinds.has('variant') ? 'Said in other words' : 'Said in the same words'} in ${where.join(', ')}`,
      },
    });
  }
  if (state.showDiff) out.push(...diffDecorations(al, col));
  return out;
}

/** Words this column has that its reference column says otherwise (or not at all). */
export function diffDecorations(al: Alignment, col: number): Decoration[] {
  const ref = referenceColumn(col);
  const out: Decoration[] = [];
  for (const l of al.links) {
    if (!(l.cols.includes(col) && l.cols.includes(ref))) continue;
    const mineIsA = l.cols[0] === col;
    l.diff.parts.forEach((p, k) => {
      if (p.op === 'equal' || p.minor) return;
      const range = mineIsA ? p.a : p.b;
      if (!range || range.end <= range.start) return;
      const mine = (mineIsA ? p.aText : p.bText).trim();
      const theirs = (mineIsA ? p.bText : p.aText).trim();
      if (p.op === 'equivalent') {
        // Other words, same meaning: not a change, so not drawn as one.
        out.push({
          key: `cmp-d-${l.id}-${k}`,
          start: range.start,
          end: range.end,
          className: 'cmp-equivalent',
          attrs: { 'data-cmp-diff': p.op, title: theirs ? `Same meaning: the other source has “${theirs}”` : 'Same meaning' },
        });
        return;
      }
      const classes = ['cmp-diff', ...p.marks.map((m) => `cmp-diff-${m}`)];
      const what = p.marks.length ? ` (${p.marks.join(', ')})` : '';
      out.push({
        key: `cmp-d-${l.id}-${k}`,
        start: range.start,
        end: range.end,
        className: classes.join(' '),
        attrs: { 'data-cmp-diff': p.op, title: theirs ? `“${mine}”: the other source has “${theirs}”${what}` : `“${mine}”: not in the other source${what}` },
      });
    });
  }
  return out;
}

/** The next statement (dir 1) or the previous (dir -1) from the current one. */
export function stepGroup(al: Alignment, current: string | null, dir: 1 | -1): string | null {
  if (!al.groups.length) return null;
  const i = current === null ? -1 : al.groups.findIndex((g) => g.id === current);
  if (i < 0) return (dir === 1 ? al.groups[0] : al.groups[al.groups.length - 1])?.id ?? null;
  const next = Math.max(0, Math.min(al.groups.length - 1, i + dir));
  return al.groups[next]?.id ?? null;
}

/** Linked and unlinked sentence counts of a column. */
export function columnCounts(al: Alignment, col: number, sentences: readonly SentenceView[]): { linked: number; only: number } {
  const map = al.groupOf[col] ?? new Map<number, string>();
  let linked = 0;
  for (const s of sentences) if (map.has(s.index)) linked++;
  return { linked, only: sentences.length - linked };
}
