import { describe, expect, it } from 'vitest';
import { matches, parseKeys } from '../../../renderer/src/app/shortcuts.js';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('renderer shortcuts (non-mac)', () => {
  it('parses modifiers and keys', () => {
    expect(parseKeys('mod+shift+k')).toEqual({ mod: true, alt: false, shift: true, key: 'k' });
    expect(parseKeys('mod++')).toEqual({ mod: true, alt: false, shift: false, key: '+' });
    expect(parseKeys('?')).toEqual({ mod: false, alt: false, shift: false, key: '?' });
  });

  it('matches Ctrl as mod, and only with the right modifiers', () => {
    expect(matches(parseKeys('mod+k'), key('k', { ctrlKey: true }))).toBe(true);
    expect(matches(parseKeys('mod+k'), key('K', { ctrlKey: true }))).toBe(true);
    expect(matches(parseKeys('mod+k'), key('k'))).toBe(false);
    expect(matches(parseKeys('mod+k'), key('k', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(matches(parseKeys('h'), key('h', { metaKey: true }))).toBe(false);
    expect(matches(parseKeys('mod+1'), key('1', { ctrlKey: true }))).toBe(true);
  });

  it('ignores Shift for symbols that need it, and accepts + for mod+=', () => {
    expect(matches(parseKeys('?'), key('?', { shiftKey: true }))).toBe(true);
    expect(matches(parseKeys('mod+='), key('+', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matches(parseKeys('h'), key('H', { shiftKey: true }))).toBe(false);
  });
});
