import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Route, RouteOf, ViewId } from './navigation';

export interface ViewProps<V extends ViewId> {
  /** The current route, narrowed to this view. */
  route: RouteOf<V>;
  /** Increases on every navigation, also to an identical route. */
  navSeq: number;
}

export interface ViewDef<V extends ViewId = ViewId> {
  id: V;
  label: string;
  /** Shown in the top bar (the reader is reached from the library or search instead). */
  inNav: boolean;
  /** Global shortcut, e.g. 'mod+1'. */
  shortcut?: string;
  /** Where the nav item goes. */
  home: Route;
  Component: LazyExoticComponent<ComponentType<ViewProps<V>>>;
}

function view<V extends ViewId>(def: Omit<ViewDef<V>, 'Component'> & { load: () => Promise<{ default: ComponentType<ViewProps<V>> }> }): ViewDef<V> {
  const { load, ...rest } = def;
  return { ...rest, Component: lazy(load) };
}

/** The route table: every view of the app, lazily loaded. Order = top-bar order. */
export const views: { [V in ViewId]: ViewDef<V> } = {
  library: view({ id: 'library', label: 'Library', inNav: true, shortcut: 'mod+1', home: { view: 'library' }, load: () => import('../views/library/LibraryView') }),
  compare: view({ id: 'compare', label: 'Compare', inNav: true, shortcut: 'mod+2', home: { view: 'compare' }, load: () => import('../views/compare/CompareView') }),
  study: view({ id: 'study', label: 'Study', inNav: true, shortcut: 'mod+3', home: { view: 'study' }, load: () => import('../views/study/StudyView') }),
  notes: view({ id: 'notes', label: 'Notes', inNav: true, shortcut: 'mod+4', home: { view: 'notes' }, load: () => import('../views/notes/NotesView') }),
  reader: view({ id: 'reader', label: 'Reader', inNav: false, home: { view: 'library' }, load: () => import('../views/reader/ReaderView') }),
};

export const navOrder: ViewId[] = ['library', 'compare', 'study', 'notes'];

/** Which nav item is "current" for a view (the reader belongs to the library). */
export function navSection(view: ViewId): ViewId {
  return view === 'reader' ? 'library' : view;
}

// --- Top-bar badges -------------------------------------------------------------------

export type BadgeProvider = () => Promise<string | null>;
const badgeProviders = new Map<ViewId, BadgeProvider>();
const badgeListeners = new Set<() => void>();

/** A short text next to a nav item (e.g. Study: '12 due'); null hides it. */
export function setNavBadge(view: ViewId, provider: BadgeProvider): void {
  badgeProviders.set(view, provider);
  for (const l of badgeListeners) l();
}

export function badgeProvidersSnapshot(): Map<ViewId, BadgeProvider> {
  return badgeProviders;
}

export function onBadgeProvidersChanged(l: () => void): () => void {
  badgeListeners.add(l);
  return () => badgeListeners.delete(l);
}
