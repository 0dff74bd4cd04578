import { useSyncExternalStore } from 'react';
import type { ApiError } from '@contract';
import { toApiError } from '../api/errors';

export interface ToastOptions {
  kind?: 'info' | 'success' | 'error';
  message: string;
  action?: { label: string; run: () => void };
  /** Milliseconds before it goes away (errors stay longer; 0 = until dismissed). */
  timeout?: number;
}

interface Toast extends Required<Pick<ToastOptions, 'kind' | 'message'>> {
  id: number;
  action?: ToastOptions['action'];
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function toast(options: ToastOptions): number {
  const id = nextId++;
  const kind = options.kind ?? 'info';
  toasts = [...toasts.slice(-4), { id, kind, message: options.message, action: options.action }];
  emit();
  const timeout = options.timeout ?? (kind === 'error' ? 10000 : options.action ? 8000 : 5000);
  if (timeout > 0) setTimeout(() => dismissToast(id), timeout);
  return id;
}

export function toastError(error: ApiError | unknown): number {
  return toast({ kind: 'error', message: toApiError(error).message });
}

/** Mounted once by the App: a polite live region (errors are assertive). */
export function Toaster() {
  const list = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
  return (
    <div className="toaster" aria-label="Notifications" role="region">
      <div aria-live="polite" aria-relevant="additions text">
        {list
          .filter((t) => t.kind !== 'error')
          .map((t) => (
            <ToastItem key={t.id} t={t} />
          ))}
      </div>
      <div aria-live="assertive" aria-relevant="additions text">
        {list
          .filter((t) => t.kind === 'error')
          .map((t) => (
            <ToastItem key={t.id} t={t} />
          ))}
      </div>
    </div>
  );
}

function ToastItem({ t }: { t: Toast }) {
  return (
    <div className={`toast toast-${t.kind}`}>
      <span className="toast-message">{t.message}</span>
      {t.action ? (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            t.action?.run();
            dismissToast(t.id);
          }}
        >
          {t.action.label}
        </button>
      ) : null}
      <button type="button" className="toast-close" aria-label="Dismiss notification" onClick={() => dismissToast(t.id)}>
        ×
      </button>
    </div>
  );
}
