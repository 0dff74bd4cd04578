import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DocDetail } from '@contract';
import { scrollToOffset } from '../../reader/selection';
import type { Alignment } from './alignment';
import { Column } from './Column';
import { READING_LINE, readPosition, restorePosition, sentenceElement, topWithin } from './columnScroll';
import { rememberComparison, savedFor } from './lastComparison';
import { PaneSwitcher, panePanelId, paneTabId, useOnePane } from './PaneSwitcher';
import { CompareLegend, StatementStepper } from './StatementStepper';
import { useStatementNavigation } from './useStatementNavigation';

// Two or more documents side by side. Linked sentences are marked in every column; pointing
// at (or focusing) one marks its partners; clicking it brings the partners level with it;
// j / k (or Alt+Down / Alt+Up) walk from one linked statement to the next; scrolling one
// column keeps the others in step by alignment, not by pixels. Where each column is gets
// remembered, so Back, the Compare tab and a reload return to the same place. In a narrow
// window one pane shows at a time, with tabs to switch.

const SAVE_AFTER_MS = 150;

export interface ColumnsProps {
  docs: DocDetail[];
  alignment: Alignment;
  showDiff: boolean;
  inStep: boolean;
  /** Scroll the first column to this offset when the view opens (else: where it was left). */
  offset?: number;
  /** Column header controls (choose another source, remove): rendered by the view. */
  headerControls: (col: number) => React.ReactNode;
}

export function Columns({ docs, alignment, showDiff, inStep, offset, headerControls }: ColumnsProps) {
  const docIds = useMemo(() => docs.map((d) => d.id), [docs]);
  const saved = useRef(savedFor(docIds));
  const onePane = useOnePane();
  const [active, setActive] = useState(() => Math.min(saved.current?.active ?? 0, docs.length - 1));
  const [target, setTarget] = useState<{ col: number; sentence: number } | null>(null);
  const activeRef = useRef(active);
  activeRef.current = active;
  // Open "only here" lists belong to this set of documents; another set starts with none open.
  const idsKey = docIds.join(' ');
  const [lists, setLists] = useState(() => ({ key: idsKey, cols: saved.current?.onlyHere ?? [] }));
  const openLists = lists.key === idsKey ? lists.cols : [];
  const setListOpen = (col: number, open: boolean) => {
    const cols = open ? [...new Set([...openLists, col])] : openLists.filter((c) => c !== col);
    setLists({ key: idsKey, cols });
    rememberComparison({ docIds, onlyHere: cols });
  };

  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const opened = useRef(false);
  const scrollersRef = useRef<Array<HTMLDivElement | null>>([]);
  const save = useCallback(() => {
    if (!opened.current) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      // Leaving the view detaches the columns before effect clean-ups run: a timer firing in
      // between must not note "at the top" for columns that are no longer there.
      const positions = scrollersRef.current.slice(0, docIds.length).map((s) => (s?.isConnected ? readPosition(s) : null));
      if (positions.length < docIds.length || positions.some((p) => p === null)) return;
      rememberComparison({ docIds, positions: positions.filter((p) => p !== null), active: activeRef.current });
    }, SAVE_AFTER_MS);
  }, [docIds]);
  useLayoutEffect(() => () => clearTimeout(saveTimer.current), []);

  const nav = useStatementNavigation(docs, alignment, inStep, save);
  scrollersRef.current = nav.scrollers.current;
  const titles = useMemo(() => docs.map((d) => d.outlet ?? d.title), [docs]);
  const { current, hover } = nav;
  const state = useMemo(() => ({ current, hover, showDiff, titles, target }), [current, hover, showDiff, titles, target]);

  // Open where asked (the route's offset: first column there, the others in step), else
  // where these documents were left, else at the top.
  useLayoutEffect(() => {
    if (opened.current) return;
    const scrollers = nav.scrollers.current;
    const first = scrollers[0];
    const text = first?.querySelector('[data-passage-root]');
    if (!first || !text) return;
    opened.current = true;
    if (offset !== undefined) {
      scrollToOffset(text, offset);
      nav.leader.current = 0;
      nav.follow(0);
      save();
      return;
    }
    const positions = saved.current?.positions ?? [];
    positions.forEach((p, col) => {
      const s = scrollers[col];
      if (s) restorePosition(s, p);
    });
    nav.leader.current = activeRef.current;
  }, [offset, nav, save]);

  const switchTo = (col: number) => {
    if (col === active) return;
    // The shown pane leads: bring the one about to show level with it, then show it.
    nav.follow(active);
    nav.leader.current = col;
    setActive(col);
    rememberComparison({ docIds, active: col });
  };

  /** From the "only here" list: the sentence at the reading line, marked and selected. */
  const jump = (col: number, sentence: number) => {
    const scroller = nav.scrollers.current[col];
    const el = sentenceElement(scroller, sentence);
    if (!scroller || !el) return;
    nav.leader.current = col;
    setTarget({ col, sentence });
    scroller.scrollTo({ top: Math.max(0, topWithin(scroller, el) - scroller.clientHeight * READING_LINE) });
    // Selected, so the highlight bar (colours, note, copy) is right there.
    el.tabIndex = -1;
    el.focus({ preventScroll: true });
    const parts = scroller.querySelectorAll(`[data-cmp-only="${sentence}"]`);
    const range = document.createRange();
    range.setStartBefore(parts[0] ?? el);
    range.setEndAfter(parts[parts.length - 1] ?? el);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  };

  const index = current === null ? 0 : alignment.groups.findIndex((g) => g.id === current) + 1;
  const shown = Math.min(active, docs.length - 1);
  return (
    <div className="cmp-columns-wrap">
      <StatementStepper total={alignment.groups.length} index={index} onStep={nav.step} />
      <CompareLegend showDiff={showDiff} hasEquivalent={showDiff && alignment.links.some((l) => l.diff.parts.some((p) => p.op === 'equivalent'))} />
      <p className="visually-hidden" aria-live="polite" role="status">
        {nav.announce}
      </p>
      {onePane ? <PaneSwitcher docs={docs} active={shown} onSwitch={switchTo} /> : null}
      <div className={`cmp-columns${onePane ? ' cmp-one-pane' : docs.length >= 4 ? ' cmp-columns-many' : ''}`} style={{ ['--cmp-cols' as string]: String(docs.length) }}>
        {docs.map((doc, col) => (
          <Column
            key={`${col}-${doc.id}`}
            col={col}
            doc={doc}
            alignment={alignment}
            state={state}
            header={headerControls(col)}
            hidden={onePane && col !== shown}
            tabId={onePane ? paneTabId(col) : undefined}
            panelId={panePanelId(col)}
            scrollRef={(el) => {
              nav.scrollers.current[col] = el;
            }}
            onLead={() => {
              nav.leader.current = col;
            }}
            onScroll={() => nav.onScroll(col)}
            onHover={nav.setHover}
            onSelect={(group) => nav.select(group, col)}
            onPartner={(group, dir) => {
              // One pane at a time: the partner's pane comes forward first (a hidden pane
              // cannot take the focus).
              const to = nav.partnerColumn(col, group, dir);
              if (onePane && to !== null) flushSync(() => switchTo(to));
              nav.toPartner(col, group, dir);
            }}
            onJump={(sentence) => jump(col, sentence)}
            listOpen={openLists.includes(col)}
            onListOpen={(open) => setListOpen(col, open)}
          />
        ))}
      </div>
    </div>
  );
}
