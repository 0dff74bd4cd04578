import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchHit, SearchResponse, SearchStatus } from '@contract';
import { api } from '../api/client';
import type { ApiError } from '../api';
import { navigate } from '../app/navigation';
import { describeKeys } from '../app/shortcuts';
import { Dialog } from '../components/Dialog';
import { Progress } from '../components/Progress';
import { groupHits, snippetParts } from './results';
import { searchNotesForPalette, type PaletteNoteItem } from '../features/highlights/paletteNotes';

let isOpen = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function openSearch(): void {
  isOpen = true;
  emit();
}

export function closeSearch(): void {
  isOpen = false;
  emit();
}

/** The query survives closing the palette, so reopening continues where the person was. */
let lastQuery = '';
const DEBOUNCE_MS = 120;
const CHANNEL = 'search-palette';

export function SearchPalette() {
  const open = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => isOpen,
  );
  return (
    <Dialog open={open} title="Search" hideTitle onClose={closeSearch} className="dialog-palette">
      {open ? <PaletteBody /> : null}
    </Dialog>
  );
}

function Snippet({ snippet, marks }: { snippet: string; marks: Array<[number, number]> }) {
  return (
    <span className="hit-snippet">
      {snippetParts(snippet, marks).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}

interface PaletteOptionProps {
  id: string;
  index: number;
  active: number;
  onActivate: (index: number) => void;
  onChoose: () => void;
  children: ReactNode;
}

/** One result row: a listbox option the arrow keys and the mouse both move to. */
function PaletteOption({ id, index, active, onActivate, onChoose, children }: PaletteOptionProps) {
  return (
    <div
      id={id}
      data-index={index}
      role="option"
      aria-selected={index === active}
      className="palette-option"
      onMouseMove={() => onActivate(index)}
      onClick={onChoose}
    >
      {children}
    </div>
  );
}

function PaletteBody() {
  const [query, setQuery] = useState(lastQuery);
  const [response, setResponse] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<SearchStatus | null>(null);
  // The reader's own notes and highlights are searched beside the documents.
  const [notes, setNotes] = useState<PaletteNoteItem[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const seq = useRef(0);
  const ids = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  // Index progress: poll while the index is still being built.
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const res = await api['search.status']({});
      if (!live) return;
      if (res.ok) {
        setStatus(res.value);
        if (res.value.state === 'building') timer = setTimeout(poll, 400);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  const ready = status?.state !== 'building';
  useEffect(() => {
    lastQuery = query;
    const q = query.trim();
    const mine = ++seq.current;
    if (!q) {
      setResponse(null);
      setNotes([]);
      setError(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(async () => {
      const [res, noteItems] = await Promise.all([
        api['search.query']({ query: q, limit: 50, channel: CHANNEL }),
        searchNotesForPalette(q),
      ]);
      if (mine !== seq.current) return;
      setNotes(noteItems);
      if (!res.ok && res.error.code === 'CANCELLED') return;
      setPending(false);
      if (res.ok) {
        setResponse(res.value);
        setError(null);
        setActive(0);
      } else {
        setError(res.error);
        setResponse(null);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, ready]);

  const groups = useMemo(() => groupHits(response?.hits ?? []), [response]);
  const flatHits = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  // One keyboard list: document matches first, then the reader's notes.
  const flat = useMemo<Array<SearchHit | PaletteNoteItem>>(() => [...flatHits, ...notes], [flatHits, notes]);

  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const openHit = (hit: SearchHit) => {
    closeSearch();
    navigate({ view: 'reader', docId: hit.docId, offset: hit.start, end: hit.end, flash: true });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!flat.length) return;
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + delta + flat.length) % flat.length);
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      if (!flat.length) return;
      setActive((a) => Math.max(0, Math.min(flat.length - 1, a + (e.key === 'PageDown' ? 5 : -5))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = flat[active];
      if (item && 'docId' in item) openHit(item);
      else if (item) {
        closeSearch();
        item.open();
      }
    }
  };

  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-opt-${i}`;
  const q = query.trim();
  let summary = '';
  if (q && response && !pending) {
    const docs = groups.length;
    const noteCount = notes.length ? ` and ${notes.length} in your notes` : '';
    summary = response.hits.length
      ? `${response.totalIsEstimate ? 'About ' : ''}${response.total} ${response.total === 1 ? 'match' : 'matches'} in ${docs} ${docs === 1 ? 'document' : 'documents'}${noteCount}`
      : notes.length
        ? `No matches in the documents; ${notes.length} in your notes`
        : `No matches for “${q}”`;
  }

  return (
    <div className="palette">
      <div className="palette-input-row">
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="icon">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <line x1="12.6" y1="12.6" x2="17" y2="17" />
        </svg>
        <input
          ref={inputRef}
          className="palette-input"
          // Not type="search": there Esc clears the text instead of closing the palette.
          type="text"
          role="combobox"
          aria-label="Search all documents"
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={flat.length ? optionId(active) : undefined}
          placeholder="Search all documents…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
        />
        <kbd className="palette-esc">Esc</kbd>
      </div>
      {status?.state === 'building' ? (
        <div className="palette-status">
          <Progress value={status.progress} label={`Building the search index (${Math.round(status.progress * 100)}%)`} showLabel />
        </div>
      ) : null}
      {status?.state === 'error' ? (
        <p className="palette-status palette-error" role="alert">
          {status.message ?? 'The search index could not be built.'}
        </p>
      ) : null}
      <div className="palette-meta" role="status" aria-live="polite">
        {response?.hint ? <p className="palette-hint">{response.hint}</p> : null}
        {error ? <p className="palette-error">{error.message}</p> : null}
        {summary ? <p className="palette-summary">{summary}</p> : null}
        {pending && q ? <p className="palette-summary">Searching…</p> : null}
      </div>
      <div ref={listRef} id={listId} role="listbox" aria-label="Search results" className="palette-results">
        {groups.map((g) => (
          <div role="group" key={g.docId} aria-labelledby={`${ids}-g-${g.docId}`} className="palette-group">
            <div className="palette-group-title" id={`${ids}-g-${g.docId}`} role="presentation">
              {g.title}
            </div>
            {g.hits.map((hit) => {
              const i = flatHits.indexOf(hit);
              return (
                <PaletteOption key={`${hit.docId}-${hit.start}-${i}`} id={optionId(i)} index={i} active={active} onActivate={setActive} onChoose={() => openHit(hit)}>
                  <Snippet snippet={hit.snippet} marks={hit.marks} />
                </PaletteOption>
              );
            })}
          </div>
        ))}
        {notes.length ? (
          <div role="group" aria-labelledby={`${ids}-g-notes`} className="palette-group">
            <div className="palette-group-title" id={`${ids}-g-notes`} role="presentation">
              Your notes
            </div>
            {notes.map((n, k) => {
              const i = flatHits.length + k;
              return (
                <PaletteOption
                  key={n.key}
                  id={optionId(i)}
                  index={i}
                  active={active}
                  onActivate={setActive}
                  onChoose={() => {
                    closeSearch();
                    n.open();
                  }}
                >
                  <span className="hit-label">{n.label}</span> <Snippet snippet={n.snippet} marks={n.marks} />
                </PaletteOption>
              );
            })}
          </div>
        ) : null}
        {!q ? (
          <p className="palette-empty">
            Type to search every document. <kbd>↑</kbd> <kbd>↓</kbd> choose, <kbd>Enter</kbd> opens the document at the match.
            {' '}Reopen with <kbd>{describeKeys('mod+k')}</kbd>.
          </p>
        ) : null}
      </div>
    </div>
  );
}
