import { useSyncExternalStore } from 'react';
import { setSetting, useSetting, getSetting } from '../../app/settings';
import { isHighlightColor } from './colors';
import type { DocRef, HighlightColor } from './types';

// State shared by the highlight surfaces (reader, compare columns) and the overlay that shows
// the popover: which highlight is open, highlight mode, the colour last used.

export interface AnchorRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PopoverState {
  highlightId: string;
  doc: DocRef;
  anchor: AnchorRect;
  /** 'note' opens straight into the note editor. */
  mode: 'view' | 'note';
  /** Where focus goes back when the popover closes. */
  returnFocus: HTMLElement | null;
}

let popover: PopoverState | null = null;
let announcement = { text: '', seq: 0 };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function openPopover(state: PopoverState): void {
  popover = state;
  emit();
}

export function closePopover(): void {
  if (!popover) return;
  const back = popover.returnFocus;
  popover = null;
  emit();
  if (back?.isConnected) back.focus({ preventScroll: true });
}

export function currentPopover(): PopoverState | null {
  return popover;
}

export function usePopover(): PopoverState | null {
  return useSyncExternalStore(subscribe, () => popover);
}

/** A short message for screen readers (the overlay's live region). */
export function announce(text: string): void {
  announcement = { text, seq: announcement.seq + 1 };
  emit();
}

export function useAnnouncement(): { text: string; seq: number } {
  return useSyncExternalStore(subscribe, () => announcement);
}

// Highlight mode and colour are settings, so they follow the library like the theme does.
// What the person chose in this session wins over a settings load that answers late.
const MODE_KEY = 'highlights.mode';
const COLOR_KEY = 'highlights.color';
let sessionMode: boolean | null = null;
let sessionColor: HighlightColor | null = null;

export function isHighlightMode(): boolean {
  return sessionMode ?? getSetting(MODE_KEY) === 'on';
}

export function useHighlightMode(): boolean {
  const stored = useSetting(MODE_KEY, 'off') === 'on';
  const session = useSyncExternalStore(subscribe, () => sessionMode);
  return session ?? stored;
}

export function setHighlightMode(on: boolean): void {
  sessionMode = on;
  emit();
  void setSetting(MODE_KEY, on ? 'on' : 'off');
  announce(on ? 'Highlight mode on: every selection becomes a highlight.' : 'Highlight mode off.');
}

export function lastColor(): HighlightColor {
  if (sessionColor) return sessionColor;
  const c = getSetting(COLOR_KEY);
  return isHighlightColor(c) ? c : 'yellow';
}

export function useLastColor(): HighlightColor {
  const stored = useSetting(COLOR_KEY, 'yellow');
  const session = useSyncExternalStore(subscribe, () => sessionColor);
  return session ?? (isHighlightColor(stored) ? stored : 'yellow');
}

export function setLastColor(color: HighlightColor): void {
  if (sessionColor === color && getSetting(COLOR_KEY) === color) return;
  sessionColor = color;
  emit();
  void setSetting(COLOR_KEY, color);
}
