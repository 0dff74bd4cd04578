import { useEffect, useState, type ClipboardEvent, type FormEvent } from 'react';
import { api, notifyChanged } from '../../api';
import { useShortcut } from '../../app/shortcuts';
import { navigate } from '../../app/navigation';
import { Button, Dialog, toast, toastError } from '../../components';
import { setImportResults } from './importStore';
import { onPasteRequest } from './pasteRequest';

// Paste as a document: Ctrl+Shift+V (or the Library's button) opens a dialog that takes what
// the clipboard holds (its HTML when there is some, so headings, lists and emphasis survive,
// else its text) and asks for a title and a source. The clipboard is read directly where the
// host allows it; otherwise the person pastes into the box (the paste event carries both forms).

interface Clip {
  html?: string;
  text: string;
}

const CLIPBOARD_WAIT_MS = 1500;

/** The clipboard's contents where the host lets a page read them; null otherwise or when asking takes too long. */
async function readClipboard(): Promise<Clip | null> {
  if (!navigator.clipboard?.read) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), CLIPBOARD_WAIT_MS));
  return Promise.race([readClipboardNow(), timeout]);
}

async function readClipboardNow(): Promise<Clip | null> {
  try {
    const items = await navigator.clipboard.read();
    let html: string | undefined;
    let text = '';
    for (const item of items) {
      if (item.types.includes('text/html')) html = await (await item.getType('text/html')).text();
      if (item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text();
    }
    return text || html ? { html, text } : null;
  } catch {
    return null;
  }
}

/** First line of the pasted text, as a title the person can change. */
function suggestTitle(text: string): string {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

export function PasteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [clip, setClip] = useState<Clip>({ text: '' });
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);

  const take = (c: Clip) => {
    setClip(c);
    setTitle((t) => t || suggestTitle(c.text));
  };

  // Fill the box from the clipboard when the host allows reading it, unless the person has
  // pasted or typed in the meantime. The dialog never waits for this.
  useEffect(() => {
    let live = true;
    void readClipboard().then((c) => {
      if (!live || !c) return;
      setClip((cur) => (cur.text ? cur : c));
      setTitle((t) => t || suggestTitle(c.text));
    });
    return () => {
      live = false;
    };
  }, []);

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const html = e.clipboardData.getData('text/html');
    const text = e.clipboardData.getData('text/plain');
    if (!html && !text) return;
    e.preventDefault();
    take({ html: html || undefined, text });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !clip.text.trim()) return;
    setBusy(true);
    try {
      const res = await api['docs.importText']({ title: title.trim(), source: source.trim() || undefined, html: clip.html, text: clip.text });
      if (!res.ok) {
        toastError(res.error);
        return;
      }
      const outcome = res.value;
      setImportResults([outcome]);
      if ('id' in outcome) {
        notifyChanged('docs');
        toast({ kind: 'success', message: `Made “${title.trim()}” from the clipboard.` });
        onClose();
        navigate({ view: 'reader', docId: outcome.id });
      } else toast({ kind: 'error', message: outcome.error.message });
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Paste as a document"
      className="dialog-wide"
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="paste-form" disabled={busy || !title.trim() || !clip.text.trim()}>
            {busy ? 'Importing…' : 'Make document'}
          </Button>
        </>
      }
    >
      <form id="paste-form" className="paste-form" onSubmit={submit}>
        <label className="field">
          <span className="field-label">Pasted text</span>
          <textarea
            className="paste-box"
            rows={8}
            value={clip.text}
            placeholder="Press Ctrl+V here to paste (formatting is kept when the clipboard has it)"
            onPaste={onPaste}
            onChange={(e) => setClip({ text: e.target.value })}
            data-testid="paste-box"
          />
          {clip.html ? <span className="paste-note">Formatted text: headings, lists and emphasis are kept.</span> : null}
        </label>
        <label className="field">
          <span className="field-label">Title</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} data-testid="paste-title" />
        </label>
        <label className="field">
          <span className="field-label">Source (web address, outlet or book)</span>
          <input value={source} onChange={(e) => setSource(e.target.value)} maxLength={2000} data-testid="paste-source" />
        </label>
      </form>
    </Dialog>
  );
}

/** The Library's "Paste as document" button, its dialog, and Ctrl+Shift+V while the Library is open. */
export function PasteButton() {
  const [open, setOpen] = useState(false);
  const show = () => setOpen(true);
  useShortcut('mod+shift+v', show, { description: 'Paste the clipboard as a new document' });
  useEffect(() => onPasteRequest(show), []);
  return (
    <>
      <Button onClick={show}>Paste as document…</Button>
      {/* Mounted per opening, so a new paste never shows the last one's fields. */}
      {open ? <PasteDialog open onClose={() => setOpen(false)} /> : null}
    </>
  );
}
