import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocDetail } from '@contract';
import { useShortcut } from '../../app/shortcuts';
import { stepGroup, type Alignment } from './alignment';
import { focusedColumn, followColumn, READING_LINE, sentenceElement, sentenceIndexAt, smooth, topWithin } from './columnScroll';

// Moving through the columns by statement: the current statement (clicked, or reached with
// j / k), the partner marks under the pointer, the column being read (the others follow it
// while "scroll in step" is on) and the words a screen reader hears at each move.

export interface StatementNavigation {
  current: string | null;
  hover: { col: number; sentence: number } | null;
  setHover: (h: { col: number; sentence: number } | null) => void;
  announce: string;
  /** The scrolling element of each column. */
  scrollers: React.MutableRefObject<Array<HTMLDivElement | null>>;
  /** The column the person is scrolling: the others follow it. */
  leader: React.MutableRefObject<number>;
  follow: (from: number) => void;
  onScroll: (col: number) => void;
  select: (group: string, fromCol?: number) => void;
  step: (dir: 1 | -1) => void;
  partnerColumn: (from: number, group: string, dir: 1 | -1) => number | null;
  toPartner: (from: number, group: string, dir: 1 | -1) => void;
}

export function useStatementNavigation(docs: DocDetail[], alignment: Alignment, inStep: boolean, afterScroll: () => void): StatementNavigation {
  const [current, setCurrent] = useState<string | null>(null);
  const [hover, setHover] = useState<{ col: number; sentence: number } | null>(null);
  const [announce, setAnnounce] = useState('');
  const scrollers = useRef<Array<HTMLDivElement | null>>([]);
  const leader = useRef(0);
  const frame = useRef(0);
  const titles = useMemo(() => docs.map((d) => d.outlet ?? d.title), [docs]);

  const follow = useCallback((from: number) => followColumn(alignment, scrollers.current, from), [alignment]);

  const onScroll = (col: number) => {
    afterScroll();
    if (!inStep || col !== leader.current || frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      follow(col);
    });
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  /** Bring statement `group` to the reading line in every column that has it. */
  const goTo = useCallback(
    (group: string, fromCol?: number) => {
      const g = alignment.groups.find((x) => x.id === group);
      if (!g) return;
      const origin = fromCol ?? leader.current;
      const lead = scrollers.current[origin];
      // Level with where it is in the column it was chosen in; else at the reading line.
      let level: number | null = null;
      const own = g.members.find((m) => m.col === origin);
      if (lead && own) {
        const idx = sentenceIndexAt(docs[origin], own.start);
        const el = idx === null ? null : sentenceElement(lead, idx);
        if (el) level = el.getBoundingClientRect().top - lead.getBoundingClientRect().top;
      }
      for (const m of g.members) {
        const scroller = scrollers.current[m.col];
        const idx = sentenceIndexAt(docs[m.col], m.start);
        const el = idx === null ? null : sentenceElement(scroller, idx);
        if (!scroller || !el) continue;
        if (fromCol !== undefined && m.col === origin && level !== null) continue;
        const at = level !== null && fromCol !== undefined ? level : scroller.clientHeight * READING_LINE;
        scroller.scrollTo({ top: Math.max(0, topWithin(scroller, el) - at), behavior: smooth() });
      }
    },
    [alignment, docs],
  );

  const select = useCallback(
    (group: string, fromCol?: number) => {
      setCurrent(group);
      if (fromCol !== undefined) leader.current = fromCol;
      goTo(group, fromCol);
      const g = alignment.groups.find((x) => x.id === group);
      const n = alignment.groups.findIndex((x) => x.id === group) + 1;
      const where = g ? g.members.map((m) => titles[m.col]).join(', ') : '';
      setAnnounce(`Linked statement ${n} of ${alignment.groups.length}, in ${where}.`);
    },
    [alignment, goTo, titles],
  );

  /** Move the keyboard focus to statement `group`'s sentence in column `col` (true if there is one). */
  const focusIn = useCallback((col: number, group: string): boolean => {
    const el = scrollers.current[col]?.querySelector<HTMLElement>(`[data-cmp-group="${CSS.escape(group)}"][tabindex="0"]`);
    if (!el) return false;
    el.focus({ preventScroll: true });
    return true;
  }, []);

  const step = useCallback(
    (dir: 1 | -1) => {
      const next = stepGroup(alignment, current, dir);
      if (!next) return;
      const col = focusedColumn(scrollers.current);
      select(next);
      // A keyboard reader on a sentence moves with the current statement, so Enter and the
      // arrows act on what is marked, not on a sentence scrolled out of sight.
      if (col >= 0 && !focusIn(col, next)) focusIn(leader.current, next);
    },
    [alignment, current, select, focusIn],
  );

  /** The next (or previous) column that has statement `group`, or null. */
  const partnerColumn = useCallback(
    (from: number, group: string, dir: 1 | -1): number | null => {
      const g = alignment.groups.find((x) => x.id === group);
      for (let c = from + dir; c >= 0 && c < docs.length; c += dir) if (g?.members.some((m) => m.col === c)) return c;
      return null;
    },
    [alignment, docs.length],
  );

  /** From a focused linked sentence to its partner in the next (or previous) column. */
  const toPartner = useCallback(
    (from: number, group: string, dir: 1 | -1) => {
      const c = partnerColumn(from, group, dir);
      if (c === null) return;
      leader.current = c;
      select(group);
      focusIn(c, group);
    },
    [partnerColumn, select, focusIn],
  );
  useShortcut('j', () => step(1), { description: 'Next linked statement' });
  useShortcut('k', () => step(-1), { description: 'Previous linked statement' });
  useShortcut('alt+arrowdown', () => step(1), { description: 'Next linked statement' });
  useShortcut('alt+arrowup', () => step(-1), { description: 'Previous linked statement' });

  return { current, hover, setHover, announce, scrollers, leader, follow, onScroll, select, step, partnerColumn, toPartner };
}
