import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { AnswerCheck, CardView } from './types';

// The options of a choice card: radio buttons (who said it: one answer) or check boxes
// (which sources: all that apply). Keyboard: Tab into the group, arrows between radio
// buttons, Space ticks a box, Enter checks the choice. After the check each option shows
// whether it was right, in words as well as colour.

export function ChoiceOptions({
  card,
  chosen,
  onChange,
  onSubmit,
  check,
}: {
  card: CardView;
  chosen: string[];
  onChange: (next: string[]) => void;
  onSubmit: () => void;
  /** Set once checked: the options are then read-only and marked. */
  check: AnswerCheck | null;
}) {
  const name = useId();
  const firstRef = useRef<HTMLInputElement>(null);
  const all = card.choice === 'all';
  useEffect(() => {
    if (!check) firstRef.current?.focus();
  }, [card.id, check]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !check) {
      e.preventDefault();
      onSubmit();
    }
  };
  return (
    <fieldset className="study-choices" onKeyDown={onKeyDown}>
      <legend className="field-label">{all ? 'Choose all that apply, then press Enter' : 'Choose one, then press Enter'}</legend>
      {card.options.map((o, i) => {
        const picked = chosen.includes(o);
        const right = card.answers.includes(o);
        const mark = check ? (right ? (picked ? 'right' : 'missed') : picked ? 'wrong' : null) : null;
        return (
          <label key={o} className={`study-choice${mark ? ` study-choice-${mark}` : ''}`}>
            <input
              ref={i === 0 ? firstRef : undefined}
              type={all ? 'checkbox' : 'radio'}
              name={name}
              value={o}
              checked={picked}
              disabled={check !== null}
              onChange={(e) => onChange(all ? (e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o)) : [o])}
            />
            <span className="study-choice-text">{o}</span>
            {mark ? <span className="study-choice-mark">{mark === 'right' ? '✓ right' : mark === 'missed' ? '✓ also right' : '✗ not right'}</span> : null}
          </label>
        );
      })}
    </fieldset>
  );
}
