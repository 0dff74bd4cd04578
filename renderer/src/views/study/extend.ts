// Start-up hook of the study feature: imported once by renderer/src/extensions.ts before the
// first render. The top bar's Study item shows how many cards are waiting.
import { api } from '../../api';
import { setNavBadge } from '../../app/views';
import { watchPreparation } from './preparing';
import './study.css';

// Cards are prepared in the background: watch it from the start, so the badge and the Study
// view update when a run finishes.
watchPreparation();

setNavBadge('study', async () => {
  const res = await api['study.dueCounts']({});
  if (!res.ok) return null;
  const { due, learning, new: fresh } = res.value.total;
  // Same words as the Study view's header: reviews are "due", unseen cards are "new".
  const reviews = due + learning;
  if (reviews && fresh) return `${reviews} due · ${fresh} new`;
  if (reviews) return `${reviews} due`;
  return fresh ? `${fresh} new` : null;
});
