// Start-up file of the highlights feature (imported once by renderer/src/extensions.ts before
// the first render). See ./README.md for the API the Reader and Compare views use.
import './highlights.css';
import { registerShortcut } from '../../app/shortcuts';
import { MODE_SHORTCUT } from './HighlightsPanel';
import { installKeyboardSelection } from './keyboardSelection';
import { mountHighlightOverlay } from './mount';
import { registerHighlightsInReader } from './readerExtension';
import { isHighlightMode, setHighlightMode } from './store';

registerHighlightsInReader();
installKeyboardSelection();
registerShortcut({ keys: MODE_SHORTCUT, description: 'Highlight mode on/off', run: () => setHighlightMode(!isHighlightMode()) });
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountHighlightOverlay, { once: true });
  else mountHighlightOverlay();
}

export { useHighlightSurface } from './surface';
export { useDocHighlights } from './useDocHighlights';
export { highlightDecorations } from './decorations';
export { HighlightOverlay } from './HighlightOverlay';
export { ModeControls } from './HighlightsPanel';
export { NoteMarkdown } from './NoteMarkdown';
export { NoteEditor } from './NoteEditor';
export { quoteWithCitation, citation } from './citation';
export * as highlightActions from './actions';
export type { DocRef, HighlightView, HighlightColor } from './types';
export { searchNotesForPalette, type PaletteNoteItem } from './paletteNotes';
