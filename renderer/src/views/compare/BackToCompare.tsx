import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cameFrom, goBack, useNavigation } from '../../app/navigation';
import { useShortcut } from '../../app/shortcuts';

// A passage opened from Compare (a matrix cell, "Read in context") leaves a way back: this
// button, Alt+← and the browser's Back all return to the comparison, which reopens with the
// same documents and scroll positions (see lastComparison.ts). It floats beside the app, in
// its own root, so the reader needs to know nothing about it.

function BackShortcut() {
  useShortcut('alt+arrowleft', () => goBack(), { description: 'Back to the comparison' });
  return null;
}

export function BackToCompare() {
  const { route } = useNavigation();
  const from = cameFrom();
  if (route.view !== 'reader' || from?.view !== 'compare') return null;
  return (
    <nav className="cmp-back" aria-label="Back">
      <BackShortcut />
      <button type="button" className="btn btn-secondary cmp-back-button" aria-keyshortcuts="Alt+ArrowLeft" onClick={() => goBack()}>
        ← Back to the comparison <kbd>Alt+←</kbd>
      </button>
    </nav>
  );
}

let mounted = false;

export function mountBackToCompare(): void {
  if (mounted || typeof document === 'undefined') return;
  mounted = true;
  const host = document.createElement('div');
  host.id = 'compare-back';
  document.body.appendChild(host);
  createRoot(host).render(
    <StrictMode>
      <BackToCompare />
    </StrictMode>,
  );
}
