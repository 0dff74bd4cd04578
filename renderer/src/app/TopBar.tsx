import { useEffect, useState, useSyncExternalStore } from 'react';
import { navigate, type Route } from './navigation';
import { badgeProvidersSnapshot, navOrder, navSection, onBadgeProvidersChanged, views } from './views';
import { describeKeys } from './shortcuts';
import { THEME_CHOICES, useThemeChoice, type ThemeChoice } from './theme';
import { onChanged } from '../api/changes';
import { afterViewReady } from './startup';
import { openSearch } from '../search/SearchPalette';
import { openShortcutHelp } from './ShortcutHelp';
import type { ViewId } from './navigation';

/** Badge texts from the providers features registered (e.g. Study's due count). */
function useBadges(route: Route): Partial<Record<ViewId, string>> {
  const [badges, setBadges] = useState<Partial<Record<ViewId, string>>>({});
  const [tick, setTick] = useState(0);
  const providers = useSyncExternalStore(onBadgeProvidersChanged, badgeProvidersSnapshot);
  useEffect(() => {
    const bump = () => setTick((t) => t + 1);
    window.addEventListener('focus', bump);
    const off = onChanged(bump);
    return () => {
      window.removeEventListener('focus', bump);
      off();
    };
  }, []);
  useEffect(() => {
    let live = true;
    // Badges ask other features (study) for counts: not before the view on screen has its data.
    void afterViewReady().then(() => {
      if (!live) return;
      for (const [view, provider] of providers) {
        provider()
          .then((text) => {
            if (live) setBadges((b) => ({ ...b, [view]: text ?? undefined }));
          })
          .catch(() => undefined);
      }
    });
    return () => {
      live = false;
    };
  }, [providers, route.view, tick]);
  return badges;
}

export function TopBar({ route }: { route: Route }) {
  const badges = useBadges(route);
  const [theme, setTheme] = useThemeChoice();
  const current = navSection(route.view);
  return (
    <header className="topbar">
      <a
        className="brand"
        aria-label="Parallax: the library"
        href="#/library"
        onClick={(e) => {
          e.preventDefault();
          navigate({ view: 'library' });
        }}
      >
        <svg className="brand-mark" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <rect x="2" y="3" width="7" height="14" rx="1.5" />
          <rect x="11" y="3" width="7" height="14" rx="1.5" />
        </svg>
        <span className="brand-text">Parallax</span>
      </a>
      <nav className="topnav" aria-label="Main">
        <ul>
          {navOrder.map((id) => {
            const v = views[id];
            const badge = badges[id];
            return (
              <li key={id}>
                <a
                  href={`#/${id}`}
                  className="topnav-link"
                  aria-current={current === id ? 'page' : undefined}
                  title={v.shortcut ? `${v.label} (${describeKeys(v.shortcut)})` : v.label}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(v.home);
                  }}
                >
                  {v.label}
                  {badge ? (
                    <>
                      <span className="visually-hidden">: </span>
                      <span className="badge">{badge}</span>
                    </>
                  ) : null}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="topbar-tools">
        <button type="button" className="search-button" onClick={() => openSearch()} aria-keyshortcuts="Control+K Meta+K">
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="icon">
            <circle cx="8.5" cy="8.5" r="5.5" />
            <line x1="12.6" y1="12.6" x2="17" y2="17" />
          </svg>
          <span>Search</span>
          <kbd>{describeKeys('mod+k')}</kbd>
        </button>
        <label className="theme-select">
          <span className="visually-hidden">Theme</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} aria-label="Theme">
            {THEME_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.value === 'system' ? 'Theme: system' : c.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={openShortcutHelp}>
          ?
        </button>
      </div>
    </header>
  );
}
