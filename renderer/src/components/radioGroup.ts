import type { KeyboardEvent } from 'react';

/**
 * Arrow keys for a group of role="radio" buttons (put on the role="radiogroup" element): the
 * group is one Tab stop (give the checked radio tabIndex 0, the others -1), and the arrows move
 * to the next or previous choice and select it, as a native radio group does.
 */
export function onRadioGroupKeyDown(e: KeyboardEvent<HTMLElement>): void {
  const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
  if (!step || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const radios = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]'));
  const at = radios.findIndex((r) => r === document.activeElement);
  if (at < 0) return;
  e.preventDefault();
  const next = radios[(at + step + radios.length) % radios.length];
  next?.focus();
  next?.click();
}
