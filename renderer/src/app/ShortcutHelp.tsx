import { useSyncExternalStore } from 'react';
import { Dialog } from '../components/Dialog';
import { Button } from '../components/Button';
import { describeKeys, listShortcuts } from './shortcuts';

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

export function ShortcutHelp() {
  const isOpen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
  const list = isOpen ? listShortcuts() : [];
  return (
    <Dialog
      open={isOpen}
      title="Keyboard shortcuts"
      onClose={close}
      actions={
        <Button variant="primary" onClick={close} autoFocus>
          Close
        </Button>
      }
    >
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {list.map((s) => (
            <tr key={s.keys + s.description}>
              <td>
                <kbd>{describeKeys(s.keys)}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>Close a dialog or the search</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
