import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import type { DocSummary } from '@contract';
import { api, notifyChanged, useResult } from '../../api';
import { navigate, routeToHash } from '../../app/navigation';
import { setSetting, useSetting } from '../../app/settings';
import type { ViewProps } from '../../app/views';
import { Button, confirm, EmptyState, ErrorMessage, Progress, toast, toastError } from '../../components';
import { formatDate, formatLength, plural } from '../../lib/format';
import { deleteDocument, planDelete, undoDelete, type DeletePlan } from './deleteDocument';
import { ACCEPTED_EXTENSIONS, importFileList } from './importFiles';
import { ImportResults } from './ImportResults';
import { setImportResults, useImportResults } from './importStore';
import { asSortKey, filterDocs, SORTS, sortDocs, type SortKey } from './sortFilter';

function progressText(p: number): string {
  if (p <= 0) return 'Not started';
  if (p >= 0.98) return 'Finished';
  return `${Math.round(p * 100)}% read`;
}

interface DocRowProps {
  doc: DocSummary;
  fresh: boolean;
  selected: boolean;
  onSelect: (d: DocSummary, selected: boolean) => void;
  onDelete: (d: DocSummary) => void;
}

function DocRow({ doc, fresh, selected, onSelect, onDelete }: DocRowProps) {
  const date = formatDate(doc.published);
  const route = { view: 'reader', docId: doc.id } as const;
  return (
    <li className={`doc-row${fresh ? ' doc-row-fresh' : ''}${selected ? ' doc-row-selected' : ''}`} data-doc-id={doc.id}>
      <input
        type="checkbox"
        className="doc-select"
        checked={selected}
        onChange={(e) => onSelect(doc, e.target.checked)}
        aria-label={`Select “${doc.title}” to compare`}
      />
      <div className="doc-main">
        <h2 className="doc-title">
          <a
            href={routeToHash(route)}
            onClick={(e) => {
              e.preventDefault();
              navigate(route);
            }}
          >
            {doc.title}
          </a>
        </h2>
        <p className="doc-meta">
          <span className={doc.outlet ? '' : 'doc-meta-missing'}>{doc.outlet ?? 'Outlet unknown'}</span>
          <span aria-hidden="true"> · </span>
          <span className={date ? '' : 'doc-meta-missing'}>{date ?? 'Undated'}</span>
          <span aria-hidden="true"> · </span>
          <span>{formatLength(doc.words)}</span>
          {fresh ? <span className="tag">New</span> : null}
        </p>
      </div>
      <div className="doc-progress">
        <Progress value={doc.progress} label={`Reading progress: ${progressText(doc.progress)}`} />
        <span className="doc-progress-text" aria-hidden="true">
          {progressText(doc.progress)}
        </span>
      </div>
      <Button variant="ghost" size="sm" className="doc-delete" aria-label={`Delete “${doc.title}”`} onClick={() => onDelete(doc)}>
        Delete
      </Button>
    </li>
  );
}

export default function LibraryView(_props: ViewProps<'library'>) {
  const docs = useResult(() => api['docs.list']({}), [], { refreshOn: ['docs'] });
  const [filter, setFilter] = useState('');
  const sort = asSortKey(useSetting('library.sort', 'published'));
  const results = useImportResults();
  const setResults = setImportResults;
  const [importing, setImporting] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  // Documents ticked for side-by-side reading, in the order they were ticked.
  const [selected, setSelected] = useState<string[]>([]);
  const onSelect = (d: DocSummary, on: boolean) => setSelected((cur) => (on ? [...cur.filter((x) => x !== d.id), d.id] : cur.filter((x) => x !== d.id)));
  const compareSelected = () => navigate({ view: 'compare', docIds: selected.slice(0, 4) });
  const dragDepth = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  useEffect(() => {
    document.title = 'Library · Parallax';
  }, []);

  const list = useMemo(() => sortDocs(filterDocs(docs.value ?? [], filter), sort), [docs.value, filter, sort]);
  const freshIds = useMemo(() => new Set((results ?? []).flatMap((r) => ('id' in r ? [r.id] : []))), [results]);

  const runImport = async (files: File[]) => {
    if (!files.length) return;
    setImporting(files.length);
    try {
      const outcomes = await importFileList(files);
      setResults(outcomes);
      const okCount = outcomes.filter((o) => 'id' in o).length;
      const failed = outcomes.length - okCount;
      if (okCount) notifyChanged('docs');
      toast({
        kind: failed ? 'error' : 'success',
        message: failed
          ? `${plural(okCount, 'file')} imported, ${plural(failed, 'file')} could not be imported. See the results above the list.`
          : `Imported ${plural(okCount, 'file')}.`,
      });
    } catch (e) {
      toastError(e);
    } finally {
      setImporting(null);
    }
  };

  const onDelete = async (doc: DocSummary) => {
    let plan: DeletePlan;
    try {
      plan = await planDelete(doc);
    } catch (e) {
      toastError(e);
      return;
    }
    const { highlights, notes, cards, noUndo } = plan;
    const owned = [highlights ? plural(highlights, 'highlight') : '', notes ? plural(notes, 'note') : '', cards ? plural(cards, 'flashcard') : ''].filter(Boolean);
    const why = noUndo === 'bundled' ? 'This is one of the bundled reports: deleting it cannot be undone.' : noUndo === 'studied' ? 'Your review history of its flashcards would be lost: this cannot be undone.' : 'You can undo this right after.';
    const ok = await confirm({
      title: `Delete “${doc.title}”?`,
      body: (owned.length ? `Its ${owned.join(', ').replace(/, ([^,]*)$/, ' and $1')} will be deleted with it. ` : 'It has no highlights or notes. ') + why,
      confirmLabel: 'Delete',
      danger: true,
    });
    if (!ok) return;
    let snapshot: Awaited<ReturnType<typeof deleteDocument>>;
    try {
      snapshot = await deleteDocument(plan);
    } catch (e) {
      toastError(e);
      return;
    }
    headingRef.current?.focus();
    toast({
      kind: 'info',
      message: `Deleted “${doc.title}”.`,
      action: snapshot
        ? {
            label: 'Undo',
            run: async () => {
              try {
                await undoDelete(snapshot);
                toast({ kind: 'success', message: `Restored “${doc.title}”${highlights || notes ? ' with its highlights and notes' : ''}.` });
              } catch (e) {
                toastError(e);
              }
            },
          }
        : undefined,
    });
  };

  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  const dropHandlers = {
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      dragDepth.current++;
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: () => {
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (!dragDepth.current) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      dragDepth.current = 0;
      setDragging(false);
      void runImport(Array.from(e.dataTransfer.files));
    },
  };

  const total = docs.value?.length ?? 0;
  const chooseFiles = () => fileInput.current?.click();

  return (
    <div className="library" {...dropHandlers}>
      <div className="library-inner">
        <div className="view-header">
          <div>
            <h1 ref={headingRef} tabIndex={-1} className="view-title">
              Library
            </h1>
            <p className="view-subtitle">{docs.value ? plural(total, 'document') : '\u00a0'}</p>
          </div>
          <div className="toolbar">
            {total > 1 ? (
              <Button
                onClick={compareSelected}
                disabled={selected.length < 2}
                title={selected.length < 2 ? 'Tick two to four documents below to read them side by side' : undefined}
              >
                {selected.length >= 2 ? `Compare ${selected.length} side by side` : 'Compare selected'}
              </Button>
            ) : null}
            <Button variant="primary" onClick={chooseFiles} disabled={importing !== null}>
              Import files…
            </Button>
            <input
              ref={fileInput}
              type="file"
              multiple
              accept={ACCEPTED_EXTENSIONS.join(',')}
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Choose files to import"
              data-testid="import-input"
              onChange={(e) => {
                const files = Array.from(e.target.files ?? []);
                e.target.value = '';
                void runImport(files);
              }}
            />
          </div>
        </div>

        {total > 0 ? (
          <div className="library-controls" role="search" aria-label="Filter the library">
            <label className="field">
              <span className="field-label">Filter</span>
              <input
                type="search"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                placeholder="Title, outlet or author"
                aria-describedby={`${ids}-count`}
              />
            </label>
            <label className="field">
              <span className="field-label">Sort by</span>
              <select value={sort} onChange={(e) => void setSetting('library.sort', e.target.value as SortKey)}>
                {SORTS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <p id={`${ids}-count`} className="library-count" aria-live="polite">
              {filter ? `${list.length} of ${total} shown` : ''}
            </p>
          </div>
        ) : null}

        {importing !== null ? (
          <div className="import-progress" role="status">
            <Progress label={`Importing ${plural(importing, 'file')}…`} showLabel />
          </div>
        ) : null}

        {results ? <ImportResults results={results} onClose={() => setResults(null)} inLibrary={docs.value ? (id) => docs.value?.some((d) => d.id === id) ?? true : undefined} /> : null}

        {docs.status === 'error' && !docs.value ? <ErrorMessage error={docs.error} title="The library could not be loaded" retry={docs.reload} /> : null}

        {docs.status === 'loading' && !docs.value ? (
          <p className="view-loading" role="status">
            Loading the library…
          </p>
        ) : null}

        {docs.value && total === 0 ? (
          <EmptyState
            title="Your library is empty"
            body={
              <p>
                Import articles or reports as <strong>.txt</strong>, <strong>.md</strong> or <strong>.html</strong> files: choose
                them with <em>Import files…</em>, or drop them anywhere on this window.
              </p>
            }
            action={
              <Button variant="primary" onClick={chooseFiles}>
                Import files…
              </Button>
            }
          />
        ) : null}

        {docs.value && total > 0 && list.length === 0 ? (
          <EmptyState
            title={`No document matches “${filter}”`}
            body="Filtering looks at titles, outlets and authors. To search inside the texts, use Search."
            action={<Button onClick={() => setFilter('')}>Clear the filter</Button>}
          />
        ) : null}

        {list.length > 0 ? (
          <ul className="doc-list" aria-label="Documents">
            {list.map((d) => (
              <DocRow
                key={d.id}
                doc={d}
                fresh={freshIds.has(d.id)}
                selected={selected.includes(d.id)}
                onSelect={onSelect}
                onDelete={(x) => void onDelete(x)}
              />
            ))}
          </ul>
        ) : null}

        {total > 0 ? <p className="library-hint">Drop .txt, .md or .html files anywhere here to import them.</p> : null}
      </div>
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop to import</p>
        </div>
      ) : null}
    </div>
  );
}
