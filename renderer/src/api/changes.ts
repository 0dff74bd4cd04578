// A tiny topic bus: after a write, a view calls notifyChanged('docs') and every useResult
// subscribed to that topic reloads. Topics are free strings ('docs', 'highlights', 'cards'...).

type Listener = (topic: string) => void;
const listeners = new Set<Listener>();

export function notifyChanged(topic: string): void {
  for (const l of [...listeners]) l(topic);
}

export function onChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
