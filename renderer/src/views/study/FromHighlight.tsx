import { useMemo, useState } from 'react';
import { api, notifyChanged, useResult } from '../../api';
import { Button, Dialog, toast, toastError } from '../../components';
import { PromptText } from './CardText';
import { BLANK, CARDS_TOPIC } from './types';

// A card from one of your highlights: pick the highlight, then the words to hide (click the
// first and the last word; everything between is hidden). Keyboard: Tab to a word, Space.
// The blank is always whole words (the core snaps it too). Opened from the Cards tab or from
// the highlight's own popover (fromHighlightHost.tsx). The dialog fits a small window: its
// body scrolls and the buttons stay in view.

interface Word {
  start: number;
  end: number;
  text: string;
}

/** The words of a highlight with their document offsets (punctuation around them left out; a
 * hyphenated compound, an abbreviation or a possessive stays one word). */
function words(exact: string, offset: number): Word[] {
  return [...exact.matchAll(/\S+/g)].map((m) => {
    const lead = /^[“"‘'(]+/u.exec(m[0])?.[0].length ?? 0;
    const core = m[0].slice(lead).replace(/[.,;:!?”"’)]+$/u, '') || m[0].slice(lead) || m[0];
    const start = offset + m.index + (core === m[0] ? 0 : lead);
    return { start, end: start + core.length, text: m[0] };
  }).filter((w) => /[\p{L}\p{N}]/u.test(w.text));
}

export function FromHighlightDialog({ open, onClose, highlightId }: { open: boolean; onClose: () => void; /** Start on this highlight. */ highlightId?: string }) {
  const highlights = useResult(() => (open ? api['highlights.list']({}) : Promise.resolve({ ok: true as const, value: [] })), [open], { refreshOn: ['highlights'] });
  const placed = useMemo(() => (highlights.value ?? []).filter((h) => !h.orphan), [highlights.value]);
  const [id, setId] = useState(highlightId ?? '');
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const h = placed.find((x) => x.id === id) ?? placed[0];
  const ws = useMemo(() => (h ? words(h.exact, h.start) : []), [h]);
  const lo = from === null ? null : to === null ? from : Math.min(from, to);
  const hi = from === null ? null : to === null ? from : Math.max(from, to);

  const pick = (i: number) => {
    if (from === null || to !== null) {
      setFrom(i);
      setTo(null);
    } else setTo(i);
  };
  const reset = () => {
    setFrom(null);
    setTo(null);
  };

  const preview = h && lo !== null && hi !== null ? `${h.exact.slice(0, ws[lo].start - h.start)}${BLANK}${h.exact.slice(ws[hi].end - h.start)}` : null;

  const create = async () => {
    if (!h || lo === null || hi === null) return;
    const res = await api['cards.fromHighlight']({ highlightId: h.id, start: ws[lo].start, end: ws[hi].end });
    if (!res.ok) {
      toastError(res.error);
      return;
    }
    notifyChanged(CARDS_TOPIC);
    toast({ kind: 'success', message: `Card made: “${res.value.answer}” is hidden.` });
    reset();
    onClose();
  };

  return (
    <Dialog
      open={open}
      title="New card from a highlight"
      onClose={onClose}
      className="dialog-wide study-fromhl"
      actions={
        <>
          <Button variant="primary" disabled={lo === null} onClick={() => void create()}>
            Make the card
          </Button>
          <Button onClick={onClose}>Cancel</Button>
        </>
      }
    >
      {!placed.length ? (
        <p>You have no highlights yet. Highlight a passage in the reader, then come back to turn it into a card.</p>
      ) : (
        <>
          <label className="field">
            <span className="field-label">Highlight</span>
            <select
              value={h?.id ?? ''}
              onChange={(e) => {
                setId(e.target.value);
                reset();
              }}
            >
              {placed.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.exact.length > 80 ? `${x.exact.slice(0, 79)}…` : x.exact}
                </option>
              ))}
            </select>
          </label>
          <p id="study-hide-help">Choose the words to hide: the first word, then the last one.</p>
          {preview ? (
            <p className="study-fromhl-preview" aria-live="polite">
              <span className="field-label">The card will ask: </span>
              <PromptText text={preview} />
            </p>
          ) : null}
          <div className="study-words" role="group" aria-describedby="study-hide-help" aria-label="Words of the highlight">
            {ws.map((w, i) => (
              <button key={`${w.start}`} type="button" className="study-word" aria-pressed={lo !== null && hi !== null && i >= lo && i <= hi} onClick={() => pick(i)}>
                {w.text}
              </button>
            ))}
          </div>

        </>
      )}
    </Dialog>
  );
}
