import './skeleton.css';

export type SkeletonKind = 'list' | 'text' | 'cards';

/**
 * What a view looks like before its data arrives (grey bars where the rows or lines will be), so
 * every view paints something shaped like itself at once instead of a bare "Loading…".
 * `inline`: inside a view's own layout (no page margins of its own).
 */
export function Skeleton({ kind, label, rows = kind === 'text' ? 14 : 6, inline = false }: { kind: SkeletonKind; label: string; rows?: number; inline?: boolean }) {
  return (
    <div className={`skeleton skeleton-${kind}${inline ? ' skeleton-inline' : ''}`} role="status" aria-live="polite" data-skeleton="">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true">
        {kind === 'text' ? <div className="skeleton-bar skeleton-title" /> : null}
        {Array.from({ length: rows }, (_, i) =>
          kind === 'text' ? (
            <div key={i} className="skeleton-bar skeleton-line" style={{ width: `${[96, 92, 98, 88, 94, 60][i % 6]}%` }} />
          ) : (
            <div key={i} className="skeleton-row">
              <div className="skeleton-bar skeleton-row-title" style={{ width: `${[70, 55, 80, 62, 48, 74][i % 6]}%` }} />
              <div className="skeleton-bar skeleton-row-meta" />
            </div>
          ),
        )}
      </div>
    </div>
  );
}
