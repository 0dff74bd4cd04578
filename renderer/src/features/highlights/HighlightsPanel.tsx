import { useState } from 'react';
import { api, useResult } from '../../api';
import { navigate } from '../../app/navigation';
import { describeKeys } from '../../app/shortcuts';
import { Button, ErrorMessage, onRadioGroupKeyDown } from '../../components';
import type { ReaderContext } from '../../reader/extensions';
import { deleteWithUndo, NOTES_TOPIC, saveDocNote } from './actions';
import { COLOR_INFO, HIGHLIGHT_COLORS } from './colors';
import { NoteEditor } from './NoteEditor';
import { NoteMarkdown } from './NoteMarkdown';
import { openPopover, setHighlightMode, setLastColor, useHighlightMode, useLastColor } from './store';
import { useDocHighlights } from './useDocHighlights';
import type { DocRef, HighlightView } from './types';

export const MODE_SHORTCUT = 'mod+shift+h';

const excerpt = (s: string, n = 140) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

export function docRefOf(doc: ReaderContext['doc']): DocRef {
  return { id: doc.id, title: doc.title, outlet: doc.outlet, published: doc.published, text: doc.text };
}

/** Highlight mode switch and the colour it uses. */
export function ModeControls() {
  const mode = useHighlightMode();
  const color = useLastColor();
  return (
    <div className="hl-mode">
      <button
        type="button"
        className={`hl-mode-toggle${mode ? ' on' : ''}`}
        aria-pressed={mode}
        onClick={() => setHighlightMode(!mode)}
        title={`Every selection becomes a highlight at once (${describeKeys(MODE_SHORTCUT)})`}
      >
        <span className="hl-mode-dot" aria-hidden="true" />
        Highlight mode
      </button>
      <div className="hl-swatches hl-swatches-small" role="radiogroup" aria-label="Colour for new highlights" onKeyDown={onRadioGroupKeyDown}>
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={color === c}
            tabIndex={color === c ? 0 : -1}
            className={`hl-swatch hl-swatch-${c}`}
            aria-label={COLOR_INFO[c].label}
            title={COLOR_INFO[c].label}
            onClick={() => setLastColor(c)}
          />
        ))}
      </div>
    </div>
  );
}

function DocNote({ docId }: { docId: string }) {
  const res = useResult(() => api['notes.get']({ docId }), [docId], { refreshOn: [NOTES_TOPIC] });
  const [editing, setEditing] = useState(false);
  if (res.status === 'error') return <ErrorMessage error={res.error} retry={res.reload} />;
  const body = res.value?.docId === docId ? res.value.body : '';
  return (
    <section className="hl-docnote" aria-label="Note on this document">
      <h3 className="hl-panel-heading">Note on this document</h3>
      {editing ? (
        <NoteEditor
          label="Note on this document"
          initial={body}
          rows={5}
          onSave={async (text) => {
            if (await saveDocNote(docId, text)) setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : body ? (
        <>
          <NoteMarkdown source={body} />
          <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
            Edit note
          </Button>
        </>
      ) : (
        <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
          Write a note…
        </Button>
      )}
    </section>
  );
}

function Item({ h, ctx, doc }: { h: HighlightView; ctx: ReaderContext; doc: DocRef }) {
  return (
    <li className={`hl-item hl-item-${h.color}`} data-highlight-item={h.id}>
      <button type="button" className="hl-item-quote" onClick={() => ctx.scrollTo(h.start, [h.start, h.end])} title="Show it in the text">
        <span className={`hl-dot hl-swatch-${h.color}`} aria-hidden="true" />
        <span className="visually-hidden">{COLOR_INFO[h.color].label} highlight: </span>
        {excerpt(h.exact)}
      </button>
      {h.note ? <NoteMarkdown source={h.note} className="hl-item-note" /> : null}
      <div className="hl-item-actions">
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Edit the highlight “${excerpt(h.exact, 40)}”`}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            openPopover({ highlightId: h.id, doc, anchor: { top: r.top, left: r.left - 200, bottom: r.bottom, right: r.right }, mode: 'view', returnFocus: e.currentTarget });
          }}
        >
          Edit
        </Button>
      </div>
    </li>
  );
}

/** The reader's side panel tab: highlight mode, the document note, this document's highlights. */
export function HighlightsPanel({ ctx }: { ctx: ReaderContext }) {
  const doc = docRefOf(ctx.doc);
  const { placed, orphans, status } = useDocHighlights(ctx.doc.id);
  return (
    <div className="hl-panel">
      <ModeControls />
      <DocNote docId={ctx.doc.id} />
      <section aria-label="Highlights in this document">
        <h3 className="hl-panel-heading">
          Highlights{placed.length ? ` (${placed.length})` : ''}
        </h3>
        {placed.length === 0 && status !== 'loading' ? (
          <p className="hl-muted">Select words in the text, then pick a colour (or press {describeKeys('h')}).</p>
        ) : (
          <ul className="hl-list">
            {placed.map((h) => (
              <Item key={h.id} h={h} ctx={ctx} doc={doc} />
            ))}
          </ul>
        )}
      </section>
      {orphans.length ? (
        <section aria-label="Could not be placed" className="hl-orphans">
          <h3 className="hl-panel-heading">Could not be placed ({orphans.length})</h3>
          <p className="hl-muted">These words are no longer in this version of the document.</p>
          <ul className="hl-list">
            {orphans.map((h) => (
              <li key={h.id} className={`hl-item hl-item-${h.color} hl-item-orphan`} data-highlight-item={h.id}>
                <p className="hl-item-quote-static">“{excerpt(h.exact)}”</p>
                {h.note ? <NoteMarkdown source={h.note} className="hl-item-note" /> : null}
                <Button variant="ghost" size="sm" onClick={() => void deleteWithUndo(h)} aria-label={`Delete the unplaced highlight “${excerpt(h.exact, 40)}”`}>
                  Delete
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="hl-panel-foot">
        <Button variant="ghost" size="sm" onClick={() => navigate({ view: 'notes', params: { docId: ctx.doc.id } })}>
          All notes…
        </Button>
      </p>
    </div>
  );
}
