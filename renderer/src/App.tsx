import { Suspense, useEffect, type ComponentType } from 'react';
import { currentRoute, useNavigation, navigate, type Route } from './app/navigation';
import { prefetchLibrary } from './views/library/prefetch';
import { views, type ViewProps } from './app/views';
import { useShortcut } from './app/shortcuts';
import { stepReaderSize } from './app/theme';
import { TopBar } from './app/TopBar';
import { Skeleton, type SkeletonKind } from './app/Skeleton';
import { connectMenu } from './app/menu';
import { ShortcutHelp, openShortcutHelp } from './app/ShortcutHelp';
import { ErrorBoundary, ConfirmHost, Toaster } from './components';
import { SearchPalette, openSearch } from './search/SearchPalette';

/** The shape each view paints while its code loads. */
const SKELETONS: Record<Route['view'], SkeletonKind> = { library: 'list', reader: 'text', compare: 'text', study: 'cards', notes: 'cards' };

function ViewOutlet({ route, navSeq }: { route: Route; navSeq: number }) {
  const def = views[route.view];
  // The registry is keyed by route.view, so the component and its props always agree.
  const Component = def.Component as unknown as ComponentType<ViewProps<typeof route.view>>;
  return (
    <ErrorBoundary resetKey={`${route.view}:${navSeq}`} label={`The ${def.label.toLowerCase()} view`}>
      <Suspense fallback={<Skeleton kind={SKELETONS[route.view]} label={`Opening ${def.label.toLowerCase()}…`} />}>
        <Component route={route} navSeq={navSeq} />
      </Suspense>
    </ErrorBoundary>
  );
}

function GlobalShortcuts() {
  useShortcut('mod+k', () => openSearch(), { description: 'Search everything', allowInInputs: true });
  useShortcut('mod+1', () => navigate(views.library.home), { description: 'Go to the library', allowInInputs: true });
  useShortcut('mod+2', () => navigate(views.compare.home), { description: 'Go to compare', allowInInputs: true });
  useShortcut('mod+3', () => navigate(views.study.home), { description: 'Go to study', allowInInputs: true });
  useShortcut('mod+4', () => navigate(views.notes.home), { description: 'Go to notes', allowInInputs: true });
  useShortcut('mod+=', () => stepReaderSize(1), { description: 'Larger reading text' });
  useShortcut('mod+-', () => stepReaderSize(-1), { description: 'Smaller reading text' });
  useShortcut('?', () => openShortcutHelp(), { description: 'Show keyboard shortcuts' });
  return null;
}

export function App() {
  const { route, navSeq } = (({ route: r, seq }) => ({ route: r, navSeq: seq }))(useNavigation());

  useEffect(() => {
    document.documentElement.dataset.view = route.view;
  }, [route.view]);
  useEffect(() => connectMenu(), []);
  // The first view's data is asked for at once, in parallel with loading the view's code.
  useEffect(() => {
    if (currentRoute().view === 'library') prefetchLibrary();
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <TopBar route={route} />
      <main id="main" className={`main main-${route.view}`} tabIndex={-1}>
        <ViewOutlet route={route} navSeq={navSeq} />
      </main>
      <GlobalShortcuts />
      <SearchPalette />
      <ShortcutHelp />
      <ConfirmHost />
      <Toaster />
    </div>
  );
}
