import { useMemo, useState } from 'react';
import type { DocSummary } from '@contract';
import { api, notifyChanged, useResult } from '../../api';
import { Button, EmptyState, ErrorMessage, toast, toastError } from '../../components';
import { formatDate, plural } from '../../lib/format';
import { PromptText } from './CardText';
import { FromHighlightDialog } from './FromHighlight';
import { CARDS_TOPIC, KIND_LABEL, STATE_LABEL, type CardKind, type CardView } from './types';
import { downloadText } from '../../lib/download';

// Every card: filter, edit, suspend, delete (with undo), revert; regenerate; export.

type StateFilter = '' | 'new' | 'learning' | 'review' | 'relearning' | 'suspended' | 'deleted' | 'due';


async function exportDeck(format: 'anki' | 'json'): Promise<void> {
  const res = await api['cards.export']({ format });
  if (!res.ok) {
    toastError(res.error);
    return;
  }
  for (const f of res.value.files) downloadText(f.name, f.content, format === 'json' ? 'application/json' : 'text/plain');
  const total = res.value.files.reduce((n, f) => n + f.count, 0);
  toast({
    kind: 'success',
    message:
      format === 'anki'
        ? `Exported ${plural(total, 'card')} for Anki as ${res.value.files.map((f) => f.name).join(' and ')} (import each file in Anki with File › Import).`
        : `Exported ${plural(total, 'card')} as ${res.value.files[0]?.name ?? 'JSON'}.`,
  });
}

function CardEditor({ card, onDone }: { card: CardView; onDone: () => void }) {
  const [prompt, setPrompt] = useState(card.prompt);
  const [answer, setAnswer] = useState(card.answer);
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="study-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        const res = await api['cards.update']({ id: card.id, prompt, answer });
        setSaving(false);
        if (!res.ok) {
          toastError(res.error);
          return;
        }
        notifyChanged(CARDS_TOPIC);
        toast({ kind: 'success', message: 'Card saved. Your version is kept when the deck is rebuilt.' });
        onDone();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      <label className="field">
        <span className="field-label">Prompt (use [...] for the blank)</span>
        <textarea value={prompt} onChange={(e) => setPrompt(e.target.value)} rows={3} required autoFocus />
      </label>
      <label className="field">
        <span className="field-label">Answer</span>
        <input type="text" value={answer} onChange={(e) => setAnswer(e.target.value)} required />
      </label>
      <div className="toolbar">
        <Button type="submit" variant="primary" disabled={saving}>
          Save
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

/** Where a card stands in its sibling group (cards sharing a sentence, statement or highlight). */
interface SiblingPlace {
  index: number;
  size: number;
}

/**
 * Sibling groups of a list in which the core put siblings next to each other: a card joins the
 * group before it when it shares a key with any card of that group.
 */
function siblingPlaces(cards: readonly CardView[]): Map<string, SiblingPlace> {
  const out = new Map<string, SiblingPlace>();
  let group: CardView[] = [];
  let keys = new Set<string>();
  const close = () => {
    if (group.length > 1) group.forEach((c, i) => out.set(c.id, { index: i, size: group.length }));
  };
  for (const c of cards) {
    if (group.length && c.siblingKeys.some((k) => keys.has(k))) {
      group.push(c);
    } else {
      close();
      group = [c];
      keys = new Set();
    }
    for (const k of c.siblingKeys) keys.add(k);
  }
  close();
  return out;
}

function CardRow({ card, docTitles, sibling }: { card: CardView; docTitles: Map<string, string>; sibling?: SiblingPlace }) {
  const [editing, setEditing] = useState(false);
  const short = card.answer.length > 40 ? `${card.answer.slice(0, 39)}…` : card.answer;
  const act = async (fn: () => ReturnType<(typeof api)['cards.update']>, message: string, undo?: () => ReturnType<(typeof api)['cards.update']>) => {
    const res = await fn();
    if (!res.ok) {
      toastError(res.error);
      return;
    }
    notifyChanged(CARDS_TOPIC);
    toast({
      kind: 'success',
      message,
      ...(undo
        ? {
            action: {
              label: 'Undo',
              run: async () => {
                const back = await undo();
                if (back.ok) notifyChanged(CARDS_TOPIC);
                else toastError(back.error);
              },
            },
          }
        : {}),
    });
  };
  return (
    <li
      className={`study-row${card.suspended ? ' study-row-suspended' : ''}${sibling ? ` study-row-sibling${sibling.index === 0 ? ' study-row-sibling-first' : ''}${sibling.index === sibling.size - 1 ? ' study-row-sibling-last' : ''}` : ''}`}
      data-card-id={card.id}
    >
      <div className="study-row-meta">
        {sibling ? (
          <span className="study-sibling-mark" title="Cards from the same sentence, statement or highlight: a review session shows only one of them a day">
            Sibling {sibling.index + 1} of {sibling.size}
          </span>
        ) : null}
        <span className="tag">{KIND_LABEL[card.kind]}</span>
        <span>{card.suspended ? 'Suspended' : STATE_LABEL[card.state]}</span>
        {card.due && card.state !== 'new' ? <span>due {formatDate(card.due)}</span> : null}
        {card.edited ? <span>edited</span> : null}
        {card.orphaned ? <span title="Its source passage changed; kept because you worked on it">source changed</span> : null}
        <span className="study-row-docs">{[...new Set(card.docIds.map((d) => docTitles.get(d) ?? d))].join(' · ')}</span>
      </div>
      {editing ? (
        <CardEditor card={card} onDone={() => setEditing(false)} />
      ) : (
        <>
          <p className="study-row-prompt">
            <PromptText text={card.prompt} />
          </p>
          {card.options.length ? (
            <p className="study-row-options">
              <span className="visually-hidden">Options: </span>
              {card.options.map((o, i) => (
                <span key={o}>
                  {i > 0 ? ' · ' : ''}
                  {card.answers.includes(o) ? <strong>{o}</strong> : o}
                </span>
              ))}
            </p>
          ) : null}
          <p className="study-row-answer">
            <span className="visually-hidden">Answer: </span>
            {card.answer}
          </p>
          {card.reasons.length ? <p className="study-row-reasons">{card.reasons.slice(0, 3).join(' · ')}</p> : null}
        </>
      )}
      {!editing ? (
        <div className="study-row-actions">
          {card.deleted ? (
            <Button size="sm" variant="ghost" onClick={() => void act(() => api['cards.restore']({ id: card.id }), 'Card restored.')} aria-label={`Restore the card “${short}”`}>
              Restore
            </Button>
          ) : (
            <>
              <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit the card “${short}”`}>
                Edit
              </Button>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => void act(() => api['cards.update']({ id: card.id, suspended: !card.suspended }), card.suspended ? 'Card back in the deck.' : 'Card suspended: it will not come up until you unsuspend it.')}
                aria-label={`${card.suspended ? 'Unsuspend' : 'Suspend'} the card “${short}”`}
              >
                {card.suspended ? 'Unsuspend' : 'Suspend'}
              </Button>
              {card.edited && card.origin === 'generated' ? (
                <Button size="sm" variant="ghost" onClick={() => void act(() => api['cards.revert']({ id: card.id }), 'Card put back as it was generated.')} aria-label={`Revert edits of the card “${short}”`}>
                  Revert edits
                </Button>
              ) : null}
              <Button
                size="sm"
                variant="ghost"
                onClick={() => void act(() => api['cards.delete']({ id: card.id }), 'Card deleted. It will not come back when the deck is rebuilt.', () => api['cards.restore']({ id: card.id }))}
                aria-label={`Delete the card “${short}”`}
              >
                Delete
              </Button>
            </>
          )}
        </div>
      ) : null}
    </li>
  );
}

export function CardList({ docs }: { docs: DocSummary[] }) {
  const [docId, setDocId] = useState('');
  const [state, setState] = useState<StateFilter>('');
  const [kind, setKind] = useState<'' | CardKind>('');
  const [text, setText] = useState('');
  const [fromHighlight, setFromHighlight] = useState(false);
  const cards = useResult(
    () => api['cards.list']({ ...(docId ? { docId } : {}), ...(state ? { state } : {}), ...(kind ? { kind } : {}) }),
    [docId, state, kind],
    { refreshOn: [CARDS_TOPIC, 'docs', 'highlights'] },
  );
  const docTitles = useMemo(() => new Map(docs.map((d) => [d.id, d.outlet ?? d.title])), [docs]);
  const shown = useMemo(() => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const list = cards.value ?? [];
    return words.length ? list.filter((c) => words.every((w) => `${c.prompt} ${c.answer}`.toLowerCase().includes(w))) : list;
  }, [cards.value, text]);
  const siblings = useMemo(() => siblingPlaces(shown), [shown]);

  return (
    <div className="study-cards">
      <div className="library-controls" role="search" aria-label="Filter cards">
        <label className="field">
          <span className="field-label">Document</span>
          <select value={docId} onChange={(e) => setDocId(e.target.value)}>
            <option value="">All documents</option>
            {docs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title.length > 60 ? `${d.title.slice(0, 59)}…` : d.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">State</span>
          <select value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
            <option value="">All (not deleted)</option>
            <option value="due">Due now</option>
            <option value="new">New</option>
            <option value="learning">Learning</option>
            <option value="review">Review</option>
            <option value="relearning">Relearning</option>
            <option value="suspended">Suspended</option>
            <option value="deleted">Deleted</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as '' | CardKind)}>
            <option value="">All kinds</option>
            {(Object.keys(KIND_LABEL) as CardKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Text</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Words in a prompt or answer" />
        </label>
        <p className="library-count" aria-live="polite">
          {cards.value ? plural(shown.length, 'card') : '\u00a0'}
        </p>
      </div>
      <div className="toolbar study-cards-toolbar">
        <Button onClick={() => setFromHighlight(true)}>New card from a highlight…</Button>
        <Button
          onClick={async () => {
            const res = await api['cards.generate']({});
            if (!res.ok) return toastError(res.error);
            notifyChanged(CARDS_TOPIC);
            const s = res.value;
            toast({ kind: 'success', message: `Deck rebuilt: ${s.added} new, ${s.updated} kept up to date, ${s.removed} removed, ${s.kept} of yours kept.` });
          }}
        >
          Rebuild deck
        </Button>
        <Button onClick={() => void exportDeck('anki')}>Export for Anki</Button>
        <Button onClick={() => void exportDeck('json')}>Export JSON</Button>
      </div>
      {cards.error && !cards.value ? (
        <ErrorMessage error={cards.error} title="The cards could not be loaded" retry={cards.reload} />
      ) : !cards.value ? (
        <p className="view-loading" role="status">
          Loading cards…
        </p>
      ) : shown.length === 0 ? (
        <EmptyState title="No cards match" body="Change the filters above, or rebuild the deck from the library." />
      ) : (
        <ul className="study-list" aria-label="Cards">
          {shown.map((c) => (
            <CardRow key={c.id} card={c} docTitles={docTitles} sibling={siblings.get(c.id)} />
          ))}
        </ul>
      )}
      <FromHighlightDialog open={fromHighlight} onClose={() => setFromHighlight(false)} />
    </div>
  );
}
