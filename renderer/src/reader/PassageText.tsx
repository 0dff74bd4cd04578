import { memo, useCallback, useEffect, useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import type { PassageView } from '@contract';
import { safeAttrs, segmentRange, type Decoration } from './decorations';
import { registerDocumentText } from './selection';

export type { Decoration } from './decorations';

export interface PassageTextProps {
  text: string;
  passages: PassageView[];
  decorations?: readonly Decoration[];
  /** Element level of a top-level heading (default 2; the document title is h1); deeper source levels go below it. */
  headingLevel?: 2 | 3;
  /** A passage drawn as the document's title (the text opens with it; the reader shows it once). */
  titlePassage?: number | null;
  className?: string;
}

function decoSignature(ds: readonly Decoration[]): string {
  return ds.map((d) => `${d.key}:${d.start}-${d.end}:${d.className ?? ''}:${d.attrs ? JSON.stringify(d.attrs) : ''}`).join('|');
}

function renderSegment(text: string, start: number, end: number, decos: readonly Decoration[]): ReactNode {
  let node: ReactNode = text.slice(start, end);
  if (!decos.length) return node;
  // Innermost element carries the offset of its text (see selection.ts).
  for (let i = decos.length - 1; i >= 0; i--) {
    const d = decos[i];
    const innermost = i === decos.length - 1;
    node = (
      <span
        key={d.key}
        className={d.className}
        data-deco={d.key}
        {...safeAttrs(d.attrs)}
        {...(innermost ? { 'data-start': start, 'data-end': end } : {})}
      >
        {node}
      </span>
    );
  }
  return node;
}

interface PassageProps {
  text: string;
  passage: PassageView;
  decorations: readonly Decoration[];
  signature: string;
  headingLevel: 2 | 3;
  /** Set on the first passage of a new page (PDF): drawn as a "p. 12" marker that is not text. */
  pageStart?: string;
  asTitle?: boolean;
}

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/** A source heading of level L sits L-1 levels under the view's top heading level, h6 at most. */
function headingTag(base: 2 | 3, level: number | undefined): HeadingTag {
  return `h${Math.min(6, base + Math.max(0, (level ?? 1) - 1))}` as HeadingTag;
}

/** Bold and italic from the source, drawn like decorations so selections still map to offsets. */
function markDecorations(p: PassageView): Decoration[] {
  return (p.marks ?? []).map((m, i) => ({ key: `mark-${p.index}-${i}`, start: m.start, end: m.end, className: `mark-${m.kind}` }));
}

const Passage = memo(
  function Passage({ text, passage, decorations, headingLevel, pageStart, asTitle }: PassageProps) {
    const segments = segmentRange(passage.start, passage.end, decorations);
    const plain = segments.length === 1 && segments[0].decorations.length === 0;
    const children = plain
      ? text.slice(passage.start, passage.end)
      : segments.map((s) =>
          s.decorations.length ? (
            <span key={s.start} className="seg">
              {renderSegment(text, s.start, s.end, s.decorations)}
            </span>
          ) : (
            <span key={s.start} data-start={s.start} data-end={s.end}>
              {text.slice(s.start, s.end)}
            </span>
          ),
        );
    const common = {
      'data-start': passage.start,
      'data-end': passage.end,
      'data-passage': passage.index,
      id: `p-${passage.index}`,
      className: `passage passage-${passage.kind}${pageStart ? ' page-start' : ''}${asTitle ? ' passage-as-title' : ''}`,
      ...(pageStart ? { 'data-page': pageStart } : {}),
    };
    switch (passage.kind) {
      case 'heading': {
        const Tag = headingTag(headingLevel, passage.level);
        return <Tag {...common}>{children}</Tag>;
      }
      case 'list-item':
        return <li {...common}>{children}</li>;
      case 'quote':
        return <blockquote {...common}>{children}</blockquote>;
      default:
        return <p {...common}>{children}</p>;
    }
  },
  (a, b) => a.text === b.text && a.passage === b.passage && a.signature === b.signature && a.headingLevel === b.headingLevel && a.pageStart === b.pageStart && a.asTitle === b.asTitle,
);

type Block = { kind: 'single'; passage: PassageView } | { kind: 'list'; items: PassageView[] };

function blocksOf(passages: PassageView[]): Block[] {
  const out: Block[] = [];
  for (const p of passages) {
    // Page furniture (site banners, share counts, hashtags) stays in the stored text for
    // provenance but is not part of what a person reads.
    if (p.kind === 'meta') continue;
    const last = out[out.length - 1];
    if (p.kind === 'list-item' && last?.kind === 'list') last.items.push(p);
    else if (p.kind === 'list-item') out.push({ kind: 'list', items: [p] });
    else out.push({ kind: 'single', passage: p });
  }
  return out;
}

/**
 * A document's passages, each an element carrying data-start / data-end / data-passage, with
 * decorations (highlights, search flashes...) drawn as nested spans over the text. Clicks on
 * decorated text reach the decoration's onClick via one delegated listener.
 */
export function PassageText({ text, passages, decorations = [], headingLevel = 2, titlePassage = null, className }: PassageTextProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const byKey = useRef(new Map<string, Decoration>());
  byKey.current = new Map(decorations.map((d) => [d.key, d]));

  useEffect(() => {
    if (rootRef.current) registerDocumentText(rootRef.current, text);
  }, [text]);

  const perPassage = useMemo(() => {
    const sorted = [...decorations].filter((d) => d.end > d.start).sort((a, b) => a.start - b.start);
    return passages.map((p) => {
      const ds = [...markDecorations(p), ...sorted.filter((d) => d.start < p.end && d.end > p.start)];
      return { ds, sig: decoSignature(ds) };
    });
  }, [decorations, passages]);

  // The page each passage starts, where it differs from the passage before (PDF imports).
  const pageStarts = useMemo(() => {
    const out = new Map<number, string>();
    let last: string | undefined;
    for (const p of passages) {
      if (p.page !== undefined && p.page !== last && p.kind !== 'meta') out.set(p.index, p.page);
      if (p.page !== undefined) last = p.page;
    }
    return out;
  }, [passages]);

  const onClick = useCallback((e: MouseEvent<HTMLDivElement>) => {
    // Innermost decoration first, then outer ones, so nested highlights get the click they sit under.
    let el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-deco]') : null;
    while (el && rootRef.current?.contains(el)) {
      const d = byKey.current.get(el.dataset.deco ?? '');
      if (d?.onClick) {
        d.onClick(e as MouseEvent<HTMLElement>, d);
        return;
      }
      el = el.parentElement?.closest<HTMLElement>('[data-deco]') ?? null;
    }
  }, []);

  const blocks = useMemo(() => blocksOf(passages), [passages]);
  const indexOf = useMemo(() => new Map(passages.map((p, i) => [p, i])), [passages]);
  const item = (p: PassageView) => {
    const i = indexOf.get(p) ?? 0;
    return (
      <Passage
        key={p.index}
        text={text}
        passage={p}
        decorations={perPassage[i]?.ds ?? []}
        signature={perPassage[i]?.sig ?? ''}
        headingLevel={headingLevel}
        pageStart={pageStarts.get(p.index)}
        asTitle={p.index === titlePassage}
      />
    );
  };

  return (
    // Clicks are delegated here only to reach decoration handlers; keyboard users reach
    // the same actions from the side panel, so no key handler belongs on this element.
    <div ref={rootRef} className={`passage-text ${className ?? ''}`} data-passage-root="" onClick={onClick}>
      {blocks.map((b) =>
        b.kind === 'single' ? (
          item(b.passage)
        ) : (
          <ul key={`list-${b.items[0].index}`} className="passage-list">
            {b.items.map(item)}
          </ul>
        ),
      )}
    </div>
  );
}
