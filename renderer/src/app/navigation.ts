import { useSyncExternalStore } from 'react';

/** Free string parameters any view may carry in its route (kept in the URL hash). */
export type RouteParams = Record<string, string>;

export type Route =
  | { view: 'library'; params?: RouteParams }
  | {
      view: 'reader';
      docId: string;
      /** Scroll so this offset is at the top; absent: the remembered reading position. */
      offset?: number;
      /** With `offset` and `flash`: the range [offset, end) is flashed once. */
      end?: number;
      flash?: boolean;
      params?: RouteParams;
    }
  | { view: 'compare'; docIds?: string[]; offset?: number; params?: RouteParams }
  | { view: 'study'; params?: RouteParams }
  | { view: 'notes'; params?: RouteParams };

export type ViewId = Route['view'];
export type RouteOf<V extends ViewId> = Extract<Route, { view: V }>;

const VIEW_IDS: readonly ViewId[] = ['library', 'reader', 'compare', 'study', 'notes'];
const DOC_ID = /^[A-Za-z0-9_-]{1,128}$/;

function nonNegativeInt(value: string | null): number | undefined {
  if (value === null || !/^\d{1,10}$/.test(value)) return undefined;
  return Number(value);
}

/** Route -> `#/view[/docId]?query`. Inverse of parseHash. */
export function routeToHash(route: Route): string {
  const q = new URLSearchParams();
  let path = `#/${route.view}`;
  if (route.view === 'reader') {
    path += `/${encodeURIComponent(route.docId)}`;
    if (route.offset !== undefined) q.set('at', String(route.offset));
    if (route.end !== undefined) q.set('end', String(route.end));
    if (route.flash) q.set('flash', '1');
  }
  if (route.view === 'compare') {
    if (route.docIds?.length) q.set('docs', route.docIds.join(','));
    if (route.offset !== undefined) q.set('at', String(route.offset));
  }
  for (const [k, v] of Object.entries(route.params ?? {})) q.set(`p.${k}`, v);
  const query = q.toString();
  return query ? `${path}?${query}` : path;
}

/** Parse a location hash; anything unrecognised is the library. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const [view, rawId] = pathPart.split('/');
  const q = new URLSearchParams(query);
  const params: RouteParams = {};
  for (const [k, v] of q) if (k.startsWith('p.') && k.length > 2) params[k.slice(2)] = v;
  const withParams = Object.keys(params).length ? { params } : {};
  if (!VIEW_IDS.includes(view as ViewId)) return { view: 'library' };
  switch (view as ViewId) {
    case 'reader': {
      const docId = rawId ? decodeURIComponent(rawId) : '';
      if (!DOC_ID.test(docId)) return { view: 'library' };
      const offset = nonNegativeInt(q.get('at'));
      const end = nonNegativeInt(q.get('end'));
      return {
        view: 'reader',
        docId,
        ...(offset !== undefined ? { offset } : {}),
        ...(end !== undefined ? { end } : {}),
        ...(q.get('flash') === '1' ? { flash: true } : {}),
        ...withParams,
      };
    }
    case 'compare': {
      const docIds = (q.get('docs') ?? '').split(',').filter((d) => DOC_ID.test(d));
      const offset = nonNegativeInt(q.get('at'));
      return { view: 'compare', ...(docIds.length ? { docIds } : {}), ...(offset !== undefined ? { offset } : {}), ...withParams };
    }
    default:
      return { view: view as 'library' | 'study' | 'notes', ...withParams };
  }
}

interface NavState {
  route: Route;
  /** Increases on every navigation, even to the same route (so "open at offset" re-runs). */
  seq: number;
}

let state: NavState = { route: typeof window !== 'undefined' ? parseHash(window.location.hash) : { view: 'library' }, seq: 0 };
const listeners = new Set<() => void>();

function set(route: Route): void {
  state = { route, seq: state.seq + 1 };
  for (const l of [...listeners]) l();
}

if (typeof window !== 'undefined') {
  // Back/Forward and typed-in hashes; both events can fire for one change, so only a real
  // difference counts as a navigation.
  const fromLocation = () => {
    const route = parseHash(window.location.hash);
    if (routeToHash(route) !== routeToHash(state.route)) set(route);
  };
  window.addEventListener('popstate', fromLocation);
  window.addEventListener('hashchange', fromLocation);
}

/** What a history entry remembers besides its hash: the route it was reached from. */
interface EntryState {
  from?: string;
}

function entryState(): EntryState {
  const s: unknown = window.history.state;
  return s && typeof s === 'object' && typeof (s as EntryState).from === 'string' ? { from: (s as EntryState).from } : {};
}

/** Go to a view. `replace` changes the current history entry instead of adding one. */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeToHash(route);
  // Each new entry notes the route it came from, so a view can offer "Back to …" (and the
  // note survives reloads, being in the history entry); a replaced entry keeps its note.
  if (options.replace) window.history.replaceState(entryState(), '', hash);
  else if (window.location.hash !== hash) window.history.pushState({ from: routeToHash(state.route) } satisfies EntryState, '', hash);
  set(route);
}

/** The route the current history entry was reached from by `navigate`, if any. */
export function cameFrom(): Route | null {
  if (typeof window === 'undefined') return null;
  const from = entryState().from;
  return from ? parseHash(from) : null;
}

/** Back one history entry (the browser's Back), to where `cameFrom` says. */
export function goBack(): void {
  window.history.back();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useNavigation(): NavState {
  return useSyncExternalStore(subscribe, () => state);
}

export function useRoute(): Route {
  return useNavigation().route;
}

export function currentRoute(): Route {
  return state.route;
}
