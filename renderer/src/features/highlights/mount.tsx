import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HighlightOverlay } from './HighlightOverlay';

let mounted = false;

/**
 * Mount the overlay in its own root beside the app (it holds only floating UI, and talks to
 * the surfaces through ./store). If the App renders <HighlightOverlay /> itself, skip this.
 */
export function mountHighlightOverlay(): void {
  if (mounted || typeof document === 'undefined') return;
  mounted = true;
  const host = document.createElement('div');
  host.id = 'highlight-overlay';
  document.body.appendChild(host);
  createRoot(host).render(
    <StrictMode>
      <HighlightOverlay />
    </StrictMode>,
  );
}
