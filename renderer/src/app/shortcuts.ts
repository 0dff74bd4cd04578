import { useEffect, useRef } from 'react';

export interface Shortcut {
  /** e.g. 'mod+k', 'mod+shift+f', '?', 'h', 'escape', 'mod+1'. `mod` = Ctrl, or Cmd on macOS. */
  keys: string;
  description: string;
  run: (event: KeyboardEvent) => void;
  /** Fire even while the focus is in a text field (default: only when a modifier is part of it). */
  allowInInputs?: boolean;
  /** Hidden from the shortcut list. */
  hidden?: boolean;
}

interface Parsed {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function parseKeys(keys: string): Parsed {
  const parts = keys.toLowerCase().split('+');
  // 'mod++' means the plus key.
  let key = parts.pop() ?? '';
  if (key === '' && keys.endsWith('++')) {
    parts.pop();
    key = '+';
  }
  return { mod: parts.includes('mod'), alt: parts.includes('alt'), shift: parts.includes('shift'), key };
}

/** Does this key event match? Shift is only compared for letters and named keys, since
 * symbols like '?' already imply it on most layouts. */
export function matches(p: Parsed, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (mod !== p.mod || e.altKey !== p.alt) return false;
  if (!p.mod && (isMac ? e.ctrlKey : e.metaKey)) return false;
  const key = e.key.toLowerCase();
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  if (!symbol && e.shiftKey !== p.shift) return false;
  if (p.key === key) return true;
  // mod+= also on the '+' key (same physical key on many layouts).
  return (p.key === '=' && key === '+') || (p.key === 'esc' && key === 'escape');
}

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  space: 'Space',
  arrowup: '↑',
  arrowdown: '↓',
  arrowleft: '←',
  arrowright: '→',
  escape: 'Esc',
};

/** Human label: 'mod+k' -> 'Ctrl+K' (or '⌘K' on macOS). */
export function describeKeys(keys: string): string {
  const p = parseKeys(keys);
  const key = KEY_NAMES[p.key] ?? (p.key.length === 1 ? p.key.toUpperCase() : p.key[0].toUpperCase() + p.key.slice(1));
  const mods = [p.mod ? (isMac ? '⌘' : 'Ctrl') : '', p.alt ? (isMac ? '⌥' : 'Alt') : '', p.shift ? (isMac ? '⇧' : 'Shift') : ''].filter(Boolean);
  return isMac ? mods.join('') + key : [...mods, key].join('+');
}

const registry: Array<Shortcut & { parsed: Parsed }> = [];
const listeners = new Set<() => void>();

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
  return false;
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return;
  // Latest registration wins, so a view or dialog can take over a global key.
  for (let i = registry.length - 1; i >= 0; i--) {
    const s = registry[i];
    if (!matches(s.parsed, e)) continue;
    if (isTyping(e.target) && !s.allowInInputs && !s.parsed.mod) continue;
    e.preventDefault();
    s.run(e);
    return;
  }
}

if (typeof window !== 'undefined') window.addEventListener('keydown', onKeyDown);

export function registerShortcut(shortcut: Shortcut): () => void {
  const entry = { ...shortcut, parsed: parseKeys(shortcut.keys) };
  registry.push(entry);
  for (const l of listeners) l();
  return () => {
    const i = registry.indexOf(entry);
    if (i >= 0) registry.splice(i, 1);
    for (const l of listeners) l();
  };
}

/** Register a shortcut while the component is mounted. `run` may change between renders. */
export function useShortcut(keys: string, run: (e: KeyboardEvent) => void, options: Omit<Shortcut, 'keys' | 'run'> & { enabled?: boolean }): void {
  const runRef = useRef(run);
  runRef.current = run;
  const { description, allowInInputs, hidden, enabled = true } = options;
  useEffect(() => {
    if (!enabled) return;
    return registerShortcut({ keys, description, allowInInputs, hidden, run: (e) => runRef.current(e) });
  }, [keys, description, allowInInputs, hidden, enabled]);
}

/** Every visible shortcut (for the help dialog), newest last, duplicates removed. */
export function listShortcuts(): Array<{ keys: string; description: string }> {
  const seen = new Set<string>();
  const out: Array<{ keys: string; description: string }> = [];
  for (const s of registry) {
    if (s.hidden || seen.has(s.keys + s.description)) continue;
    seen.add(s.keys + s.description);
    out.push({ keys: s.keys, description: s.description });
  }
  return out;
}

export function onShortcutsChanged(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
