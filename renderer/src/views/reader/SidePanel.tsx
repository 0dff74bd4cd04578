import { useId, useState, type KeyboardEvent } from 'react';
import type { ReaderContext, ReaderExtension } from '../../reader/extensions';
import { ErrorBoundary } from '../../components';

/** The right-hand panel: one tab per extension panel (highlights, other sources...). */
export function SidePanel({ id, ctx, panels }: { id: string; ctx: ReaderContext; panels: readonly ReaderExtension[] }) {
  const sorted = [...panels].sort((a, b) => (a.panel?.order ?? 100) - (b.panel?.order ?? 100));
  const [active, setActive] = useState(sorted[0]?.id ?? '');
  const ids = useId();
  const current = sorted.find((p) => p.id === active) ?? sorted[0];
  if (!current?.panel) return null;
  const Panel = current.panel.Component;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = sorted.indexOf(current);
    const next = sorted[(i + (e.key === 'ArrowRight' ? 1 : -1) + sorted.length) % sorted.length];
    setActive(next.id);
    document.getElementById(`${ids}-tab-${next.id}`)?.focus();
  };

  return (
    <section id={id} className="reader-panel" aria-label="Side panel">
      {sorted.length > 1 ? (
        <div role="tablist" aria-label="Side panel" className="tabs" onKeyDown={onKeyDown}>
          {sorted.map((p) => (
            <button
              key={p.id}
              id={`${ids}-tab-${p.id}`}
              type="button"
              role="tab"
              aria-selected={p.id === current.id}
              aria-controls={`${ids}-panel`}
              tabIndex={p.id === current.id ? 0 : -1}
              className="tab"
              onClick={() => setActive(p.id)}
            >
              {p.panel?.title}
            </button>
          ))}
        </div>
      ) : (
        <h2 className="reader-panel-title">{current.panel.title}</h2>
      )}
      <div
        id={`${ids}-panel`}
        className="reader-panel-body"
        {...(sorted.length > 1 ? { role: 'tabpanel', 'aria-labelledby': `${ids}-tab-${current.id}` } : {})}
      >
        <ErrorBoundary resetKey={current.id} label={current.panel.title}>
          <Panel ctx={ctx} />
        </ErrorBoundary>
      </div>
    </section>
  );
}
