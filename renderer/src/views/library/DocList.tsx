import { memo, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DocSummary } from '@contract';
import { navigate, routeToHash } from '../../app/navigation';
import { Button, Progress } from '../../components';
import { formatDate, formatLength } from '../../lib/format';
import './library.css';

// The library's document list, virtualised: only the rows in and near the visible part of the
// page are in the DOM (about 20 at a time), so 10,000 documents scroll, sort and filter as fast
// as 10. The page (#main) is the scroller; the list reserves the full height and places its
// rows with transforms. Rows are measured after they render, since titles wrap to 1-3 lines.

export function progressText(p: number): string {
  if (p <= 0) return 'Not started';
  if (p >= 0.98) return 'Finished';
  // A glance at the first screen of a long text is under 1%: say 1%, never "0% read".
  return `${Math.max(1, Math.round(p * 100))}% read`;
}

interface DocRowProps {
  doc: DocSummary;
  index: number;
  total: number;
  fresh: boolean;
  selected: boolean;
  style: CSSProperties;
  measure: (el: HTMLElement | null) => void;
  onSelect: (d: DocSummary, selected: boolean) => void;
  onDelete: (d: DocSummary) => void;
}

const DocRow = memo(function DocRow({ doc, index, total, fresh, selected, style, measure, onSelect, onDelete }: DocRowProps) {
  const date = formatDate(doc.published);
  const route = { view: 'reader', docId: doc.id } as const;
  return (
    <li
      ref={measure}
      data-index={index}
      aria-setsize={total}
      aria-posinset={index + 1}
      style={style}
      className={`doc-row${fresh ? ' doc-row-fresh' : ''}${selected ? ' doc-row-selected' : ''}`}
      data-doc-id={doc.id}
    >
      <input
        type="checkbox"
        className="doc-select"
        checked={selected}
        onChange={(e) => onSelect(doc, e.target.checked)}
        aria-label={`Select “${doc.title}” to compare`}
      />
      <div className="doc-main">
        <h2 className="doc-title">
          <a
            href={routeToHash(route)}
            onClick={(e) => {
              e.preventDefault();
              navigate(route);
            }}
          >
            {doc.title}
          </a>
        </h2>
        <p className="doc-meta">
          <span className={doc.outlet ? '' : 'doc-meta-missing'}>{doc.outlet ?? 'Outlet unknown'}</span>
          <span aria-hidden="true"> · </span>
          <span className={date ? '' : 'doc-meta-missing'}>{date ?? 'Undated'}</span>
          <span aria-hidden="true"> · </span>
          <span>{formatLength(doc.words)}</span>
          {fresh ? <span className="tag">New</span> : null}
        </p>
      </div>
      <div className="doc-progress">
        <Progress value={doc.progress} label={`Reading progress: ${progressText(doc.progress)}`} />
        <span className="doc-progress-text" aria-hidden="true">
          {progressText(doc.progress)}
        </span>
      </div>
      <Button variant="ghost" size="sm" className="doc-delete" aria-label={`Delete “${doc.title}”`} onClick={() => onDelete(doc)}>
        Delete
      </Button>
    </li>
  );
});

export interface DocListProps {
  docs: readonly DocSummary[];
  freshIds: ReadonlySet<string>;
  selected: readonly string[];
  onSelect: (d: DocSummary, selected: boolean) => void;
  onDelete: (d: DocSummary) => void;
}

/** Estimated row height before measuring: a one-line title with its meta line. */
const ROW_ESTIMATE = 78;

export function DocList({ docs, freshIds, selected, onSelect, onDelete }: DocListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  // Where the list starts inside the scroller (the header, controls and import results are above it).
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const main = list?.closest<HTMLElement>('#main') ?? null;
    setScroller(main);
    if (!list || !main) return;
    // Whatever above the list changes height (import results, the filter count), its container does too.
    const update = () => setMargin(Math.round(list.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(list.parentElement ?? list);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useVirtualizer({
    count: docs.length,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin: margin,
    getItemKey: (i) => docs[i]?.id ?? i,
  });
  const chosen = new Set(selected);

  return (
    <ul ref={listRef} className="doc-list doc-list-virtual" aria-label="Documents" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const d = docs[item.index];
        if (!d) return null;
        return (
          <DocRow
            key={d.id}
            doc={d}
            index={item.index}
            total={docs.length}
            fresh={freshIds.has(d.id)}
            selected={chosen.has(d.id)}
            style={{ transform: `translateY(${item.start - margin}px)` }}
            measure={virtualizer.measureElement}
            onSelect={onSelect}
            onDelete={onDelete}
          />
        );
      })}
    </ul>
  );
}
