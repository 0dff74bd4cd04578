import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocDetail } from '@contract';
import { api, notifyChanged, useResult } from '../../api';
import { navigate } from '../../app/navigation';
import { Skeleton } from '../../app/Skeleton';
import { markViewReady } from '../../app/startup';
import { useShortcut } from '../../app/shortcuts';
import { stepReaderSize, useReaderSize, READER_SIZES } from '../../app/theme';
import type { ViewProps } from '../../app/views';
import { Button, EmptyState, ErrorMessage } from '../../components';
import { formatDate, formatLength } from '../../lib/format';
import { PassageText } from '../../reader/PassageText';
import type { Decoration } from '../../reader/decorations';
import { readerExtensions, type ReaderContext } from '../../reader/extensions';
import { offsetAtBottom, offsetAtTop, scrollParentOf, scrollToOffset, selectionToRange, type TextRange } from '../../reader/selection';
import { useWordSnap } from '../../reader/useWordSnap';
import { measureAnchor, scrollToAnchor, shownFrom, type Anchor, type Unit } from './position';
import { advanceFrontier, frontierOf, progressOf, READING_TOPIC, SAMPLE_MS, type ViewSample } from './progress';
import { contentsOf, currentEntry, isLong } from './contents';
import { titlePassageOf } from './titleRepeat';
import { SelectionToolbar } from './SelectionToolbar';
import { SidePanel } from './SidePanel';

const SAVE_DELAY_MS = 600;
const FLASH_MS = 2600;

/** A letter A with a small minus or plus: an icon, so the button's name is its label alone. */
function TextSizeIcon({ sign }: { sign: 'minus' | 'plus' }) {
  return (
    <svg viewBox="0 0 22 16" className="icon icon-text-size" aria-hidden="true" focusable="false">
      <path d="M1.5 14.5 6.5 2l5 12.5M3.5 10h6" />
      <path d={sign === 'plus' ? 'M14 8h6M17 5v6' : 'M14 8h6'} />
    </svg>
  );
}

/** What the position is anchored to: each passage's sentences, or the passage itself when it has none (headings). */
function readingUnits(doc: DocDetail): Unit[] {
  const byPassage = new Map<number, Unit[]>();
  for (const s of doc.sentences) {
    const list = byPassage.get(s.passageIndex);
    if (list) list.push(s);
    else byPassage.set(s.passageIndex, [s]);
  }
  // Page furniture ('meta') is not rendered, so it cannot be at the top of the view.
  return doc.passages.filter((p) => p.kind !== 'meta').flatMap((p) => byPassage.get(p.index) ?? [p]);
}

function sameRange(a: TextRange | null, b: TextRange | null): boolean {
  return a === b || (!!a && !!b && a.start === b.start && a.end === b.end);
}

export default function ReaderView({ route, navSeq }: ViewProps<'reader'>) {
  const result = useResult(() => api['docs.get']({ id: route.docId }), [route.docId], { refreshOn: ['docs'] });
  const doc = result.value?.id === route.docId ? result.value : undefined;

  if (!doc) {
    if (result.status === 'error') {
      return (
        <div className="reader-message">
          {result.error.code === 'NOT_FOUND' ? (
            <EmptyState
              title="This document is not in the library"
              body="It may have been deleted. Choose another one from the library."
              action={
                <Button variant="primary" onClick={() => navigate({ view: 'library' })}>
                  Go to the library
                </Button>
              }
            />
          ) : (
            <ErrorMessage error={result.error} title="The document could not be opened" retry={result.reload} />
          )}
        </div>
      );
    }
    return <Skeleton kind="text" label="Opening the document…" />;
  }
  return <Reader key={doc.id} doc={doc} route={route} navSeq={navSeq} />;
}

function Reader({ doc, route, navSeq }: { doc: DocDetail } & ViewProps<'reader'>) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<TextRange | null>(null);
  const [topOffset, setTopOffset] = useState(doc.position);
  const [flash, setFlash] = useState<{ start: number; end: number; id: number } | null>(null);
  const long = isLong(doc);
  const [showContents, setShowContents] = useState(() => long && window.innerWidth >= 1100);
  const panels = useMemo(() => readerExtensions().filter((e) => e.panel), []);
  const [showPanel, setShowPanel] = useState(() => panels.length > 0 && window.innerWidth >= 1000);
  const size = useReaderSize();
  const contents = useMemo(() => contentsOf(doc), [doc]);
  const titlePassage = useMemo(() => titlePassageOf(doc), [doc]);
  const units = useMemo(() => readingUnits(doc), [doc]);
  // Read through a ref, so a refreshed document (same id) does not re-run the opening scroll.
  const unitsRef = useRef(units);
  unitsRef.current = units;
  // Where the reader is (restored on open, re-applied when the text reflows) and how far they have read.
  const anchorRef = useRef<Anchor>({ position: doc.position, within: doc.positionWithin });
  const frontier = useRef(frontierOf(doc.progress, doc.text.length));
  // The scrollTop this view set itself: its scroll event is not the person moving.
  const ownScroll = useRef<number | null>(null);

  useEffect(() => {
    document.title = `${doc.title} · Parallax`;
  }, [doc.title]);
  useEffect(() => markViewReady(), []);

  const scrollTo = useCallback((offset: number, flashRange?: [number, number]) => {
    const el = textRef.current;
    if (!el) return;
    scrollToOffset(el, offset, { smooth: true, end: flashRange?.[1] });
    if (flashRange) setFlash({ start: flashRange[0], end: flashRange[1], id: Date.now() });
  }, []);

  const applyAnchor = useCallback(() => {
    const el = textRef.current;
    if (!el) return;
    const top = scrollToAnchor(el, unitsRef.current, anchorRef.current);
    if (top !== null) ownScroll.current = top;
    setTopOffset(offsetAtTop(el) ?? 0);
  }, []);

  // Open at the route's offset (a search result, a link) or where the reader left off.
  const routeOffset = route.offset;
  const routeEnd = route.end;
  const routeFlash = route.flash;
  useLayoutEffect(() => {
    const el = textRef.current;
    const scroller = scrollerRef.current;
    if (!el || !scroller) return;
    if (routeOffset !== undefined) {
      scrollToOffset(el, routeOffset, { end: routeEnd });
      anchorRef.current = measureAnchor(el, unitsRef.current) ?? anchorRef.current;
      if (routeFlash && routeEnd !== undefined && routeEnd > routeOffset) setFlash({ start: routeOffset, end: routeEnd, id: navSeq });
    } else applyAnchor();
    scroller.focus({ preventScroll: true });
  }, [navSeq, routeOffset, routeEnd, routeFlash, applyAnchor]);

  // Layout settles after the first paint (the reading font loads) and changes with the window
  // width or text size: each time, the anchor goes back to the top of the view.
  useEffect(() => {
    const el = textRef.current;
    if (!el) return;
    let alive = true;
    void document.fonts?.ready.then(() => {
      if (alive) applyAnchor();
    });
    let width = el.offsetWidth;
    let height = el.offsetHeight;
    const observer = new ResizeObserver(() => {
      if (el.offsetWidth === width && el.offsetHeight === height) return;
      width = el.offsetWidth;
      height = el.offsetHeight;
      applyAnchor();
    });
    observer.observe(el);
    return () => {
      alive = false;
      observer.disconnect();
    };
  }, [applyAnchor]);

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(t);
  }, [flash]);

  // Remember the position: measured on every scroll frame the person makes, sent debounced,
  // and sent once more on leaving (the DOM is gone by then, so the last measurement counts).
  const dirty = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const frame = useRef(0);
  const send = useCallback(
    (leaving = false) => {
      clearTimeout(saveTimer.current);
      if (!dirty.current) return;
      dirty.current = false;
      const { position, within } = anchorRef.current;
      const saved = api['docs.setPosition']({ id: doc.id, position, positionWithin: within, progress: progressOf(frontier.current, doc.text.length) });
      if (leaving) void saved.then((r) => r.ok && notifyChanged(READING_TOPIC));
    },
    [doc.id, doc.text.length],
  );
  const queueSave = useCallback(() => {
    dirty.current = true;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => send(), SAVE_DELAY_MS);
  }, [send]);
  const measure = useCallback(() => {
    frame.current = 0;
    const el = textRef.current;
    if (!el) return;
    const scroller = scrollParentOf(el);
    const own = ownScroll.current !== null && Math.abs(scroller.scrollTop - ownScroll.current) < 1;
    ownScroll.current = null;
    setTopOffset(offsetAtTop(el) ?? 0);
    if (own) return;
    anchorRef.current = measureAnchor(el, unitsRef.current) ?? anchorRef.current;
    queueSave();
  }, [queueSave]);
  const onScroll = () => {
    if (!frame.current) frame.current = requestAnimationFrame(measure);
  };
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      send(true);
    },
    [send],
  );

  // Progress: every half second, the text on screen moves the reading frontier on if it carries
  // on from what was read (see progress.ts). A hidden window reads nothing.
  useEffect(() => {
    let previous: ViewSample | null = null;
    const timer = setInterval(() => {
      const el = textRef.current;
      if (!el || document.hidden) {
        previous = null;
        return;
      }
      const top = offsetAtTop(el);
      const bottom = offsetAtBottom(el, doc.text.length);
      if (top === null || bottom === null) return;
      const now = { top, bottom };
      const next = advanceFrontier(shownFrom(el, frontier.current), previous, now);
      previous = now;
      if (next > frontier.current) {
        frontier.current = next;
        queueSave();
      }
    }, SAMPLE_MS);
    return () => clearInterval(timer);
  }, [doc.text.length, queueSave]);

  // A drag that starts or ends inside a word selects the whole word; Alt keeps the exact range.
  useWordSnap(textRef, doc.language || undefined);

  // Track the selection as document offsets.
  useEffect(() => {
    const onChange = () => {
      const el = textRef.current;
      const next = el ? selectionToRange(el) : null;
      setSelection((prev) => (sameRange(prev, next) ? prev : next));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const clearSelection = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  const ctx: ReaderContext = useMemo(
    () => ({ doc, selection, topOffset, scrollTo, clearSelection }),
    [doc, selection, topOffset, scrollTo, clearSelection],
  );

  // Extensions are fixed at start-up, so this loop calls the same hooks in the same order.
  const extensionDecorations: Decoration[] = [];
  for (const ext of readerExtensions()) {
    if (ext.useDecorations) extensionDecorations.push(...ext.useDecorations(ctx));
  }
  const decorations = flash
    ? [...extensionDecorations, { key: `flash-${flash.id}`, start: flash.start, end: flash.end, className: 'flash', attrs: { 'data-flash': '' } }]
    : extensionDecorations;

  const current = currentEntry(contents, topOffset);
  const jump = (index: number) => {
    const entry = contents[Math.max(0, Math.min(contents.length - 1, index))];
    if (!entry) return;
    scrollTo(entry.start);
    setTopOffset(entry.start);
    scrollerRef.current?.focus({ preventScroll: true });
  };
  useShortcut('[', () => jump(current - 1), { description: 'Previous section or passage' });
  useShortcut(']', () => jump(current + 1), { description: 'Next section or passage' });

  const date = formatDate(doc.published);
  const contentsId = 'reader-contents';
  const panelId = 'reader-panel';
  return (
    <div className={`reader${showContents ? ' with-contents' : ''}${showPanel && panels.length ? ' with-panel' : ''}`}>
      <div className="reader-toolbar" role="toolbar" aria-label="Reading">
        <Button variant="ghost" size="sm" onClick={() => navigate({ view: 'library' })}>
          ← Library
        </Button>
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={showContents}
          aria-controls={showContents ? contentsId : undefined}
          onClick={() => setShowContents((s) => !s)}
        >
          Contents
        </Button>
        <span className="toolbar-spacer" />
        <div className="text-size" role="group" aria-label="Text size">
          <Button variant="ghost" size="sm" aria-label="Smaller text" disabled={size <= READER_SIZES[0]} onClick={() => stepReaderSize(-1)}>
            <TextSizeIcon sign="minus" />
          </Button>
          <span className="text-size-value" aria-live="polite">
            {size}px
          </span>
          <Button variant="ghost" size="sm" aria-label="Larger text" disabled={size >= READER_SIZES[READER_SIZES.length - 1]} onClick={() => stepReaderSize(1)}>
            <TextSizeIcon sign="plus" />
          </Button>
        </div>
        {panels.length ? (
          <Button variant="ghost" size="sm" aria-expanded={showPanel} aria-controls={showPanel ? panelId : undefined} onClick={() => setShowPanel((s) => !s)}>
            Side panel
          </Button>
        ) : null}
      </div>

      {showContents ? (
        <nav id={contentsId} className="reader-contents" aria-label="Contents">
          <p className="reader-contents-title" aria-hidden="true">
            Contents
          </p>
          <ol>
            {contents.map((c, i) => (
              <li key={c.passageIndex} data-depth={c.depth}>
                <a
                  href={`#p-${c.passageIndex}`}
                  className={`contents-link contents-${c.kind}`}
                  aria-current={i === current ? 'location' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    jump(i);
                  }}
                >
                  {c.label}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      <div ref={scrollerRef} className="reader-scroll" tabIndex={0} aria-label={`Text of ${doc.title}`} onScroll={onScroll} role="region">
        <article className="reader-article" lang={doc.language || undefined} style={{ fontSize: `${size}px` }}>
          {/* When the text opens with its title, that line is drawn as the title (below) and
              the heading here is for screen readers and the window's outline only. */}
          <header className={`reader-header${titlePassage !== null ? ' title-in-text' : ''}`}>
            <h1 className={`reader-title${titlePassage !== null ? ' visually-hidden' : ''}`}>{doc.title}</h1>
            <p className="reader-meta">
              {[doc.outlet, date, doc.author, formatLength(doc.words)].filter(Boolean).join(' · ')}
            </p>
          </header>
          <div ref={textRef}>
            <PassageText text={doc.text} passages={doc.passages} decorations={decorations} titlePassage={titlePassage} />
          </div>
        </article>
      </div>

      {showPanel && panels.length ? <SidePanel id={panelId} ctx={ctx} panels={panels} /> : null}
      <SelectionToolbar ctx={ctx} container={textRef} />
    </div>
  );
}
