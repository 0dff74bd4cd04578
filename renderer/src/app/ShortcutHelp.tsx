import { useEffect, useId, useSyncExternalStore } from 'react';
import { Dialog } from '../components/Dialog';
import { Button } from '../components/Button';
import { describeKeys, listShortcuts } from './shortcuts';
import { CATALOGUED_KEYS, SHORTCUT_GROUPS, type ShortcutGroup } from './shortcutCatalogue';

let open = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function openShortcutHelp(): void {
  open = true;
  emit();
}

function close(): void {
  open = false;
  emit();
}

interface Row {
  keys: string;
  description: string;
  /** Shown instead of the keys (for a merged row). */
  label?: string;
}

// Runs of related global keys shown as one row each, so the whole list fits a laptop screen.
const MERGED: Array<{ keys: string[]; label: string; description: string }> = [
  { keys: ['mod+1', 'mod+2', 'mod+3', 'mod+4'], label: `${describeKeys('mod+1')}…4`, description: 'Go to the library, compare, study, notes' },
  { keys: ['mod+=', 'mod+-'], label: `${describeKeys('mod+=')} / ${describeKeys('mod+-')}`, description: 'Larger / smaller reading text' },
];

function mergeRows(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    const group = MERGED.find((m) => m.keys.includes(r.keys));
    if (!group || !group.keys.every((k) => rows.some((x) => x.keys === k))) out.push(r);
    else if (r.keys === group.keys[0]) out.push({ keys: r.keys, label: group.label, description: group.description });
  }
  return out;
}

function ShortcutTable({ caption, note, rows }: { caption: string; note?: string; rows: Row[] }) {
  return (
    <table className="shortcut-table">
      <caption>
        {caption}
        {note ? <span className="shortcut-when"> — {note}</span> : null}
      </caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Keys</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.keys + s.description}>
            <td>
              <kbd>{s.label ?? describeKeys(s.keys)}</kbd>
            </td>
            <td>{s.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShortcutHelp() {
  const isOpen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
  // Global keys come from the registry (so the list never lies); the per-view ones from the
  // catalogue, so they are listed even when that view is not on screen.
  const everywhere = isOpen ? listShortcuts().filter((s) => !CATALOGUED_KEYS.has(s.keys)) : [];
  const closeId = useId();
  // The modal focuses its first focusable element (the scrollable list); Close is the better start.
  useEffect(() => {
    if (isOpen) document.getElementById(closeId)?.focus();
  }, [isOpen, closeId]);
  const table = (g: ShortcutGroup) => <ShortcutTable key={g.title} caption={g.title} note={g.when} rows={g.items} />;
  return (
    <Dialog
      open={isOpen}
      title="Keyboard shortcuts"
      onClose={close}
      className="dialog-shortcuts"
      actions={
        <Button variant="primary" onClick={close} id={closeId}>
          Close
        </Button>
      }
    >
      {/* Focusable, so the list can be scrolled from the keyboard when it is taller than the window. */}
      <div className="shortcut-groups" role="region" aria-label="All shortcuts" tabIndex={0}>
        <div className="shortcut-column">
          <ShortcutTable caption="Everywhere" rows={[...mergeRows(everywhere), { keys: 'escape', description: 'Close a dialog or the search' }]} />
          {SHORTCUT_GROUPS.filter((g) => g.column === 1).map(table)}
        </div>
        <div className="shortcut-column">{SHORTCUT_GROUPS.filter((g) => g.column === 2).map(table)}</div>
      </div>
    </Dialog>
  );
}
