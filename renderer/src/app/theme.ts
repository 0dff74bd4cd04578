import { useSetting, setSetting, getSetting, subscribeSettings } from './settings';

export type ThemeChoice = 'system' | 'light' | 'sepia' | 'dark';
export type Theme = Exclude<ThemeChoice, 'system'>;
export const THEME_CHOICES: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'sepia', label: 'Sepia' },
  { value: 'dark', label: 'Dark' },
];

export const READER_SIZES = [16, 17, 18, 19, 20, 22, 24, 26, 28] as const;
export const DEFAULT_READER_SIZE = 19;

function asChoice(v: string | undefined): ThemeChoice {
  return v === 'light' || v === 'sepia' || v === 'dark' ? v : 'system';
}

const darkQuery = typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

export function resolveTheme(choice: ThemeChoice, prefersDark = darkQuery?.matches ?? false): Theme {
  if (choice !== 'system') return choice;
  return prefersDark ? 'dark' : 'light';
}

export function readerSize(): number {
  const n = Number(getSetting('reader.size'));
  return Number.isFinite(n) && n >= READER_SIZES[0] && n <= READER_SIZES[READER_SIZES.length - 1] ? n : DEFAULT_READER_SIZE;
}

/** Keep <html data-theme> and --reader-size in step with the settings and the system. */
export function applyTheme(): () => void {
  const apply = () => {
    const root = document.documentElement;
    const theme = resolveTheme(asChoice(getSetting('theme')));
    root.dataset.theme = theme;
    root.style.colorScheme = theme === 'dark' ? 'dark' : 'light';
    root.style.setProperty('--reader-size', `${readerSize()}px`);
  };
  apply();
  const off = subscribeSettings(apply);
  darkQuery?.addEventListener('change', apply);
  return () => {
    off();
    darkQuery?.removeEventListener('change', apply);
  };
}

export function useThemeChoice(): [ThemeChoice, (t: ThemeChoice) => void] {
  const choice = asChoice(useSetting('theme', 'system'));
  return [choice, (t) => void setSetting('theme', t)];
}

export function stepReaderSize(direction: 1 | -1): void {
  const current = readerSize();
  const i = READER_SIZES.findIndex((s) => s >= current);
  const next = READER_SIZES[Math.min(READER_SIZES.length - 1, Math.max(0, (i < 0 ? READER_SIZES.length - 1 : i) + direction))];
  void setSetting('reader.size', String(next));
}

export function useReaderSize(): number {
  const n = Number(useSetting('reader.size', String(DEFAULT_READER_SIZE)));
  return Number.isFinite(n) ? n : DEFAULT_READER_SIZE;
}
