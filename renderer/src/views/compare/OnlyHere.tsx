import { useState } from 'react';
import type { DocDetail } from '@contract';
import { navigate } from '../../app/navigation';
import { Button } from '../../components';
import { highlightActions, useDocHighlights, type HighlightView } from '../../features/highlights';
import { lastColor } from '../../features/highlights/store';
import { FromHighlightDialog } from '../study/FromHighlight';
import type { Alignment } from './alignment';

// "Only here": the sentences of a column that no other column carries, as a list a person
// can act on: go to the sentence in the column, read it in the reader, highlight it, or turn
// it into a card (through the study view's card-from-highlight dialog).

export interface OnlySentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

export function onlyHereSentences(al: Alignment, col: number, doc: DocDetail): OnlySentence[] {
  const linked = al.groupOf[col] ?? new Map<number, string>();
  return doc.sentences
    .filter((s) => !linked.has(s.index) && doc.text.slice(s.start, s.end).trim().length > 0)
    .map((s) => ({ index: s.index, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end).trim() }));
}

/** A highlight already covering the sentence, so a card or a second click reuses it. */
const covering = (placed: readonly HighlightView[], s: OnlySentence) => placed.find((h) => h.start <= s.start && h.end >= s.end);

export function OnlyHereList(props: { id: string; doc: DocDetail; sentences: OnlySentence[]; onJump: (sentenceIndex: number) => void; onClose: () => void }) {
  const { id, doc, sentences, onJump, onClose } = props;
  const { placed } = useDocHighlights(doc.id);
  const [cardFor, setCardFor] = useState<string | null>(null);
  const name = doc.outlet ?? doc.title;

  const highlight = async (s: OnlySentence): Promise<HighlightView | null> =>
    covering(placed, s) ?? (await highlightActions.createHighlight({ id: doc.id }, { start: s.start, end: s.end }, lastColor()));

  const makeCard = async (s: OnlySentence) => {
    const h = await highlight(s);
    if (h) setCardFor(h.id);
  };

  return (
    <div id={id} className="cmp-only-list" role="region" aria-label={`Only in ${name}`}>
      <div className="cmp-only-list-head">
        <p className="cmp-only-list-title">
          {sentences.length} sentence{sentences.length === 1 ? '' : 's'} only in {name}
        </p>
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      <ol className="cmp-only-items">
        {sentences.map((s) => {
          const done = covering(placed, s);
          return (
            <li key={s.index} className="cmp-only-item">
              <button type="button" className="cmp-only-jump" title="Show it in the column" onClick={() => onJump(s.index)}>
                {s.text}
              </button>
              <span className="cmp-only-actions">
                <Button size="sm" variant="ghost" onClick={() => navigate({ view: 'reader', docId: doc.id, offset: s.start, end: s.end, flash: true })}>
                  Read in context
                </Button>
                <Button size="sm" variant="ghost" disabled={Boolean(done)} onClick={() => void highlight(s)}>
                  {done ? 'Highlighted' : 'Highlight'}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => void makeCard(s)}>
                  Make a card
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      {cardFor ? <FromHighlightDialog open highlightId={cardFor} onClose={() => setCardFor(null)} /> : null}
    </div>
  );
}
