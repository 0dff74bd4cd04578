import { useId, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { DocDetail } from '@contract';
import { useHighlightSurface } from '../../features/highlights';
import { formatDate } from '../../lib/format';
import { PassageText } from '../../reader/PassageText';
import type { Decoration } from '../../reader/decorations';
import { columnCounts, columnDecorations, type Alignment, type ColumnState } from './alignment';
import { OnlyHereList, onlyHereSentences } from './OnlyHere';

// One source in the side-by-side view: its title and counts, the list of what only it says,
// and its text with the linked sentences marked (focusable, announced as buttons).

export interface ColumnProps {
  col: number;
  doc: DocDetail;
  alignment: Alignment;
  state: ColumnState;
  header: React.ReactNode;
  /** Shown alone (narrow windows) or among others; hidden panes stay laid out to keep in step. */
  hidden: boolean;
  /** The id of the switcher tab that shows this pane (narrow windows only). */
  tabId?: string;
  panelId: string;
  scrollRef: (el: HTMLDivElement | null) => void;
  onLead: () => void;
  onScroll: () => void;
  onHover: (h: { col: number; sentence: number } | null) => void;
  onSelect: (group: string) => void;
  /** ←/→ on a linked sentence: go to its partner in the previous/next column. */
  onPartner: (group: string, dir: 1 | -1) => void;
  /** Bring a sentence of this column into view and mark it (from the "only here" list). */
  onJump: (sentenceIndex: number) => void;
  /** Whether the "only here" list is open (remembered with the comparison). */
  listOpen: boolean;
  onListOpen: (open: boolean) => void;
}

export function Column(props: ColumnProps) {
  const { col, doc, alignment, state, header, hidden, tabId, panelId, scrollRef, onLead, onScroll, onHover, onSelect, onPartner, onJump, listOpen, onListOpen } = props;
  const textRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const docRef = useMemo(() => ({ id: doc.id, title: doc.title, outlet: doc.outlet, published: doc.published, text: doc.text }), [doc]);
  const highlights = useHighlightSurface(textRef, docRef);
  const mine = useMemo(() => columnDecorations(alignment, col, doc.sentences, state), [alignment, col, doc.sentences, state]);
  const decorations: Decoration[] = useMemo(
    () =>
      mine
        .map((d) => (d.attrs?.['data-cmp-group'] ? { ...d, onClick: (_e: MouseEvent<HTMLElement>, x: Decoration) => onSelect(x.attrs?.['data-cmp-group'] ?? '') } : d))
        .concat(highlights),
    [mine, highlights, onSelect],
  );
  const counts = useMemo(() => columnCounts(alignment, col, doc.sentences), [alignment, col, doc.sentences]);
  const only = useMemo(() => onlyHereSentences(alignment, col, doc), [alignment, col, doc]);

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
    <section
      id={panelId}
      className={`cmp-column${hidden ? ' cmp-column-hidden' : ''}`}
      aria-labelledby={tabId ? `${tabId} ${headingId}` : headingId}
      role={tabId ? 'tabpanel' : undefined}
      aria-hidden={hidden || undefined}
      inert={hidden || undefined}
    >
      <header className="cmp-column-header">
        <div className="cmp-column-titles">
          <h2 id={headingId} className="cmp-column-title">
            {doc.title}
          </h2>
          <p className="cmp-column-meta">
            {[doc.outlet, date].filter(Boolean).join(' · ')}
            {doc.outlet || date ? ' · ' : ''}
            <span className="cmp-count-linked">{counts.linked} linked</span> ·{' '}
            {only.length ? (
              <button type="button" className="cmp-count-only" aria-expanded={listOpen} aria-controls={listId} onClick={() => onListOpen(!listOpen)}>
                {counts.only} only here
              </button>
            ) : (
              <span>{counts.only} only here</span>
            )}
          </p>
        </div>
        <div className="cmp-column-controls">{header}</div>
      </header>
      {listOpen ? <OnlyHereList id={listId} doc={doc} sentences={only} onJump={onJump} onClose={() => onListOpen(false)} /> : null}
      <div
        ref={scrollRef}
        className="cmp-scroll"
        role="region"
        tabIndex={hidden ? -1 : 0}
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
