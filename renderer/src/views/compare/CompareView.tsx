import { useEffect, useId, useMemo, useState } from 'react';
import type { DocDetail, DocSummary, Result } from '@contract';
import { api, useResult } from '../../api';
import { navigate, type RouteOf } from '../../app/navigation';
import { useShortcut } from '../../app/shortcuts';
import type { ViewProps } from '../../app/views';
import { Button, EmptyState, ErrorMessage } from '../../components';
import { buildAlignment, pairKey, type PairView } from './alignment';
import { Columns } from './Columns';
import { lastComparison, rememberComparison, savedFor } from './lastComparison';
import { MAX_COMPARE_COLUMNS as MAX_COLUMNS } from './limits';
import { Matrix } from './Matrix';
import { formatDate } from '../../lib/format';

// Compare: choose two or more sources, read them side by side with what they share linked,
// or see at a glance which source carries which statement (the coverage matrix). The last
// comparison is remembered: the Compare tab (a route with no documents) returns to it.

type Mode = 'columns' | 'matrix';

function go(route: RouteOf<'compare'>, patch: { docIds?: string[]; mode?: Mode; diff?: boolean }, replace = false): void {
  const params = { ...(route.params ?? {}) };
  delete params.choose;
  const mode = patch.mode ?? (params.mode === 'matrix' ? 'matrix' : 'columns');
  if (mode === 'matrix') params.mode = 'matrix';
  else delete params.mode;
  const diff = patch.diff ?? params.diff === '1';
  if (diff) params.diff = '1';
  else delete params.diff;
  const docIds = patch.docIds ?? route.docIds;
  navigate(
    { view: 'compare', ...(docIds?.length ? { docIds } : {}), ...(patch.docIds ? {} : route.offset !== undefined ? { offset: route.offset } : {}), ...(Object.keys(params).length ? { params } : {}) },
    { replace },
  );
}

export default function CompareView({ route }: ViewProps<'compare'>) {
  const list = useResult(() => api['docs.list']({}), [], { refreshOn: ['docs'] });
  const mode: Mode = route.params?.mode === 'matrix' ? 'matrix' : 'columns';
  const showDiff = route.params?.diff === '1';
  const [inStep, setInStep] = useState(true);
  const docIds = useMemo(() => [...new Set(route.docIds ?? [])].slice(0, MAX_COLUMNS), [route.docIds]);
  const choosing = route.params?.choose === '1';
  const plain = !route.docIds?.length && !route.params;
  const knownIds = useMemo(() => (list.value ? docIds.filter((id) => list.value?.some((d) => d.id === id)) : []), [docIds, list.value]);

  useEffect(() => {
    document.title = 'Compare · Parallax';
  }, []);
  useShortcut('d', () => go(route, { diff: !showDiff }, true), { description: 'Show or hide word differences' });

  // The Compare tab itself (no documents, no options): back to the last comparison.
  const docsList = list.value;
  const resume = useMemo(() => (plain && docsList ? resumeRoute(docsList) : null), [plain, docsList]);
  useEffect(() => {
    if (resume) navigate(resume, { replace: true });
  }, [resume]);

  // Remember what is being compared (positions are noted by the columns and the matrix).
  useEffect(() => {
    if (!docsList || plain || choosing) return;
    if (knownIds.length >= 2 || mode === 'matrix') rememberComparison({ docIds: knownIds.length >= 2 ? knownIds : [], mode, diff: showDiff });
  }, [docsList, plain, choosing, knownIds, mode, showDiff]);

  if (!list.value || resume) {
    return list.status === 'error' ? (
      <div className="cmp-message">
        <ErrorMessage error={list.error} title="The library could not be read" retry={list.reload} />
      </div>
    ) : (
      <p className="view-loading" role="status">
        {resume ? 'Opening the last comparison…' : 'Opening the library…'}
      </p>
    );
  }
  const docs = list.value;
  const known = knownIds;
  const title = (id: string) => docs.find((d) => d.id === id)?.title ?? id;

  return (
    <div className="cmp">
      <div className="cmp-toolbar" role="toolbar" aria-label="Compare">
        <h1 className="cmp-title">Compare</h1>
        <div className="cmp-modes" role="group" aria-label="Show">
          <Button size="sm" variant={mode === 'columns' ? 'primary' : 'ghost'} aria-pressed={mode === 'columns'} onClick={() => go(route, { mode: 'columns' })}>
            Side by side
          </Button>
          <Button size="sm" variant={mode === 'matrix' ? 'primary' : 'ghost'} aria-pressed={mode === 'matrix'} onClick={() => go(route, { mode: 'matrix' })}>
            Coverage matrix
          </Button>
        </div>
        {mode === 'columns' && known.length >= 2 ? (
          <>
            <label className="cmp-toggle">
              <input type="checkbox" checked={showDiff} onChange={(e) => go(route, { diff: e.target.checked }, true)} aria-keyshortcuts="d" />
              Word differences
            </label>
            <label className="cmp-toggle">
              <input type="checkbox" checked={inStep} onChange={(e) => setInStep(e.target.checked)} />
              Scroll in step
            </label>
          </>
        ) : null}
        <span className="toolbar-spacer" />
        {known.length >= 2 && known.length < MAX_COLUMNS && known.length < docs.length && !choosing ? (
          <AddSource docs={docs} chosen={known} onAdd={(id) => go(route, { docIds: [...known, id] })} />
        ) : null}
        {docs.length >= 2 && !choosing && (known.length >= 2 || mode === 'matrix') ? (
          <Button size="sm" onClick={() => navigate({ view: 'compare', ...(known.length ? { docIds: known } : {}), params: { choose: '1' } })}>
            Choose sources…
          </Button>
        ) : null}
      </div>

      {mode === 'matrix' && !choosing ? (
        <MatrixPanel docIds={known.length >= 2 ? known : undefined} />
      ) : known.length < 2 || choosing ? (
        <Chooser docs={docs} initial={known} onCompare={(ids) => go(route, { docIds: ids, mode: 'columns' })} />
      ) : (
        <SideBySide
          key={known.join(',')}
          docIds={known}
          showDiff={showDiff}
          inStep={inStep}
          offset={route.offset}
          controls={(col) => (
            <>
              <label className="visually-hidden" htmlFor={`cmp-source-${col}`}>
                Source in column {col + 1}
              </label>
              <select
                id={`cmp-source-${col}`}
                className="cmp-source-select"
                value={known[col]}
                onChange={(e) => go(route, { docIds: known.map((id, i) => (i === col ? e.target.value : id)) })}
              >
                {docs.map((d) => (
                  <option key={d.id} value={d.id} disabled={d.id !== known[col] && known.includes(d.id)}>
                    {shortLabel(d)}
                  </option>
                ))}
              </select>
              {known.length > 2 ? (
                <Button size="sm" variant="ghost" aria-label={`Remove ${title(known[col] ?? '')} from the comparison`} onClick={() => go(route, { docIds: known.filter((_id, i) => i !== col) })}>
                  ✕
                </Button>
              ) : null}
            </>
          )}
        />
      )}
    </div>
  );
}

/** The route of the last comparison, if its documents (two or more) are still in the library. */
function resumeRoute(docs: DocSummary[]): RouteOf<'compare'> | null {
  const last = lastComparison();
  if (!last) return null;
  const ids = last.docIds.filter((id) => docs.some((d) => d.id === id));
  if (ids.length < 2 && last.mode !== 'matrix') return null;
  const params: Record<string, string> = {};
  if (last.mode === 'matrix') params.mode = 'matrix';
  if (last.diff) params.diff = '1';
  return { view: 'compare', ...(ids.length >= 2 ? { docIds: ids } : {}), ...(Object.keys(params).length ? { params } : {}) };
}

/** A document in a narrow control: its outlet, or the start of its title. */
function shortLabel(d: DocSummary): string {
  const title = d.title.length > 38 ? `${d.title.slice(0, 36).trimEnd()}…` : d.title;
  return d.outlet ? `${d.outlet}: ${title}` : title;
}

function AddSource({ docs, chosen, onAdd }: { docs: DocSummary[]; chosen: string[]; onAdd: (id: string) => void }) {
  const id = useId();
  const rest = docs.filter((d) => !chosen.includes(d.id));
  return (
    <span className="cmp-add">
      <label htmlFor={id} className="visually-hidden">
        Add a source
      </label>
      <select id={id} value="" onChange={(e) => e.target.value && onAdd(e.target.value)}>
        <option value="">Add a source…</option>
        {rest.map((d) => (
          <option key={d.id} value={d.id}>
            {shortLabel(d)}
          </option>
        ))}
      </select>
    </span>
  );
}

function Chooser({ docs, initial, onCompare }: { docs: DocSummary[]; initial: string[]; onCompare: (ids: string[]) => void }) {
  const [picked, setPicked] = useState<string[]>(initial);
  if (docs.length < 2) {
    return (
      <EmptyState
        title={docs.length ? 'Add another report to compare' : 'No reports to compare yet'}
        body={`Compare puts two or more reports side by side${docs.length ? ', and the library has only one' : ''}. Import ${docs.length ? 'another' : 'some'} in the library (the Import files… button, or drop files on its window).`}
        action={
          <Button variant="primary" onClick={() => navigate({ view: 'library' })}>
            Go to the library
          </Button>
        }
      />
    );
  }
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? (p.length < MAX_COLUMNS ? [...p, id] : p) : p.filter((x) => x !== id)));
  const full = picked.length >= MAX_COLUMNS;
  return (
    <form
      className="cmp-chooser"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked.length >= 2) onCompare(picked);
      }}
    >
      <fieldset>
        <legend className="cmp-chooser-legend">Choose two to five reports to read side by side</legend>
        <ul className="cmp-chooser-list">
          {docs.map((d) => (
            <li key={d.id}>
              <label className="cmp-chooser-item">
                <input type="checkbox" checked={picked.includes(d.id)} disabled={full && !picked.includes(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
                <span>
                  <span className="cmp-chooser-title">{d.title}</span>
                  <span className="cmp-chooser-meta">{[d.outlet, formatDate(d.published), `${d.words.toLocaleString('en')} words`].filter(Boolean).join(' · ')}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="cmp-chooser-actions">
        <Button type="submit" variant="primary" disabled={picked.length < 2}>
          Compare {picked.length >= 2 ? `${picked.length} reports` : ''}
        </Button>
        <span className="cmp-chooser-hint" aria-live="polite">
          {picked.length < 2 ? `Choose ${2 - picked.length} more.` : full && docs.length > MAX_COLUMNS ? `${MAX_COLUMNS} side by side at most: untick one to choose another.` : ''}
        </span>
      </div>
    </form>
  );
}

interface Loaded {
  docs: DocDetail[];
  pairs: Map<string, PairView>;
}

async function load(docIds: string[]): Promise<Result<Loaded>> {
  // Asked all at once: five sources are ten pairs, and the host answers them as it can.
  const gotDocs = await Promise.all(docIds.map((id) => api['docs.get']({ id })));
  const docs: DocDetail[] = [];
  for (const res of gotDocs) {
    if (!res.ok) return { ok: false, error: res.error };
    docs.push(res.value);
  }
  const keys: Array<[number, number]> = [];
  for (let i = 0; i < docIds.length; i++) for (let j = i + 1; j < docIds.length; j++) keys.push([i, j]);
  const gotPairs = await Promise.all(keys.map(([i, j]) => api['compare.pair']({ a: docIds[i], b: docIds[j] })));
  const pairs = new Map<string, PairView>();
  for (const [k, res] of gotPairs.entries()) {
    if (!res.ok) return { ok: false, error: res.error };
    const [i, j] = keys[k];
    pairs.set(pairKey(i, j), res.value);
  }
  return { ok: true, value: { docs, pairs } };
}

function SideBySide(props: { docIds: string[]; showDiff: boolean; inStep: boolean; offset?: number; controls: (col: number) => React.ReactNode }) {
  const { docIds } = props;
  const result = useResult(() => load(docIds), [docIds.join(',')], { refreshOn: ['docs'] });
  const alignment = useMemo(() => (result.value ? buildAlignment(result.value.docs.length, result.value.pairs) : null), [result.value]);
  if (result.status === 'error') {
    return (
      <div className="cmp-message">
        <ErrorMessage error={result.error} title="These reports could not be compared" retry={result.reload} />
      </div>
    );
  }
  if (!result.value || !alignment) {
    return (
      <p className="view-loading" role="status">
        Aligning the reports…
      </p>
    );
  }
  return <Columns docs={result.value.docs} alignment={alignment} showDiff={props.showDiff} inStep={props.inStep} offset={props.offset} headerControls={props.controls} />;
}

function MatrixPanel({ docIds }: { docIds?: string[] }) {
  const result = useResult(() => api['compare.matrix'](docIds ? { docIds } : {}), [docIds?.join(',')], { refreshOn: ['docs'] });
  if (result.status === 'error') {
    return (
      <div className="cmp-message">
        <ErrorMessage error={result.error} title="The coverage matrix could not be made" retry={result.reload} />
      </div>
    );
  }
  if (!result.value) {
    return (
      <p className="view-loading" role="status">
        Gathering statements across the sources…
      </p>
    );
  }
  const key = docIds ?? [];
  return <Matrix matrix={result.value} initialTop={savedFor(key)?.matrixTop ?? 0} onScrolled={(top) => rememberComparison({ docIds: key, mode: 'matrix', matrixTop: top })} />;
}
