import { HighlightPopover } from './HighlightPopover';
import { COLOR_INFO } from './colors';
import { setHighlightMode, useAnnouncement, useHighlightMode, useLastColor, usePopover } from './store';
import { SurfaceSelectionBar } from './surface';

/** A small reminder, while highlight mode is on, that selecting text highlights it. */
function ModeBadge() {
  const on = useHighlightMode();
  const color = useLastColor();
  if (!on) return null;
  return (
    <div className="hl-mode-badge" role="status">
      <span className={`hl-dot hl-swatch-${color}`} aria-hidden="true" />
      Highlight mode · {COLOR_INFO[color].label}
      <button type="button" className="hl-mode-badge-off" onClick={() => setHighlightMode(false)}>
        Turn off
      </button>
    </div>
  );
}

/**
 * Everything highlights draw above the page: the popover of a clicked highlight, the selection
 * bar of compare columns, the highlight-mode badge, and a live region for screen readers.
 * Mounted once (see index.ts).
 */
export function HighlightOverlay() {
  const popover = usePopover();
  const said = useAnnouncement();
  return (
    <div className="hl-overlay">
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {said.text ? <span key={said.seq}>{said.text}</span> : null}
      </div>
      {popover ? <HighlightPopover key={`${popover.highlightId}:${popover.mode}`} state={popover} /> : null}
      <SurfaceSelectionBar />
      <ModeBadge />
    </div>
  );
}
