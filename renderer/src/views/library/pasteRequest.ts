// "Open the paste dialog" from outside the Library (the desktop menu's File > Paste as
// Document…): remembered until the Library's paste button is mounted to act on it.

let pending = false;
const listeners = new Set<() => void>();

export function requestPasteDialog(): void {
  pending = true;
  for (const l of [...listeners]) l();
}

/** Call `open` now if a request is waiting, and whenever one comes while subscribed. */
export function onPasteRequest(open: () => void): () => void {
  const check = () => {
    if (!pending) return;
    pending = false;
    open();
  };
  listeners.add(check);
  check();
  return () => listeners.delete(check);
}
