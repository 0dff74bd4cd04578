import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api, useResult } from '../../api';
import { registerShortcut } from '../../app/shortcuts';
import { Button, ErrorMessage } from '../../components';
import { copyWithCitation, deleteWithUndo, HIGHLIGHTS_TOPIC, highlightInAllSources, recolor, saveNote } from './actions';
import { COLOR_INFO, HIGHLIGHT_COLORS } from './colors';
import { NoteEditor } from './NoteEditor';
import { NoteMarkdown } from './NoteMarkdown';
import { closePopover, type PopoverState } from './store';
import type { HighlightView } from './types';
import { openCardFromHighlight } from '../../views/study/fromHighlightHost';

const GAP = 8;
const MARGIN = 8;

function Swatches({ h }: { h: HighlightView }) {
  return (
    <div className="hl-swatches" role="group" aria-label="Colour">
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className={`hl-swatch hl-swatch-${c}`}
          aria-pressed={h.color === c}
          aria-label={COLOR_INFO[c].label}
          title={`${COLOR_INFO[c].label} (${COLOR_INFO[c].key})`}
          onClick={() => void recolor(h, c)}
        />
      ))}
    </div>
  );
}

function Counterparts({ h }: { h: HighlightView }) {
  const res = useResult(() => api['highlights.counterparts']({ id: h.id }), [h.id, h.start, h.end], { refreshOn: [HIGHLIGHTS_TOPIC] });
  const list = res.value ?? [];
  if (h.orphan || !list.length) return null;
  const missing = list.filter((c) => !c.highlightId).length;
  return (
    <div className="hl-counterparts">
      <p>
        The same statement appears in {list.length} other source{list.length === 1 ? '' : 's'}:{' '}
        {list.map((c) => c.outlet ?? c.title).join(', ')}.
      </p>
      {missing ? (
        <Button size="sm" onClick={() => void highlightInAllSources(h)}>
          Highlight in {missing === list.length ? 'all' : `the other ${missing}`}
        </Button>
      ) : (
        <p className="hl-muted">Highlighted in all of them.</p>
      )}
    </div>
  );
}

/** The card for one highlight: recolour, note, copy with citation, delete (with undo). */
export function HighlightPopover({ state }: { state: PopoverState }) {
  const res = useResult(() => api['highlights.get']({ id: state.highlightId }), [state.highlightId], { refreshOn: [HIGHLIGHTS_TOPIC] });
  const [editing, setEditing] = useState(state.mode === 'note');
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const h = res.value?.id === state.highlightId ? res.value : undefined;

  // Below the highlight when it fits, else above; always inside the window. Placed again
  // whenever the card changes size (a note opens, the other sources arrive).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const place = () => {
      const { anchor } = state;
      const w = el.offsetWidth;
      const hgt = el.offsetHeight;
      let top = anchor.bottom + GAP;
      if (top + hgt > window.innerHeight - MARGIN && anchor.top - GAP - hgt > MARGIN) top = anchor.top - GAP - hgt;
      top = Math.max(MARGIN, Math.min(top, window.innerHeight - hgt - MARGIN));
      const left = Math.max(MARGIN, Math.min(anchor.left, window.innerWidth - w - MARGIN));
      setPos((p) => (p && p.top === top && p.left === left ? p : { top, left }));
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(el);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [state]);

  // Focus moves into the card when it opens (the note field when writing).
  useEffect(() => {
    if (!h || editing) return;
    const el = ref.current;
    (el?.querySelector<HTMLElement>('.hl-swatch[aria-pressed="true"]') ?? el?.querySelector<HTMLElement>('button'))?.focus({ preventScroll: true });
    // Only when the card first has its highlight.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [h?.id]);

  // A click elsewhere closes it; so does leaving the page.
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (ref.current && e.target instanceof Node && !ref.current.contains(e.target)) {
        const onHighlight = e.target instanceof Element && e.target.closest('[data-highlight-id]');
        if (!onHighlight) closePopover();
      }
    };
    const onHash = () => closePopover();
    // The card stays where it is; when the text scrolls away from under it, it closes.
    const onScroll = (e: Event) => {
      if (ref.current && e.target instanceof Node && ref.current.contains(e.target)) return;
      closePopover();
    };
    document.addEventListener('pointerdown', onDown, true);
    window.addEventListener('hashchange', onHash);
    const armed = setTimeout(() => window.addEventListener('scroll', onScroll, true), 400);
    return () => {
      clearTimeout(armed);
      document.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, []);

  // Keys while the card is open (not while typing the note).
  useEffect(() => {
    if (!h || editing) return;
    const offs = [
      ...HIGHLIGHT_COLORS.map((c) => registerShortcut({ keys: COLOR_INFO[c].key, description: `Highlight: ${COLOR_INFO[c].label.toLowerCase()}`, run: () => void recolor(h, c) })),
      registerShortcut({ keys: 'n', description: 'Highlight: edit the note', run: () => setEditing(true) }),
      registerShortcut({ keys: 'c', description: 'Highlight: copy with citation', run: () => void copyWithCitation(h.exact, state.doc) }),
      registerShortcut({ keys: 'delete', description: 'Highlight: delete', run: () => void remove() }),
      registerShortcut({ keys: 'escape', description: 'Close', hidden: true, run: () => closePopover() }),
    ];
    return () => offs.forEach((off) => off());
  });

  const remove = async () => {
    if (!h) return;
    if (await deleteWithUndo(h)) closePopover();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !editing) {
      e.preventDefault();
      closePopover();
    }
  };

  return (
    <div
      ref={ref}
      className="hl-popover"
      role="dialog"
      aria-label="Highlight"
      data-highlight-popover={state.highlightId}
      style={pos ? { top: pos.top, left: pos.left } : { top: state.anchor.bottom + GAP, left: state.anchor.left, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      {res.status === 'error' && !h ? (
        <ErrorMessage error={res.error} title="This highlight could not be opened" />
      ) : !h ? (
        <p role="status" className="hl-muted">
          Loading…
        </p>
      ) : (
        <>
          <div className="hl-popover-head">
            <Swatches h={h} />
            <button type="button" className="hl-popover-close" aria-label="Close" onClick={closePopover}>
              ×
            </button>
          </div>
          <blockquote className="hl-popover-quote">{h.exact.length > 240 ? `${h.exact.slice(0, 239)}…` : h.exact}</blockquote>
          {editing ? (
            <NoteEditor
              initial={h.note ?? ''}
              onSave={async (text) => {
                if (await saveNote(h, text)) setEditing(false);
              }}
              onCancel={() => (state.mode === 'note' && !h.note ? closePopover() : setEditing(false))}
            />
          ) : h.note ? (
            <div className="hl-popover-note">
              <NoteMarkdown source={h.note} />
              <Button variant="ghost" size="sm" onClick={() => setEditing(true)} title="Edit the note (N)">
                Edit note
              </Button>
            </div>
          ) : (
            <Button variant="ghost" size="sm" onClick={() => setEditing(true)} title="Add a note (N)">
              Add note
            </Button>
          )}
          <Counterparts h={h} />
          <div className="hl-popover-actions">
            <Button size="sm" onClick={() => void copyWithCitation(h.exact, state.doc)} title="Copy with citation (C)">
              Copy with citation
            </Button>
            {!h.orphan ? (
              <Button
                size="sm"
                onClick={() => {
                  closePopover();
                  openCardFromHighlight(h.id);
                }}
                title="Make a flashcard: choose the words to hide"
              >
                Make card
              </Button>
            ) : null}
            <Button variant="danger" size="sm" onClick={() => void remove()} title="Delete (Delete key)">
              Delete
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
