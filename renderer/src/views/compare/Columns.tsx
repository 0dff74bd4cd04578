import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { DocDetail } from '@contract';
import { useShortcut } from '../../app/shortcuts';
import { Button } from '../../components';
import { useHighlightSurface } from '../../features/highlights';
import { formatDate } from '../../lib/format';
import { PassageText } from '../../reader/PassageText';
import type { Decoration } from '../../reader/decorations';
import { scrollToOffset } from '../../reader/selection';
import { columnCounts, columnDecorations, stepGroup, type Alignment, type ColumnState } from './alignment';

// Two or more documents side by side. Linked sentences are marked in every column; pointing
// at (or focusing) one marks its partners; clicking it brings the partners level with it;
// j / k (or Alt+Down / Alt+Up) walk from one linked statement to the next; scrolling one
// column keeps the others in step by alignment, not by pixels.

/** Where on the screen the statement being read sits (a share of the column's height). */
const READING_LINE = 0.3;

export interface ColumnsProps {
  docs: DocDetail[];
  alignment: Alignment;
  showDiff: boolean;
  inStep: boolean;
  /** Scroll the first column to this offset when the view opens. */
  offset?: number;
  /** Column header controls (choose another source, remove): rendered by the view. */
  headerControls: (col: number) => React.ReactNode;
}

function topWithin(scroller: HTMLElement, el: Element): number {
  return el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

function sentenceElement(scroller: HTMLElement | null | undefined, index: number): HTMLElement | null {
  return scroller?.querySelector<HTMLElement>(`[data-cmp-s="${index}"]`) ?? null;
}

/** The column whose linked sentence has the keyboard focus, or -1. */
function focusedColumn(scrollers: Array<HTMLElement | null>): number {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.matches('[data-cmp-s]')) return -1;
  return scrollers.findIndex((s) => s?.contains(active) ?? false);
}

const smooth = (): ScrollBehavior => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

export function Columns({ docs, alignment, showDiff, inStep, offset, headerControls }: ColumnsProps) {
  const [current, setCurrent] = useState<string | null>(null);
  const [hover, setHover] = useState<{ col: number; sentence: number } | null>(null);
  const [announce, setAnnounce] = useState('');
  const scrollers = useRef<Array<HTMLDivElement | null>>([]);
  /** The column the person is scrolling: the others follow it. */
  const leader = useRef(0);
  const frame = useRef(0);
  const titles = useMemo(() => docs.map((d) => d.outlet ?? d.title), [docs]);

  /** Scroll column `to` so that the partners of column `from`'s reading line sit level with it. */
  const follow = useCallback(
    (from: number, behavior: ScrollBehavior = 'auto') => {
      const lead = scrollers.current[from];
      if (!lead) return;
      const line = lead.scrollTop + lead.clientHeight * READING_LINE;
      docs.forEach((_d, to) => {
        const other = scrollers.current[to];
        if (to === from || !other) return;
        // Anchors: linked pairs between the two columns, by their place in the leading one.
        const anchors: Array<{ lead: number; other: number }> = [];
        for (const l of alignment.links) {
          if (!(l.cols.includes(from) && l.cols.includes(to))) continue;
          const mine = l.cols[0] === from ? l.sides[0] : l.sides[1];
          const theirs = l.cols[0] === from ? l.sides[1] : l.sides[0];
          const a = sentenceElement(lead, mine.sentenceIndexes[0] as number);
          const b = sentenceElement(other, theirs.sentenceIndexes[0] as number);
          if (a && b) anchors.push({ lead: topWithin(lead, a), other: topWithin(other, b) });
        }
        if (!anchors.length) return;
        anchors.sort((x, y) => x.lead - y.lead);
        let before = anchors[0] as { lead: number; other: number };
        let after: typeof before | null = null;
        for (const a of anchors) {
          if (a.lead <= line) before = a;
          else {
            after = a;
            break;
          }
        }
        let target = before.other + (line - before.lead);
        // Between two anchors told in the same order in both, move proportionally.
        if (after && before.lead <= line && after.other > before.other) {
          const t = (line - before.lead) / Math.max(1, after.lead - before.lead);
          target = before.other + t * (after.other - before.other);
        }
        other.scrollTo({ top: Math.max(0, target - other.clientHeight * READING_LINE), behavior });
      });
    },
    [alignment, docs],
  );

  const onScroll = (col: number) => {
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
        const idx = sentenceIndexAt(docs[origin] as DocDetail, own.start);
        const el = idx === null ? null : sentenceElement(lead, idx);
        if (el) level = el.getBoundingClientRect().top - lead.getBoundingClientRect().top;
      }
      for (const m of g.members) {
        const scroller = scrollers.current[m.col];
        const idx = sentenceIndexAt(docs[m.col] as DocDetail, m.start);
        const el = idx === null ? null : sentenceElement(scroller, idx);
        if (!scroller || !el) continue;
        const keep = fromCol !== undefined && m.col === origin && level !== null;
        if (keep) continue;
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

  /** From a focused linked sentence to its partner in the next (or previous) column. */
  const toPartner = useCallback(
    (from: number, group: string, dir: 1 | -1) => {
      for (let c = from + dir; c >= 0 && c < docs.length; c += dir) {
        if (!alignment.groups.find((g) => g.id === group)?.members.some((m) => m.col === c)) continue;
        leader.current = c;
        select(group);
        focusIn(c, group);
        return;
      }
    },
    [alignment, docs.length, select, focusIn],
  );
  useShortcut('j', () => step(1), { description: 'Next linked statement' });
  useShortcut('k', () => step(-1), { description: 'Previous linked statement' });
  useShortcut('alt+arrowdown', () => step(1), { description: 'Next linked statement' });
  useShortcut('alt+arrowup', () => step(-1), { description: 'Previous linked statement' });

  // Open at the route's offset: the first column there, the others in step.
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || offset === undefined) return;
    const first = scrollers.current[0];
    const text = first?.querySelector('[data-passage-root]');
    if (!first || !text) return;
    opened.current = true;
    scrollToOffset(text, offset);
    leader.current = 0;
    follow(0);
  }, [offset, follow]);

  const index = current === null ? 0 : alignment.groups.findIndex((g) => g.id === current) + 1;
  return (
    <div className="cmp-columns-wrap">
      <div className="cmp-stepper" role="group" aria-label="Linked statements">
        <Button size="sm" variant="ghost" onClick={() => step(-1)} disabled={!alignment.groups.length} aria-keyshortcuts="k Alt+ArrowUp">
          ↑ Previous
        </Button>
        <span className="cmp-stepper-count">
          {alignment.groups.length ? `${index ? `${index} of ` : ''}${alignment.groups.length} linked statement${alignment.groups.length === 1 ? '' : 's'}` : 'No linked statements'}
        </span>
        <Button size="sm" variant="ghost" onClick={() => step(1)} disabled={!alignment.groups.length} aria-keyshortcuts="j Alt+ArrowDown">
          Next ↓
        </Button>
        <span className="cmp-stepper-hint">
          <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>←</kbd>/<kbd>→</kbd> partner in the other column
        </span>
      </div>
      <p className="cmp-legend">
        <span>
          <span className="cmp-linked cmp-same cmp-legend-swatch">linked</span> in the same words
        </span>
        <span>
          <span className="cmp-linked cmp-variant cmp-legend-swatch">linked</span> in other words
        </span>
        <span>
          <span className="cmp-only">grey</span>: only in this source
        </span>
        {showDiff ? (
          <span>
            <span className="cmp-diff">wavy</span>: worded differently (bold: numbers and names)
          </span>
        ) : null}
      </p>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announce}
      </p>
      <div className="cmp-columns" style={{ ['--cmp-cols' as string]: String(docs.length) }}>
        {docs.map((doc, col) => (
          <Column
            key={`${col}-${doc.id}`}
            col={col}
            doc={doc}
            alignment={alignment}
            state={{ current, hover, showDiff, titles }}
            header={headerControls(col)}
            scrollRef={(el) => {
              scrollers.current[col] = el;
            }}
            onLead={() => {
              leader.current = col;
            }}
            onScroll={() => onScroll(col)}
            onHover={setHover}
            onSelect={(group) => select(group, col)}
            onPartner={(group, dir) => toPartner(col, group, dir)}
          />
        ))}
      </div>
    </div>
  );
}

/** Sentence.index of the sentence starting at (or containing) `start`. */
function sentenceIndexAt(doc: DocDetail, start: number): number | null {
  const s = doc.sentences.find((x) => x.start <= start && start < x.end) ?? doc.sentences.find((x) => x.start >= start);
  return s ? s.index : null;
}

interface ColumnProps {
  col: number;
  doc: DocDetail;
  alignment: Alignment;
  state: ColumnState;
  header: React.ReactNode;
  scrollRef: (el: HTMLDivElement | null) => void;
  onLead: () => void;
  onScroll: () => void;
  onHover: (h: { col: number; sentence: number } | null) => void;
  onSelect: (group: string) => void;
  /** ←/→ on a linked sentence: go to its partner in the previous/next column. */
  onPartner: (group: string, dir: 1 | -1) => void;
}

function Column({ col, doc, alignment, state, header, scrollRef, onLead, onScroll, onHover, onSelect, onPartner }: ColumnProps) {
  const textRef = useRef<HTMLDivElement>(null);
  const docRef = useMemo(() => ({ id: doc.id, title: doc.title, outlet: doc.outlet, published: doc.published, text: doc.text }), [doc]);
  const highlights = useHighlightSurface(textRef as RefObject<HTMLElement | null>, docRef);
  const mine = useMemo(() => columnDecorations(alignment, col, doc.sentences, state), [alignment, col, doc.sentences, state]);
  const decorations: Decoration[] = useMemo(
    () =>
      mine
        .map((d) => (d.attrs?.['data-cmp-group'] ? { ...d, onClick: (_e: MouseEvent<HTMLElement>, x: Decoration) => onSelect(x.attrs?.['data-cmp-group'] ?? '') } : d))
        .concat(highlights),
    [mine, highlights, onSelect],
  );
  const counts = useMemo(() => columnCounts(alignment, col, doc.sentences), [alignment, col, doc.sentences]);

  // Linked sentences are reachable from the keyboard: focusable, announced as buttons.
  useLayoutEffect(() => {
    const root = textRef.current;
    if (!root) return;
    const seen = new Set<string>();
    for (const el of root.querySelectorAll<HTMLElement>('[data-cmp-s]')) {
      const idx = el.dataset.cmpS ?? '';
      // A sentence split by a highlight is several elements: the first one takes the focus.
      const first = !seen.has(idx);
      seen.add(idx);
      if (first) {
        el.tabIndex = 0;
        el.setAttribute('role', 'button');
        el.setAttribute('aria-pressed', el.classList.contains('cmp-current') ? 'true' : 'false');
      } else el.removeAttribute('tabindex');
    }
  });

  const sentenceOf = (target: EventTarget | null): number | null => {
    const el = target instanceof Element ? target.closest<HTMLElement>('[data-cmp-s]') : null;
    return el ? Number(el.dataset.cmpS) : null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    onLead();
    const el = e.target instanceof HTMLElement && e.target.matches('[data-cmp-s]') ? e.target : null;
    if (!el) return;
    const plain = !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey;
    if (plain && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      e.preventDefault();
      onPartner(el.dataset.cmpGroup ?? '', e.key === 'ArrowRight' ? 1 : -1);
      return;
    }
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onSelect(el.dataset.cmpGroup ?? '');
  };
  const date = formatDate(doc.published);
  const headingId = `cmp-col-${col}-title`;
  return (
    <section className="cmp-column" aria-labelledby={headingId}>
      <header className="cmp-column-header">
        <div className="cmp-column-titles">
          <h2 id={headingId} className="cmp-column-title">
            {doc.title}
          </h2>
          <p className="cmp-column-meta">
            {[doc.outlet, date].filter(Boolean).join(' · ')}
            {doc.outlet || date ? ' · ' : ''}
            <span className="cmp-count-linked">{counts.linked} linked</span> · <span className="cmp-count-only">{counts.only} only here</span>
          </p>
        </div>
        <div className="cmp-column-controls">{header}</div>
      </header>
      <div
        ref={scrollRef}
        className="cmp-scroll"
        role="region"
        tabIndex={0}
        aria-label={`Text of ${doc.title}`}
        onScroll={onScroll}
        onWheel={onLead}
        onPointerDown={onLead}
        onTouchStart={onLead}
        onKeyDown={onKeyDown}
        onMouseOver={(e) => {
          const s = sentenceOf(e.target);
          if (s === null) onHover(null);
          else if (state.hover?.col !== col || state.hover.sentence !== s) onHover({ col, sentence: s });
        }}
        onMouseLeave={() => onHover(null)}
        onFocus={(e) => {
          const s = sentenceOf(e.target);
          if (s !== null) onHover({ col, sentence: s });
        }}
        onBlur={() => onHover(null)}
      >
        <article className="cmp-article" lang={doc.language || undefined}>
          <div ref={textRef}>
            <PassageText text={doc.text} passages={doc.passages} decorations={decorations} headingLevel={3} />
          </div>
        </article>
      </div>
    </section>
  );
}

