import type { ImportOutcome, Result } from '@contract';
import { notifyChanged } from '../api/changes';
import { toast, toastError } from '../components/toast';
import { plural } from '../lib/format';
import { openSearch } from '../search/SearchPalette';
import { setImportResults } from '../views/library/importStore';
import { requestPasteDialog } from '../views/library/pasteRequest';
import { navigate } from './navigation';
import { setSetting } from './settings';
import { views } from './views';

// The desktop app's menu talks to the page through window.parallax.onMenu (see
// electron/preload/bridge-protocol.ts). The shapes are repeated here as plain types so the
// renderer does not import anything from the Electron side; unknown commands are ignored.

type MenuEvent = { kind: 'command'; command: string } | { kind: 'imported'; result: Result<ImportOutcome[]> };

interface MenuBridge {
  onMenu?: (listener: (event: MenuEvent) => void) => () => void;
}

export function handleMenuEvent(event: MenuEvent): void {
  if (event.kind === 'imported') {
    if (!event.result.ok) {
      toastError(event.result.error);
      return;
    }
    const outcomes = event.result.value;
    const ok = outcomes.filter((o) => 'id' in o).length;
    setImportResults(outcomes);
    if (ok) notifyChanged('docs');
    navigate({ view: 'library' });
    toast({
      kind: ok === outcomes.length ? 'success' : 'error',
      message: ok === outcomes.length ? `Imported ${plural(ok, 'file')}.` : `${plural(ok, 'file')} imported, ${plural(outcomes.length - ok, 'file')} could not be imported.`,
    });
    return;
  }
  const [group, name] = event.command.split('.');
  if (event.command === 'search.open') openSearch();
  else if (event.command === 'paste.document') {
    navigate({ view: 'library' });
    requestPasteDialog();
  }
  else if (group === 'view' && (name === 'library' || name === 'compare' || name === 'study' || name === 'notes')) navigate(views[name].home);
  else if (group === 'theme' && (name === 'system' || name === 'light' || name === 'sepia' || name === 'dark')) void setSetting('theme', name);
}

/** Subscribe to the desktop menu when there is one (not in the browser host). */
export function connectMenu(bridge: MenuBridge | undefined = window.parallax as MenuBridge | undefined): () => void {
  if (!bridge || typeof bridge.onMenu !== 'function') return () => undefined;
  return bridge.onMenu(handleMenuEvent);
}
