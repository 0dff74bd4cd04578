import { useLayoutEffect, useRef } from 'react';
import type { OpOutput } from '@contract';
import { navigate } from '../../app/navigation';
import { EmptyState } from '../../components';

// Coverage: rows are statements (most widely carried first), columns are sources, each cell
// says whether that source carries the statement in these words, in other words, or not at
// all. A cell that has the statement opens it in the reader (Back returns here, to the same
// scroll position: the view remembers it through `onScrolled`).

export type MatrixView = OpOutput<'compare.matrix'>;

const LABEL = { present: 'In these words', variant: 'In other words', absent: 'Not carried' } as const;
const SYMBOL = { present: '■', variant: '◧', absent: '·' } as const;

export function Matrix({ matrix, initialTop = 0, onScrolled }: { matrix: MatrixView; initialTop?: number; onScrolled?: (top: number) => void }) {
  const wrap = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useLayoutEffect(() => {
    if (wrap.current && initialTop) wrap.current.scrollTop = initialTop;
    return () => clearTimeout(timer.current);
    // Only when the table first shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onScroll = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onScrolled?.(wrap.current?.scrollTop ?? 0), 150);
  };
  if (!matrix.statements.length) {
    return (
      <EmptyState
        title="No statement is carried by two of these sources"
        body="Choose other sources, or add reports that cover the same event."
      />
    );
  }
  const short = (d: MatrixView['documents'][number]) => d.outlet ?? d.title;
  return (
    <div className="cmp-matrix-wrap" ref={wrap} onScroll={onScroll}>
      <table className="cmp-matrix">
        <caption className="cmp-matrix-caption">
          {matrix.statements.length} statement{matrix.statements.length === 1 ? '' : 's'} carried by more than one source, the most widely carried
          first. Choose a cell to read the passage.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="cmp-matrix-statement-head">
              Statement
            </th>
            {matrix.documents.map((d) => (
              <th key={d.id} scope="col" className="cmp-matrix-doc" title={d.title}>
                <span className="cmp-matrix-doc-name">{short(d)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.statements.map((st) => (
            <tr key={st.id}>
              <th scope="row" className="cmp-matrix-statement">
                <span className="cmp-matrix-text">{st.text}</span>
                <span className="cmp-matrix-count">
                  {st.documents} of {matrix.documents.length}
                </span>
              </th>
              {matrix.documents.map((d) => {
                const cell = st.cells[d.id] ?? 'absent';
                const source = st.sources.find((x) => x.docId === d.id);
                return (
                  <td key={d.id} className={`cmp-cell cmp-cell-${cell}`}>
                    {source ? (
                      <button
                        type="button"
                        className="cmp-cell-button"
                        aria-label={`${LABEL[cell]} in ${short(d)}: open the passage`}
                        title={source.text}
                        onClick={() => navigate({ view: 'reader', docId: d.id, offset: source.start, end: source.end, flash: true })}
                      >
                        <span aria-hidden="true">{SYMBOL[cell]}</span>
                      </button>
                    ) : (
                      <span className="cmp-cell-absent" title={`Not in ${short(d)}`}>
                        <span aria-hidden="true">{SYMBOL.absent}</span>
                        <span className="visually-hidden">Not carried</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cmp-legend" aria-hidden="true">
        <span>
          <b>{SYMBOL.present}</b> {LABEL.present}
        </span>
        <span>
          <b>{SYMBOL.variant}</b> {LABEL.variant}
        </span>
        <span>
          <b>{SYMBOL.absent}</b> {LABEL.absent}
        </span>
      </p>
    </div>
  );
}
