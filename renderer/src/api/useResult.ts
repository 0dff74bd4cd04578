import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiError, Result } from '@contract';
import { onChanged } from './changes';
import { toApiError } from './errors';

export type ResultState<T> =
  | { status: 'loading'; value: T | undefined; error: null; reload: () => void }
  | { status: 'ok'; value: T; error: null; reload: () => void }
  | { status: 'error'; value: T | undefined; error: ApiError; reload: () => void };

/**
 * Run an api call on mount and whenever deps change (or a `refreshOn` topic is notified).
 * Responses that arrive after a newer call started are dropped. While reloading, the last
 * value stays available so the screen does not flash empty.
 */
export function useResult<T>(
  fn: () => Promise<Result<T>>,
  deps: DependencyList,
  options: { refreshOn?: string[] } = {},
): ResultState<T> {
  const [state, setState] = useState<{ status: 'loading' | 'ok' | 'error'; value: T | undefined; error: ApiError | null }>({
    status: 'loading',
    value: undefined,
    error: null,
  });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ status: 'loading', value: s.value, error: null }));
    fnRef
      .current()
      .then((res) => {
        if (mine !== seq.current) return;
        setState((s) => (res.ok ? { status: 'ok', value: res.value, error: null } : { status: 'error', value: s.value, error: res.error }));
      })
      .catch((e: unknown) => {
        if (mine !== seq.current) return;
        setState((s) => ({ status: 'error', value: s.value, error: toApiError(e) }));
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps drive reloads
  }, [...deps, tick]);

  const topics = options.refreshOn?.join('|') ?? '';
  useEffect(() => {
    if (!topics) return;
    const wanted = new Set(topics.split('|'));
    return onChanged((t) => {
      if (wanted.has(t)) reload();
    });
  }, [topics, reload]);

  return { ...state, reload } as ResultState<T>;
}
