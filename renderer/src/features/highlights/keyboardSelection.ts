// Selecting text with the keyboard in read-only text. Browsers extend a selection with
// Shift+arrows only in editable text (or with caret browsing on), so in any passage root
// (PassageText) this does it: Shift+Left/Right by character (with Ctrl/Alt: by word),
// Shift+Up/Down by line, Shift+Home/End to the line's ends. With nothing selected yet, the
// selection starts at the first passage visible in the focused text region.

type Direction = 'forward' | 'backward';
type Granularity = 'character' | 'word' | 'line' | 'lineboundary';


const ROOT = '[data-passage-root]';

function rootOf(node: Node | null): Element | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest(ROOT) ?? null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function movement(e: KeyboardEvent): { direction: Direction; granularity: Granularity } | null {
  const word = e.ctrlKey || e.altKey;
  switch (e.key) {
    case 'ArrowRight':
      return { direction: 'forward', granularity: word ? 'word' : 'character' };
    case 'ArrowLeft':
      return { direction: 'backward', granularity: word ? 'word' : 'character' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' };
    case 'End':
      return { direction: 'forward', granularity: 'lineboundary' };
    case 'Home':
      return { direction: 'backward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/** A caret at the start of the first passage visible inside the focused element, if any. */
function caretInFocusedText(sel: Selection): boolean {
  const focused = document.activeElement;
  const root = focused?.querySelector(ROOT) ?? (focused ? rootOf(focused) : null);
  if (!root) return false;
  const top = focused instanceof HTMLElement ? focused.getBoundingClientRect().top : 0;
  const passages = Array.from(root.querySelectorAll<HTMLElement>('[data-passage]'));
  const first = passages.find((p) => p.getBoundingClientRect().bottom > top + 4) ?? passages[0];
  const walker = first ? document.createTreeWalker(first, NodeFilter.SHOW_TEXT) : null;
  const text = walker?.nextNode();
  if (!text) return false;
  sel.collapse(text, 0);
  return true;
}

function onKeyDown(e: KeyboardEvent): void {
  if (!e.shiftKey || e.metaKey || e.defaultPrevented || isTyping(e.target)) return;
  const move = movement(e);
  if (!move) return;
  const sel = window.getSelection();
  if (!sel?.modify) return;
  const inText = sel.rangeCount > 0 && rootOf(sel.focusNode) !== null;
  if (!inText && !caretInFocusedText(sel)) return;
  e.preventDefault();
  sel.modify('extend', move.direction, move.granularity);
}

let installed = false;

export function installKeyboardSelection(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  document.addEventListener('keydown', onKeyDown);
}
