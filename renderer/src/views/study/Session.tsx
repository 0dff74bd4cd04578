import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '@contract';
import { api, notifyChanged, onChanged, useResult } from '../../api';
import { navigate, routeToHash } from '../../app/navigation';
import { useShortcut } from '../../app/shortcuts';
import { Button, EmptyState, ErrorMessage, toast, toastError } from '../../components';
import { plural } from '../../lib/format';
import { PassageWithAnswer, PromptText } from './CardText';
import { ChoiceOptions } from './Choice';
import { PreparingCards } from './Preparing';
import { usePreparation } from './preparing';
import { CARDS_TOPIC, KIND_LABEL, RATING_LABEL, type AnswerCheck, type CardView, type IntervalPreview, type QueueItem, type Rating } from './types';

// A focused review session: due cards, then new ones. The prompt; Space (or the button)
// shows the answer, or type it and press Enter to have it checked; then grade with 1-4.
// U or Ctrl+Z takes the last grade back. A summary when nothing is left.

interface Tally {
  reviewed: number;
  byRating: Record<Rating, number>;
  typedRight: number;
  typedWrong: number;
  startedAt: number;
}

const RATINGS: readonly Rating[] = [1, 2, 3, 4];

const emptyTally = (): Tally => ({ reviewed: 0, byRating: { 1: 0, 2: 0, 3: 0, 4: 0 }, typedRight: 0, typedWrong: 0, startedAt: Date.now() });

interface Done {
  cardId: string;
  rating: Rating;
  typed: boolean;
  correct: boolean | null;
}

export function Session({ docId, onOpenCards }: { docId?: string; onOpenCards: () => void }) {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [counts, setCounts] = useState<{ due: number; learning: number; fresh: number }>({ due: 0, learning: 0, fresh: 0 });
  const [error, setError] = useState<ApiError | null>(null);
  const [current, setCurrent] = useState<CardView | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [check, setCheck] = useState<AnswerCheck | null>(null);
  const [previews, setPreviews] = useState<IntervalPreview[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [tally, setTally] = useState<Tally>(emptyTally);
  const [history, setHistory] = useState<Done[]>([]);
  const cardRef = useRef<HTMLElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  const show = useCallback((card: CardView | null) => {
    setCurrent(card);
    setRevealed(false);
    setTyped('');
    setChosen([]);
    setCheck(null);
    setPreviews(null);
  }, []);

  /** Load the queue and show its first card (not the one just graded, if others wait). */
  const load = useCallback(
    async (avoid?: string) => {
      const res = await api['study.queue']({ limit: 200, ...(docId ? { docId } : {}) });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setError(null);
      const q = res.value;
      setItems(q.items);
      setCounts({ due: q.dueCount, learning: q.learningCount, fresh: q.newCount });
      const next = q.items.find((i) => i.card.id !== avoid) ?? q.items[0] ?? null;
      show(next?.card ?? null);
    },
    [docId, show],
  );

  useEffect(() => {
    setTally(emptyTally());
    setHistory([]);
    void load();
  }, [load]);

  // Cards prepared in the background arrive while nothing is shown: take them up. (A card being
  // reviewed is never swapped from under the reader.)
  const idle = current === null;
  useEffect(() => {
    if (!idle) return;
    return onChanged((topic) => {
      if (topic === CARDS_TOPIC) void load();
    });
  }, [idle, load]);

  // The buttons show when each grade would bring the card back.
  useEffect(() => {
    if (!current) return;
    let stale = false;
    void api['study.preview']({ cardId: current.id }).then((res) => {
      if (!stale && res.ok) setPreviews(res.value);
    });
    return () => {
      stale = true;
    };
  }, [current]);

  // A new card takes the focus, so Space and the digits work at once.
  useEffect(() => {
    // Choice cards put the focus on their first option instead (see Choice.tsx).
    if (current && !revealed && !current.choice) cardRef.current?.focus();
  }, [current, revealed]);
  useEffect(() => {
    if (revealed) answerRef.current?.focus();
  }, [revealed]);

  const reveal = useCallback(async () => {
    if (!current || revealed) return;
    if (current.choice && chosen.length) {
      const res = await api['study.check']({ cardId: current.id, chosen });
      if (res.ok) setCheck(res.value);
    } else if (!current.choice && typed.trim()) {
      const res = await api['study.check']({ cardId: current.id, typed });
      if (res.ok) setCheck(res.value);
    }
    setRevealed(true);
  }, [chosen, current, revealed, typed]);

  const grade = useCallback(
    async (rating: Rating) => {
      if (!current || !revealed || busy) return;
      setBusy(true);
      const answered = current.choice ? (chosen.length ? { chosen } : {}) : typed.trim() ? { typed } : {};
      const res = await api['study.grade']({ cardId: current.id, rating, ...answered });
      setBusy(false);
      if (!res.ok) {
        toastError(res.error);
        return;
      }
      const correct = res.value.check ? res.value.check.correct : null;
      setHistory((h) => [...h, { cardId: current.id, rating, typed: correct !== null, correct }]);
      setTally((t) => ({
        ...t,
        reviewed: t.reviewed + 1,
        byRating: { ...t.byRating, [rating]: t.byRating[rating] + 1 },
        typedRight: t.typedRight + (correct === true ? 1 : 0),
        typedWrong: t.typedWrong + (correct === false ? 1 : 0),
      }));
      notifyChanged(CARDS_TOPIC);
      await load(current.id);
    },
    [busy, chosen, current, load, revealed, typed],
  );

  const undo = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    const res = await api['study.undo']({});
    setBusy(false);
    if (!res.ok) {
      toastError(res.error);
      return;
    }
    if (!res.value) {
      toast({ kind: 'info', message: 'There is no grade to undo.' });
      return;
    }
    const back = res.value.card;
    const last = history.at(-1);
    if (last && last.cardId === back.id) {
      setHistory((h) => h.slice(0, -1));
      setTally((t) => ({
        ...t,
        reviewed: Math.max(0, t.reviewed - 1),
        byRating: { ...t.byRating, [last.rating]: Math.max(0, t.byRating[last.rating] - 1) },
        typedRight: t.typedRight - (last.correct === true ? 1 : 0),
        typedWrong: t.typedWrong - (last.correct === false ? 1 : 0),
      }));
    }
    notifyChanged(CARDS_TOPIC);
    await load();
    show(back);
    toast({ kind: 'info', message: 'The last grade was taken back. The card is shown again.' });
  }, [busy, history, load, show]);

  // Choice cards: Space ticks an option and Enter checks, so neither Space nor T is taken.
  const recall = Boolean(current) && !revealed && !current?.choice;
  useShortcut(' ', () => void reveal(), { description: 'Show the answer', enabled: recall });
  useShortcut('t', () => inputRef.current?.focus(), { description: 'Type the answer', enabled: recall });
  useShortcut('1', () => void grade(1), { description: 'Grade: Again', enabled: revealed });
  useShortcut('2', () => void grade(2), { description: 'Grade: Hard', enabled: revealed });
  useShortcut('3', () => void grade(3), { description: 'Grade: Good', enabled: revealed });
  useShortcut('4', () => void grade(4), { description: 'Grade: Easy', enabled: revealed });
  useShortcut('u', () => void undo(), { description: 'Undo the last grade' });
  useShortcut('mod+z', () => void undo(), { description: 'Undo the last grade' });

  if (error && !items) return <ErrorMessage error={error} title="The study queue could not be loaded" retry={() => void load()} />;
  if (!items) {
    return (
      <p className="view-loading" role="status">
        Preparing your cards…
      </p>
    );
  }

  if (!current) {
    return <Summary tally={tally} canUndo={history.length > 0} onUndo={() => void undo()} onOpenCards={onOpenCards} anyCards={tally.reviewed > 0} />;
  }

  const left = counts.due + counts.learning + counts.fresh;
  const primary = current.sources[0];
  const suggested = check ? check.suggestedRating : null;

  return (
    <div className="study-session">
      <p className="study-progress" aria-live="polite">
        <span>{plural(tally.reviewed, 'card')} done</span>
        <span aria-hidden="true"> · </span>
        <span>{left ? `${counts.due + counts.learning} due, ${counts.fresh} new left` : 'this is the last card'}</span>
      </p>

      <article className="study-card" ref={cardRef} tabIndex={-1} aria-labelledby={`${ids}-kind ${ids}-prompt`} data-card-id={current.id}>
        <p className="study-kind" id={`${ids}-kind`}>
          {KIND_LABEL[current.kind]}
          {current.state !== 'new' ? <span className="study-state"> · {current.state === 'review' ? 'review' : 'learning'}</span> : <span className="study-state"> · new</span>}
        </p>
        <p className="study-prompt" id={`${ids}-prompt`}>
          <PromptText text={current.prompt} />
        </p>

        {current.choice ? (
          <form
            className="study-answer-form study-choice-form"
            onSubmit={(e) => {
              e.preventDefault();
              void reveal();
            }}
          >
            <ChoiceOptions card={current} chosen={chosen} onChange={setChosen} onSubmit={() => void reveal()} check={revealed ? check : null} />
            {!revealed ? (
              <Button type="submit" variant="primary">
                {chosen.length ? 'Check' : 'Show answer'} <kbd>Enter</kbd>
              </Button>
            ) : null}
          </form>
        ) : null}
        {!revealed && current.choice ? null : !revealed ? (
          <form
            className="study-answer-form"
            onSubmit={(e) => {
              e.preventDefault();
              void reveal();
            }}
          >
            <label className="field study-typed">
              <span className="field-label">Your answer (optional; press T to type, Enter to check)</span>
              <input ref={inputRef} type="text" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
            </label>
            <Button type="submit" variant="primary">
              Show answer <kbd>Space</kbd>
            </Button>
          </form>
        ) : (
          <div className="study-revealed" ref={answerRef} tabIndex={-1} aria-labelledby={`${ids}-answer-label`}>
            <p className="study-answer">
              <span className="study-answer-label" id={`${ids}-answer-label`}>
                Answer
              </span>{' '}
              <strong>{current.choice ? current.answers.join('; ') : current.answer}</strong>
            </p>
            {check ? (
              <p className={`study-verdict ${check.correct ? 'study-verdict-right' : 'study-verdict-wrong'}`} role="status">
                {check.correct
                  ? check.close
                    ? 'Nearly: counted as right.'
                    : 'Right.'
                  : current.choice
                    ? 'Not quite (the options above are marked).'
                    : `Not quite: you wrote “${check.typed}”.`}
                {check.note && !current.choice ? ` ${check.note}` : ''}
              </p>
            ) : null}
            <figure className="study-source">
              <blockquote className="study-passage">
                <PassageWithAnswer passage={current.passage} answer={current.kind === 'cloze' || current.kind === 'highlight' ? current.answer : ''} />
              </blockquote>
              <figcaption className="study-source-caption">
                {current.sources.length > 1 ? `From ${current.sources.length} passages: ` : 'From '}
                {[...new Map(current.sources.map((s) => [s.docId, s])).values()].map((s, i) => (
                  <span key={s.docId}>
                    {i > 0 ? '; ' : ''}
                    <a
                      href={routeToHash({ view: 'reader', docId: s.docId, offset: s.start, end: s.end, flash: true })}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({ view: 'reader', docId: s.docId, offset: s.start, end: s.end, flash: true });
                      }}
                    >
                      {s.label}
                    </a>
                  </span>
                ))}
                {primary ? <span className="visually-hidden"> (opens the passage in the reader)</span> : null}
              </figcaption>
            </figure>
            <div className="study-grades" role="group" aria-label="How well did you know it?">
              {RATINGS.map((r) => {
                const p = previews?.find((x) => x.rating === r);
                return (
                  <Button
                    key={r}
                    variant={suggested === r ? 'primary' : 'secondary'}
                    className={`study-grade study-grade-${r}`}
                    disabled={busy}
                    onClick={() => void grade(r)}
                    aria-keyshortcuts={String(r)}
                  >
                    <span className="study-grade-name">
                      <kbd>{r}</kbd> {RATING_LABEL[r]}
                    </span>
                    <span className="study-grade-interval">
                      <span className="visually-hidden">next in </span>
                      {p ? p.text : '…'}
                    </span>
                  </Button>
                );
              })}
            </div>
          </div>
        )}
      </article>
      <p className="study-hints">
        {current.choice ? (
          <>
            <kbd>Tab</kbd> / arrows choose · <kbd>Enter</kbd> check
          </>
        ) : (
          <>
            <kbd>Space</kbd> show answer · <kbd>T</kbd> type it
          </>
        )}{' '}
        · <kbd>1</kbd>–<kbd>4</kbd> grade · <kbd>U</kbd> undo
        {history.length ? (
          <>
            {' '}
            ·{' '}
            <button type="button" className="study-linkbutton" onClick={() => void undo()}>
              Undo last grade
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}

/** No card waiting: either the deck is empty (nothing in the library yet) or today's work is done. */
function NothingToStudy({ onOpenCards }: { onOpenCards: () => void }) {
  const total = useResult(() => api['study.stats']({}), [], { refreshOn: [CARDS_TOPIC, 'docs'] });
  const preparing = usePreparation();
  if (preparing.state === 'preparing') {
    return (
      <EmptyState
        title="Your cards are being prepared"
        body="Parallax is making flashcards from the documents you added. They appear here as soon as they are ready; the library and the reader work meanwhile."
        action={<PreparingCards compact />}
      />
    );
  }
  if (total.status === 'ok' && total.value.cardsByState.total === 0) {
    return (
      <EmptyState
        title="No flashcards yet"
        body="Parallax makes flashcards from the key passages of the reports in your library. Import a report (or open the library to see what is there), then come back here."
        action={
          <Button variant="primary" onClick={() => navigate({ view: 'library' })}>
            Go to the library
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      title="Nothing to study right now"
      body="Every due card is done and today’s new cards are used up. Come back later, raise the number of new cards per day in Statistics & settings, or look through the cards."
      action={<Button onClick={onOpenCards}>Look through the cards</Button>}
    />
  );
}

function Summary({ tally, canUndo, onUndo, onOpenCards, anyCards }: { tally: Tally; canUndo: boolean; onUndo: () => void; onOpenCards: () => void; anyCards: boolean }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  if (!anyCards) return <NothingToStudy onOpenCards={onOpenCards} />;
  const minutes = Math.max(1, Math.round((Date.now() - tally.startedAt) / 60000));
  const recalled = tally.reviewed - tally.byRating[1];
  return (
    <section className="study-summary" aria-labelledby="study-summary-title">
      <h2 id="study-summary-title" ref={headingRef} tabIndex={-1}>
        Session done
      </h2>
      <p>
        You reviewed {plural(tally.reviewed, 'card')} in about {plural(minutes, 'minute')}; you knew {recalled} of them
        {tally.reviewed ? ` (${Math.round((recalled / tally.reviewed) * 100)}%)` : ''}.
      </p>
      <dl className="study-summary-grid">
        {RATINGS.map((r) => (
          <div key={r}>
            <dt>{RATING_LABEL[r]}</dt>
            <dd>{tally.byRating[r]}</dd>
          </div>
        ))}
        {tally.typedRight + tally.typedWrong ? (
          <div>
            <dt>Typed right</dt>
            <dd>
              {tally.typedRight} of {tally.typedRight + tally.typedWrong}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="toolbar">
        {canUndo ? <Button onClick={onUndo}>Undo last grade</Button> : null}
        <Button onClick={onOpenCards}>Look through the cards</Button>
      </div>
    </section>
  );
}
