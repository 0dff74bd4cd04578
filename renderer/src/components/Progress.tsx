export interface ProgressProps {
  /** 0..1, or undefined when the amount is unknown. */
  value?: number;
  label: string;
  /** Show the label text next to the bar (it is always available to screen readers). */
  showLabel?: boolean;
}

export function Progress({ value, label, showLabel = false }: ProgressProps) {
  const pct = value === undefined ? undefined : Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="progress">
      <div
        className={`progress-track${pct === undefined ? ' progress-indeterminate' : ''}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="progress-bar" style={pct === undefined ? undefined : { width: `${pct}%` }} />
      </div>
      {showLabel ? <span className="progress-label">{label}</span> : null}
    </div>
  );
}
