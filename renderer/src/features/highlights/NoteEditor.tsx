import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../../components';
import { describeKeys } from '../../app/shortcuts';

/** A note field: Markdown allowed; Save with the button or Ctrl/Cmd+Enter, Esc cancels. */
export function NoteEditor({
  initial,
  label = 'Note',
  onSave,
  onCancel,
  autoFocus = true,
  rows = 4,
}: {
  initial: string;
  label?: string;
  onSave: (text: string) => void | Promise<unknown>;
  onCancel: () => void;
  autoFocus?: boolean;
  rows?: number;
}) {
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const save = async () => {
    setSaving(true);
    try {
      await onSave(text);
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };
  return (
    <div className="note-editor">
      <label htmlFor={id} className="note-editor-label">
        {label} <span className="note-editor-hint">(Markdown: *emphasis*, **bold**, - lists)</span>
      </label>
      <textarea
        id={id}
        ref={ref}
        className="note-editor-input"
        value={text}
        rows={rows}
        autoFocus={autoFocus}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="note-editor-actions">
        <Button variant="primary" size="sm" onClick={() => void save()} disabled={saving} title={`Save (${describeKeys('mod+enter')})`}>
          Save note
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
