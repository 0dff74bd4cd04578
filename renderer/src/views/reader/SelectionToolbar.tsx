import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { registerShortcut, describeKeys } from '../../app/shortcuts';
import { toastError } from '../../components';
import { readerExtensions, type ReaderContext, type SelectionAction } from '../../reader/extensions';
import { toolbarPosition } from '../../reader/selection';

/** Buttons for the extensions' selection actions, floating above the selected text. */
export function SelectionToolbar({ ctx, container }: { ctx: ReaderContext; container: RefObject<HTMLElement | null> }) {
  const actions: SelectionAction[] = readerExtensions().flatMap((e) => e.selectionActions ?? []);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const range = ctx.selection;

  useLayoutEffect(() => {
    if (!range || !actions.length) {
      setPos(null);
      return;
    }
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !container.current) return;
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    setPos(toolbarPosition(rect));
  }, [range, actions.length, container]);

  const run = (a: SelectionAction) => {
    if (!range) return;
    Promise.resolve(a.run(ctx, range)).catch((e: unknown) => toastError(e));
  };

  // Shortcuts for the actions, live only while something is selected.
  useEffect(() => {
    if (!range) return;
    const offs = actions.filter((a) => a.shortcut).map((a) => registerShortcut({ keys: a.shortcut as string, description: a.label, run: () => run(a) }));
    return () => offs.forEach((off) => off());
  });

  if (!range || !pos || !actions.length) return null;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={{ top: pos.top, left: pos.left }}>
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          className="btn btn-sm btn-secondary"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => run(a)}
          title={a.shortcut ? `${a.label} (${describeKeys(a.shortcut)})` : a.label}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
