import { useEffect, useState, type KeyboardEvent } from 'react';
import type { DocDetail } from '@contract';

// Windows too narrow for two readable columns (under ~800 px) show one source at a time; these
// tabs switch between them. The other panes stay laid out (hidden), kept in step with the one
// shown, so a switch lands on the same statement.

const ONE_PANE = '(max-width: 799.98px)';

export function useOnePane(): boolean {
  const [one, setOne] = useState(() => window.matchMedia(ONE_PANE).matches);
  useEffect(() => {
    const mq = window.matchMedia(ONE_PANE);
    const update = () => setOne(mq.matches);
    update();
    mq.addEventListener('change', update);
    return () => mq.removeEventListener('change', update);
  }, []);
  return one;
}

export const paneTabId = (col: number) => `cmp-pane-tab-${col}`;
export const panePanelId = (col: number) => `cmp-pane-${col}`;

export function PaneSwitcher({ docs, active, onSwitch }: { docs: DocDetail[]; active: number; onSwitch: (col: number) => void }) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = docs.length - 1;
    const to = e.key === 'ArrowRight' ? (active + 1) % docs.length : e.key === 'ArrowLeft' ? (active + last) % docs.length : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (to === null) return;
    e.preventDefault();
    onSwitch(to);
    document.getElementById(paneTabId(to))?.focus();
  };
  return (
    <div className="cmp-panes" role="tablist" aria-label="Source shown" onKeyDown={onKeyDown}>
      {docs.map((d, col) => (
        <button
          key={`${col}-${d.id}`}
          id={paneTabId(col)}
          type="button"
          role="tab"
          className="cmp-pane-tab"
          aria-selected={col === active}
          aria-controls={panePanelId(col)}
          tabIndex={col === active ? 0 : -1}
          title={d.title}
          onClick={() => onSwitch(col)}
        >
          {d.outlet ?? d.title}
        </button>
      ))}
    </div>
  );
}
