import { StrictMode, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FromHighlightDialog } from './FromHighlight';

// "Make card" from a highlight's popover: the dialog lives in its own root under <body>, so it
// outlives the popover (which closes when the focus leaves it) and is never clipped by the
// reader's scrolling column.

let root: Root | null = null;
let host: HTMLElement | null = null;

function Host({ highlightId, onClosed }: { highlightId: string; onClosed: () => void }) {
  const [open, setOpen] = useState(true);
  return (
    <FromHighlightDialog
      open={open}
      highlightId={highlightId}
      onClose={() => {
        setOpen(false);
        onClosed();
      }}
    />
  );
}

/** Open the "new card from a highlight" dialog on this highlight. */
export function openCardFromHighlight(highlightId: string): void {
  if (typeof document === 'undefined') return;
  if (!host) {
    host = document.createElement('div');
    host.id = 'study-card-from-highlight';
    document.body.appendChild(host);
  }
  root ??= createRoot(host);
  const close = () => {
    // After the dialog has given the focus back to where it came from.
    setTimeout(() => root?.render(<></>), 0);
  };
  root.render(
    <StrictMode>
      <Host key={`${highlightId}:${Date.now()}`} highlightId={highlightId} onClosed={close} />
    </StrictMode>,
  );
}
