// Start-up hook of the compare feature: imported once by renderer/src/extensions.ts before the
// first render. The reader gets an "Other sources" panel (what the other reports say here,
// and the way into the side-by-side view) and, when a passage was opened from Compare, a
// "Back to the comparison" button; the styles of the compare view load with it.
import './compare.css';
import { registerReaderExtension } from '../../reader/extensions';
import { mountBackToCompare } from './BackToCompare';
import { OtherSourcesPanel } from './OtherSources';

registerReaderExtension({
  id: 'compare-other-sources',
  panel: { title: 'Other sources', order: 20, Component: OtherSourcesPanel },
});

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountBackToCompare, { once: true });
  else mountBackToCompare();
}
