import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import type { DocSummary, ImportOutcome } from '@contract';
import { api, notifyChanged, useResult } from '../../api';
import { navigate } from '../../app/navigation';
import { MAX_COMPARE_COLUMNS } from '../compare/limits';
import { setSetting, useSetting } from '../../app/settings';
import type { ViewProps } from '../../app/views';
import { Skeleton } from '../../app/Skeleton';
import { markViewReady } from '../../app/startup';
import { Button, confirm, EmptyState, ErrorMessage, Progress, toast, toastError } from '../../components';
import { plural } from '../../lib/format';
import { DocList } from './DocList';
import { takePrefetchedLibrary } from './prefetch';
import { deleteDocument, planDelete, undoDelete, type DeletePlan } from './deleteDocument';
import { ACCEPTED_EXTENSIONS, filesFromDrop, importFileList } from './importFiles';
import { ImportResults } from './ImportResults';
import { setImportResults, useImportProgress, useImportResults } from './importStore';
import { PasteButton } from './PasteDialog';
import { READING_TOPIC } from '../reader/progress';
import { asSortKey, filterDocs, SORTS, sortDocs } from './sortFilter';

export default function LibraryView(_props: ViewProps<'library'>) {
  const docs = useResult(() => takePrefetchedLibrary() ?? api['docs.list']({}), [], { refreshOn: ['docs', READING_TOPIC] });
  const [filter, setFilter] = useState('');
  const sort = asSortKey(useSetting('library.sort', 'published'));
  const results = useImportResults();
  const setResults = setImportResults;
  const [importing, setImporting] = useState<number | null>(null);
  const importProgress = useImportProgress();
  const [dragging, setDragging] = useState(false);
  // Documents ticked for side-by-side reading, in the order they were ticked.
  const [selected, setSelected] = useState<string[]>([]);
  const onSelect = useCallback((d: DocSummary, on: boolean) => setSelected((cur) => (on ? [...cur.filter((x) => x !== d.id), d.id] : cur.filter((x) => x !== d.id))), []);
  const compareSelected = () => navigate({ view: 'compare', docIds: selected.slice(0, MAX_COMPARE_COLUMNS) });
  const dragDepth = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  useEffect(() => {
    document.title = 'Library · Parallax';
  }, []);

  // Sorting is memoised apart from filtering, so typing re-filters an already sorted list; the
  // deferred filter keeps the field responsive while a big library re-filters.
  const deferredFilter = useDeferredValue(filter);
  const sorted = useMemo(() => sortDocs(docs.value ?? [], sort), [docs.value, sort]);
  const list = useMemo(() => filterDocs(sorted, deferredFilter), [sorted, deferredFilter]);
  useEffect(() => {
    if (docs.value) markViewReady();
  }, [docs.value]);
  const freshIds = useMemo(() => new Set((results ?? []).flatMap((r) => ('id' in r ? [r.id] : []))), [results]);

  const runImport = async (files: File[], skipped: ImportOutcome[] = []) => {
    if (!files.length) return;
    setImporting(files.length);
    try {
      const outcomes = [...(await importFileList(files)), ...skipped];
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

  const onDelete = useCallback(async (doc: DocSummary) => {
    let plan: DeletePlan;
    try {
      plan = await planDelete(doc);
    } catch (e) {
      toastError(e);
      return;
    }
    const { highlights, notes, cards, noUndo } = plan;
    // The reader's own work is named first (or its absence said); generated flashcards follow.
    const owned = [highlights ? plural(highlights, 'highlight') : '', notes ? plural(notes, 'note') : ''].filter(Boolean);
    const mine = owned.length ? `Its ${owned.join(' and ')} will be deleted with it. ` : 'It has no highlights or notes. ';
    const deck = cards ? `${cards === 1 ? 'The flashcard' : `The ${plural(cards, 'flashcard')}`} made from it will go too. ` : '';
    const why = noUndo === 'bundled' ? 'This is one of the bundled reports: deleting it cannot be undone.' : noUndo === 'studied' ? 'Your review history of its flashcards would be lost: this cannot be undone.' : 'You can undo this right after.';
    const ok = await confirm({
      title: `Delete “${doc.title}”?`,
      body: mine + deck + why,
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
  }, []);
  const onDeleteRow = useCallback((d: DocSummary) => void onDelete(d), [onDelete]);

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
      // Folders are opened: every supported file inside is imported (see importFiles.ts).
      void filesFromDrop(e.dataTransfer).then(({ files, skipped }) => (files.length ? runImport(files, skipped) : skipped.length ? setResults(skipped) : undefined));
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
                title={selected.length < 2 ? `Tick two (up to ${MAX_COMPARE_COLUMNS}) documents below to read them side by side` : selected.length > MAX_COMPARE_COLUMNS ? `Compare shows ${MAX_COMPARE_COLUMNS} side by side at most: the first ${MAX_COMPARE_COLUMNS} ticked open` : undefined}
              >
                {selected.length > MAX_COMPARE_COLUMNS ? `Compare the first ${MAX_COMPARE_COLUMNS} (of ${selected.length})` : selected.length >= 2 ? `Compare ${selected.length} side by side` : 'Compare selected'}
              </Button>
            ) : null}
            <PasteButton />
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
              <select value={sort} onChange={(e) => void setSetting('library.sort', e.target.value)}>
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
            <Progress label={`Importing ${plural(importing, 'file')}…`} value={importProgress ? importProgress.done / Math.max(1, importProgress.total) : undefined} showLabel />
          </div>
        ) : null}

        {results ? <ImportResults results={results} onClose={() => setResults(null)} inLibrary={docs.value ? (id) => docs.value?.some((d) => d.id === id) ?? true : undefined} /> : null}

        {docs.status === 'error' && !docs.value ? <ErrorMessage error={docs.error} title="The library could not be loaded" retry={docs.reload} /> : null}

        {docs.status === 'loading' && !docs.value ? <Skeleton inline kind="list" label="Loading the library…" /> : null}

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

        {list.length > 0 ? <DocList docs={list} freshIds={freshIds} selected={selected} onSelect={onSelect} onDelete={onDeleteRow} /> : null}

        {total > 0 ? <p className="library-hint">Drop files or folders (PDF, EPUB, Word, web pages, Markdown, text) anywhere here to import them.</p> : null}
      </div>
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop to import</p>
        </div>
      ) : null}
    </div>
  );
}
