import { useRef, type KeyboardEvent } from 'react';
import { api, useResult } from '../../api';
import { navigate } from '../../app/navigation';
import type { ViewProps } from '../../app/views';
import { plural } from '../../lib/format';
import { CardList } from './CardList';
import { KeyPassages } from './KeyPassages';
import { PreparingCards } from './Preparing';
import { Session } from './Session';
import { Stats } from './Stats';
import { CARDS_TOPIC } from './types';

// Study: a review session (due cards, then new ones), the cards, the key passages of each
// document, and statistics with the settings. The tab is kept in the route (#/study?p.tab=).

const TABS = [
  { id: 'review', label: 'Review' },
  { id: 'cards', label: 'Cards' },
  { id: 'passages', label: 'Key passages' },
  { id: 'stats', label: 'Statistics & settings' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function isTab(x: string | undefined): x is TabId {
  return TABS.some((t) => t.id === x);
}

export default function StudyView({ route }: ViewProps<'study'>) {
  const tab: TabId = isTab(route.params?.tab) ? route.params.tab : 'review';
  const docId = route.params?.doc;
  const docs = useResult(() => api['docs.list']({}), [], { refreshOn: ['docs'] });
  const counts = useResult(() => api['study.dueCounts']({}), [], { refreshOn: [CARDS_TOPIC, 'docs'] });
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const go = (id: TabId) => navigate({ view: 'study', params: { ...(route.params ?? {}), tab: id } });

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const j = (next + TABS.length) % TABS.length;
    tabRefs.current[j]?.focus();
    go((TABS[j] as { id: TabId }).id);
  };

  const c = counts.value?.total;
  return (
    <div className="study-view">
      <div className="study-inner">
        <div className="view-header">
          <div>
            <h1 className="view-title" tabIndex={-1}>
              Study
            </h1>
            <p className="view-subtitle">
              {c ? `${plural(c.due + c.learning, 'card')} due · ${c.new} new today` : '\u00a0'}
              {docId ? ` · one document` : ''}
            </p>
          </div>
        </div>
        <PreparingCards />
        <div className="study-tabs" role="tablist" aria-label="Study">
          {TABS.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`study-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`study-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className="study-tab"
              onClick={() => go(t.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <section className="study-panel" role="tabpanel" id={`study-panel-${tab}`} aria-labelledby={`study-tab-${tab}`}>
          {tab === 'review' ? <Session docId={docId} onOpenCards={() => go('cards')} /> : null}
          {tab === 'cards' ? <CardList docs={docs.value ?? []} /> : null}
          {tab === 'passages' ? docs.value ? <KeyPassages docs={docs.value} initialDocId={docId} /> : null : null}
          {tab === 'stats' ? <Stats /> : null}
        </section>
      </div>
    </div>
  );
}
