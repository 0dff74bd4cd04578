import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DocSummary } from '@contract';
import { api, notifyChanged, useResult } from '../../api';
import { navigate, routeToHash } from '../../app/navigation';
import type { ViewProps } from '../../app/views';
import { Skeleton } from '../../app/Skeleton';
import { markViewReady } from '../../app/startup';
import { Button, EmptyState, ErrorMessage, onRadioGroupKeyDown, toast, toastError } from '../../components';
import { formatDate, plural } from '../../lib/format';
import { highlightActions, NoteEditor, NoteMarkdown, type HighlightColor, type HighlightView } from '../../features/highlights';
import { COLOR_INFO, HIGHLIGHT_COLORS, isHighlightColor } from '../../features/highlights/colors';
import type { DocNoteView, ExportFormat } from '../../features/highlights/types';
import { filterNotes, type NotesFilter, type NotesGroup } from './filter';
import { downloadText } from '../../lib/download';

const { HIGHLIGHTS_TOPIC, NOTES_TOPIC } = highlightActions;


/** Export what the view shows: everything, or with filters on, exactly the highlights and notes listed. */
async function exportAs(format: ExportFormat, shown: NotesGroup[] | null): Promise<void> {
  const only = shown ? { highlightIds: shown.flatMap((g) => g.highlights.map((h) => h.id)), docNotes: shown.flatMap((g) => (g.note ? [g.doc.id] : [])) } : undefined;
  const res = await api['annotations.export']({ format, ...(only ? { only } : {}) });
  if (!res.ok) {
    toastError(res.error);
    return;
  }
  downloadText(res.value.filename, res.value.content, res.value.mimeType);
  const what = `${plural(res.value.count, 'item')}${only ? ' (the ones shown)' : ''}`;
  toast({ kind: 'success', message: `Exported ${what} as ${format === 'md' ? 'Markdown' : 'W3C Web Annotation JSON-LD'} (${res.value.filename}).` });
}

async function importFile(file: File): Promise<void> {
  let content: string;
  try {
    content = await file.text();
  } catch {
    toastError(new Error(`${file.name} could not be read.`));
    return;
  }
  const res = await api['annotations.import']({ content });
  if (!res.ok) {
    toastError(res.error);
    return;
  }
  const { imported, orphans, skipped, messages } = res.value;
  if (imported) {
    notifyChanged(HIGHLIGHTS_TOPIC);
    notifyChanged(NOTES_TOPIC);
  }
  const parts = [`Imported ${plural(imported, 'annotation')} from ${file.name}`];
  if (orphans) parts.push(`${orphans} could not be placed`);
  if (skipped) parts.push(`${skipped} skipped`);
  toast({ kind: imported || !skipped ? 'success' : 'info', message: `${parts.join('; ')}.${messages.length ? ' ' + messages.join(' ') : ''}` });
}

const open = (h: HighlightView) => navigate({ view: 'reader', docId: h.docId, offset: h.start, end: h.end, flash: true });

function HighlightCard({ h, docTitle }: { h: HighlightView; docTitle: string }) {
  const [editing, setEditing] = useState(false);
  const short = h.exact.length > 60 ? `${h.exact.slice(0, 59)}…` : h.exact;
  return (
    <li className={`notes-card hl-item hl-item-${h.color}${h.orphan ? ' hl-item-orphan' : ''}`} data-highlight-item={h.id}>
      {h.orphan ? (
        <blockquote className="notes-quote">
          <span className={`hl-words hl-${h.color}`}>{h.exact}</span>
        </blockquote>
      ) : (
        <a
          className="notes-quote notes-quote-link"
          href={routeToHash({ view: 'reader', docId: h.docId, offset: h.start, end: h.end, flash: true })}
          onClick={(e) => {
            e.preventDefault();
            open(h);
          }}
          title={`Open in “${docTitle}”`}
        >
          <span className={`hl-words hl-${h.color}`}>{h.exact}</span>
        </a>
      )}
      {editing ? (
        <NoteEditor
          initial={h.note ?? ''}
          onSave={async (text) => {
            if (await highlightActions.saveNote(h, text)) setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : h.note ? (
        <NoteMarkdown source={h.note} className="notes-note" />
      ) : null}
      <div className="notes-card-actions">
        <div className="hl-swatches hl-swatches-small" role="group" aria-label={`Colour of “${short}”`}>
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className={`hl-swatch hl-swatch-${c}`}
              aria-pressed={h.color === c}
              aria-label={COLOR_INFO[c].label}
              title={COLOR_INFO[c].label}
              onClick={() => void highlightActions.recolor(h, c)}
            />
          ))}
        </div>
        {!editing ? (
          <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`${h.note ? 'Edit note of' : 'Add note to'} “${short}”`}>
            {h.note ? 'Edit note' : 'Add note'}
          </Button>
        ) : null}
        {!h.orphan ? (
          <Button variant="ghost" size="sm" onClick={() => open(h)} aria-label={`Open “${short}” in the document`}>
            Open
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={() => void highlightActions.deleteWithUndo(h)} aria-label={`Delete “${short}”`}>
          Delete
        </Button>
      </div>
    </li>
  );
}

function DocNoteBlock({ note, docId }: { note: DocNoteView | undefined; docId: string }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <NoteEditor
        label="Note on this document"
        initial={note?.body ?? ''}
        rows={5}
        onSave={async (text) => {
          if (await highlightActions.saveDocNote(docId, text)) setEditing(false);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  if (!note?.body) return null;
  return (
    <div className="notes-docnote">
      <p className="notes-docnote-label">Note on this document</p>
      <NoteMarkdown source={note.body} />
      <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
        Edit note
      </Button>
    </div>
  );
}

function DocGroup({ doc, highlights, note, showEmptyNote }: { doc: DocSummary; highlights: HighlightView[]; note: DocNoteView | undefined; showEmptyNote: boolean }) {
  const headingId = useId();
  const [writing, setWriting] = useState(false);
  const placed = highlights.filter((h) => !h.orphan);
  const orphans = highlights.filter((h) => h.orphan);
  const date = formatDate(doc.published);
  return (
    <section className="notes-group" aria-labelledby={headingId} data-doc-id={doc.id}>
      <header className="notes-group-head">
        <h2 id={headingId} className="notes-group-title">
          <a
            href={routeToHash({ view: 'reader', docId: doc.id })}
            onClick={(e) => {
              e.preventDefault();
              navigate({ view: 'reader', docId: doc.id });
            }}
          >
            {doc.title}
          </a>
        </h2>
        <p className="notes-group-meta">{[doc.outlet ?? 'Outlet unknown', date ?? 'Undated', plural(highlights.length, 'highlight')].join(' · ')}</p>
      </header>
      {writing ? (
        <NoteEditor
          label="Note on this document"
          initial=""
          rows={5}
          onSave={async (text) => {
            if (await highlightActions.saveDocNote(doc.id, text)) setWriting(false);
          }}
          onCancel={() => setWriting(false)}
        />
      ) : (
        <DocNoteBlock note={note} docId={doc.id} />
      )}
      {!note?.body && !writing && showEmptyNote ? (
        <Button variant="ghost" size="sm" onClick={() => setWriting(true)}>
          Write a note on this document…
        </Button>
      ) : null}
      {placed.length ? (
        <ul className="hl-list notes-list" aria-label={`Highlights in “${doc.title}”`}>
          {placed.map((h) => (
            <HighlightCard key={h.id} h={h} docTitle={doc.title} />
          ))}
        </ul>
      ) : null}
      {orphans.length ? (
        <div className="notes-orphans">
          <h3 className="notes-orphans-title">Could not be placed ({orphans.length})</h3>
          <p className="hl-muted">These words are no longer in the current version of the document; they are kept here so nothing you wrote is lost.</p>
          <ul className="hl-list notes-list" aria-label={`Highlights that could not be placed in “${doc.title}”`}>
            {orphans.map((h) => (
              <HighlightCard key={h.id} h={h} docTitle={doc.title} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** Every highlight and note across the library, filterable by document, colour and text. */
export default function NotesView({ route }: ViewProps<'notes'>) {
  const highlights = useResult(() => api['highlights.list']({}), [], { refreshOn: [HIGHLIGHTS_TOPIC, 'docs'] });
  const notes = useResult(() => api['notes.list']({}), [], { refreshOn: [NOTES_TOPIC, 'docs'] });
  const docs = useResult(() => api['docs.list']({}), [], { refreshOn: ['docs'] });
  const routeDoc = route.params?.docId ?? '';
  const routeColor = route.params?.color ?? '';
  const [filter, setFilter] = useState<NotesFilter>({ docId: routeDoc, color: isHighlightColor(routeColor) ? routeColor : '', text: '' });
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => {
    document.title = 'Notes · Parallax';
  }, []);
  useEffect(() => {
    setFilter((f) => (f.docId === routeDoc ? f : { ...f, docId: routeDoc }));
  }, [routeDoc]);

  const allHighlights = useMemo(() => highlights.value ?? [], [highlights.value]);
  const allNotes = useMemo(() => notes.value ?? [], [notes.value]);
  const allDocs = useMemo(() => docs.value ?? [], [docs.value]);
  const shown = useMemo(() => filterNotes(allDocs, allHighlights, allNotes, filter), [allDocs, allHighlights, allNotes, filter]);
  const docsWithWork = useMemo(() => allDocs.filter((d) => allHighlights.some((h) => h.docId === d.id) || allNotes.some((n) => n.docId === d.id)), [allDocs, allHighlights, allNotes]);
  const orphanCount = allHighlights.filter((h) => h.orphan).length;
  const error = highlights.error ?? notes.error ?? docs.error;
  const loading = !highlights.value || !notes.value || !docs.value;
  const filtering = Boolean(filter.docId || filter.color || filter.text.trim());
  const shownCount = shown.reduce((n, g) => n + g.highlights.length, 0);
  useEffect(() => {
    if (!loading) markViewReady();
  }, [loading]);

  return (
    <div className="notes-view">
      <div className="notes-inner">
        <div className="view-header">
          <div>
            <h1 className="view-title" tabIndex={-1}>
              Notes
            </h1>
            <p className="view-subtitle">
              {loading
                ? '\u00a0'
                : `${plural(allHighlights.length, 'highlight')} · ${plural(allNotes.length, 'document note')}${orphanCount ? ` · ${orphanCount} could not be placed` : ''}`}
            </p>
          </div>
          <div className="toolbar">
            <Button onClick={() => void exportAs('md', filtering ? shown : null)} title={filtering ? 'Exports the highlights and notes shown below' : undefined}>
              {filtering ? 'Export shown as Markdown' : 'Export Markdown'}
            </Button>
            <Button onClick={() => void exportAs('w3c', filtering ? shown : null)} title={filtering ? 'Exports the highlights and notes shown below (W3C Web Annotation JSON-LD)' : 'W3C Web Annotation JSON-LD'}>
              {filtering ? 'Export shown as W3C JSON-LD' : 'Export W3C JSON-LD'}
            </Button>
            <Button onClick={() => fileInput.current?.click()}>Import…</Button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,.jsonld,application/json,application/ld+json"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Choose an annotation file to import"
              data-testid="annotations-import-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </div>
        </div>

        <div className="library-controls notes-controls" role="search" aria-label="Filter notes">
          <label className="field">
            <span className="field-label">Document</span>
            <select value={filter.docId} onChange={(e) => setFilter((f) => ({ ...f, docId: e.target.value }))}>
              <option value="">All documents</option>
              {docsWithWork.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title.length > 70 ? `${d.title.slice(0, 69)}…` : d.title}
                </option>
              ))}
            </select>
          </label>
          <div className="field">
            <span className="field-label" id={`${ids}-colour`}>
              Colour
            </span>
            <div className="notes-colours" role="radiogroup" aria-labelledby={`${ids}-colour`} onKeyDown={onRadioGroupKeyDown}>
              <button type="button" role="radio" aria-checked={filter.color === ''} tabIndex={filter.color === '' ? 0 : -1} className="notes-colour-any" onClick={() => setFilter((f) => ({ ...f, color: '' }))}>
                Any
              </button>
              {HIGHLIGHT_COLORS.map((c: HighlightColor) => (
                <button
                  key={c}
                  type="button"
                  role="radio"
                  aria-checked={filter.color === c}
                  tabIndex={filter.color === c ? 0 : -1}
                  className={`hl-swatch hl-swatch-${c}`}
                  aria-label={COLOR_INFO[c].label}
                  title={COLOR_INFO[c].label}
                  onClick={() => setFilter((f) => ({ ...f, color: f.color === c ? '' : c }))}
                />
              ))}
            </div>
          </div>
          <label className="field">
            <span className="field-label">Text</span>
            <input type="search" placeholder="Words in a quote or note" value={filter.text} onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))} />
          </label>
          {filtering ? (
            <p className="library-count" aria-live="polite">
              {plural(shownCount, 'highlight')} shown
            </p>
          ) : null}
        </div>

        {error && loading ? (
          <ErrorMessage error={error} title="Your notes could not be loaded" retry={() => (highlights.reload(), notes.reload(), docs.reload())} />
        ) : loading ? (
          <Skeleton inline kind="cards" label="Loading your notes…" />
        ) : allHighlights.length === 0 && allNotes.length === 0 ? (
          <EmptyState
            title="No highlights or notes yet"
            body="Open a report, select some words and pick a colour. Everything you highlight or write will be collected here. You can also import annotations exported from Parallax (W3C JSON-LD)."
            action={
              <Button variant="primary" onClick={() => navigate({ view: 'library' })}>
                Go to the library
              </Button>
            }
          />
        ) : shown.length === 0 ? (
          <EmptyState
            title="Nothing matches these filters"
            action={
              <Button onClick={() => setFilter({ docId: '', color: '', text: '' })}>
                Clear the filters
              </Button>
            }
          />
        ) : (
          shown.map((g) => <DocGroup key={g.doc.id} doc={g.doc} highlights={g.highlights} note={g.note} showEmptyNote={Boolean(filter.docId)} />)
        )}
      </div>
    </div>
  );
}
