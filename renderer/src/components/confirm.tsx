import { useSyncExternalStore } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

export interface ConfirmOptions {
  title: string;
  body?: string;
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
}

interface Pending extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

let pending: Pending | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Ask a yes/no question in a modal; resolves false on cancel or Esc. */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  pending?.resolve(false);
  return new Promise((resolve) => {
    pending = { ...options, resolve };
    emit();
  });
}

function settle(ok: boolean): void {
  const p = pending;
  pending = null;
  emit();
  p?.resolve(ok);
}

/** Mounted once by the App. */
export function ConfirmHost() {
  const p = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
  return (
    <Dialog
      open={p !== null}
      title={p?.title ?? ''}
      onClose={() => settle(false)}
      actions={
        <>
          {/* A destructive question starts on Cancel, so Enter alone never destroys. */}
          <Button onClick={() => settle(false)} autoFocus={!!p?.danger}>
            {p?.cancelLabel ?? 'Cancel'}
          </Button>
          <Button variant={p?.danger ? 'danger' : 'primary'} onClick={() => settle(true)} autoFocus={!p?.danger}>
            {p?.confirmLabel ?? 'OK'}
          </Button>
        </>
      }
    >
      {p?.body ? <p>{p.body}</p> : null}
    </Dialog>
  );
}
