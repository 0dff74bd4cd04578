import { useMemo } from 'react';
import { api, useResult } from '../../api';
import { HIGHLIGHTS_TOPIC } from './actions';
import type { HighlightView } from './types';

/** A document's highlights (placed and orphaned), reloaded whenever highlights change anywhere. */
export function useDocHighlights(docId: string | null): {
  highlights: HighlightView[];
  placed: HighlightView[];
  orphans: HighlightView[];
  status: 'loading' | 'ok' | 'error';
  reload: () => void;
} {
  const res = useResult(
    () => (docId ? api['highlights.list']({ docId }) : Promise.resolve({ ok: true as const, value: [] as HighlightView[] })),
    [docId],
    { refreshOn: [HIGHLIGHTS_TOPIC, 'docs'] },
  );
  const highlights = res.value ?? [];
  const placed = useMemo(() => (res.value ?? []).filter((h) => !h.orphan), [res.value]);
  const orphans = useMemo(() => (res.value ?? []).filter((h) => h.orphan), [res.value]);
  return { highlights, placed, orphans, status: res.status, reload: res.reload };
}
