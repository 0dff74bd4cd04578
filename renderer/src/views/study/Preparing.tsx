import { plural } from '../../lib/format';
import { usePreparation } from './preparing';

/** "Preparing cards: n of m documents" with a progress bar, while the background works. */
export function PreparingCards({ compact = false }: { compact?: boolean }) {
  const s = usePreparation();
  if (s.state !== 'preparing') {
    return s.error ? (
      <p className="study-preparing study-preparing-error" role="status">
        {s.error}
      </p>
    ) : null;
  }
  const total = Math.max(s.total, s.done);
  const text = total ? `Preparing cards: ${s.done} of ${plural(total, 'document')}` : 'Preparing cards…';
  return (
    <div className={`study-preparing${compact ? ' study-preparing-compact' : ''}`} role="status" aria-live="polite">
      <span className="study-preparing-text">{text}</span>
      <progress className="study-preparing-bar" max={total || 1} value={total ? s.done : undefined} aria-label="Cards prepared" />
      {!compact ? <span className="study-preparing-note">You can review the cards that are ready meanwhile.</span> : null}
    </div>
  );
}
