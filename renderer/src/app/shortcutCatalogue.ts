// The keys that only work in one view or state (registered while that view is on screen), so
// the help dialog can list them from anywhere: a new reader discovers them before needing them.
// Keep in step with the useShortcut/registerShortcut calls in the views named here.

export interface ShortcutGroup {
  title: string;
  /** When these keys work, in a few words. */
  when: string;
  /** Which column of the help dialog (they are balanced by hand). */
  column: 1 | 2;
  items: Array<{ keys: string; description: string }>;
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Reader',
    when: 'while reading a document',
    column: 1,
    items: [
      { keys: '[', description: 'Previous section or passage' },
      { keys: ']', description: 'Next section or passage' },
      { keys: 'shift+arrowright', description: 'Select text (Shift+arrows; with Ctrl: by word)' },
      { keys: 'mod+shift+h', description: 'Highlight mode: every selection is highlighted' },
    ],
  },
  {
    title: 'Selected text',
    when: 'in the reader or a compare column',
    column: 2,
    items: [
      { keys: 'h', description: 'Highlight in the last colour' },
      { keys: '1', description: 'Highlight yellow (2–5: the other colours)' },
      { keys: 'n', description: 'Highlight and add a note' },
      { keys: 'c', description: 'Copy with citation' },
    ],
  },
  {
    title: 'An open highlight',
    when: 'after clicking a highlight',
    column: 2,
    items: [
      { keys: '1', description: 'Change the colour (1–5)' },
      { keys: 'n', description: 'Edit the note (Ctrl+Enter saves)' },
      { keys: 'c', description: 'Copy with citation' },
      { keys: 'delete', description: 'Delete (the message offers Undo)' },
    ],
  },
  {
    title: 'Compare',
    when: 'two or more reports side by side',
    column: 2,
    items: [
      { keys: 'j', description: 'Next linked statement (Alt+↓)' },
      { keys: 'k', description: 'Previous linked statement (Alt+↑)' },
      { keys: 'enter', description: 'Linked sentence: bring partners level' },
      { keys: 'arrowright', description: 'Linked sentence: partner in next column (←: previous)' },
      { keys: 'd', description: 'Show or hide word differences' },
    ],
  },
  {
    title: 'Library',
    when: 'in the Library (and from the File menu)',
    column: 2,
    items: [{ keys: 'mod+shift+v', description: 'Paste the clipboard as a new document' }],
  },
  {
    title: 'Study',
    when: 'during a review session',
    column: 1,
    items: [
      { keys: 'space', description: 'Show the answer' },
      { keys: 't', description: 'Type the answer' },
      { keys: '1', description: 'Again (2 Hard, 3 Good, 4 Easy)' },
      { keys: 'u', description: 'Undo the last grade (also Ctrl+Z)' },
    ],
  },
];

/** Registered shortcuts the catalogue already lists (by keys), so "Everywhere" shows only the rest. */
export const CATALOGUED_KEYS = new Set(['[', ']', 'j', 'k', 'd', 'alt+arrowdown', 'alt+arrowup', ' ', 't', '1', '2', '3', '4', '5', 'u', 'mod+z', 'h', 'n', 'c', 'delete', 'mod+shift+h', 'mod+shift+v']);
