import { Button } from '../../components';

// Above the columns: previous / next linked statement with the count, and the key to the marks.

export function StatementStepper({ total, index, onStep }: { total: number; index: number; onStep: (dir: 1 | -1) => void }) {
  return (
    <div className="cmp-stepper" role="group" aria-label="Linked statements">
      <Button size="sm" variant="ghost" onClick={() => onStep(-1)} disabled={!total} aria-keyshortcuts="k Alt+ArrowUp">
        ↑ Previous
      </Button>
      <span className="cmp-stepper-count">{total ? `${index ? `${index} of ` : ''}${total} linked statement${total === 1 ? '' : 's'}` : 'No linked statements'}</span>
      <Button size="sm" variant="ghost" onClick={() => onStep(1)} disabled={!total} aria-keyshortcuts="j Alt+ArrowDown">
        Next ↓
      </Button>
      <span className="cmp-stepper-hint">
        <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>←</kbd>/<kbd>→</kbd> partner in the other column
      </span>
    </div>
  );
}

/** The key to the marks: lines under the text, never fills, so none reads as a highlight. */
export function CompareLegend({ showDiff, hasEquivalent }: { showDiff: boolean; hasEquivalent: boolean }) {
  return (
    <p className="cmp-legend">
      <span>
        <span className="cmp-linked cmp-same cmp-legend-swatch">solid line</span>: said in the same words elsewhere
      </span>
      <span>
        <span className="cmp-linked cmp-variant cmp-legend-swatch">dashed line</span>: said in other words
      </span>
      <span>
        <span className="cmp-only cmp-legend-swatch">no line</span>: only in this source
      </span>
      {showDiff ? (
        <>
          <span>
            <span className="cmp-diff">wavy</span>: worded differently (bold: numbers and names)
          </span>
          {hasEquivalent ? (
            <span>
              <span className="cmp-equivalent">dotted</span>: other word, same meaning
            </span>
          ) : null}
        </>
      ) : null}
    </p>
  );
}
