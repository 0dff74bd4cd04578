import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/core/corpus/ingest.js';
import { pastedFile } from '../../../electron/core/corpus/paste.js';
import { getDocument, getPassages } from '../../../electron/core/corpus/store.js';
import { openDatabase } from '../../../electron/core/db/open.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function paste(p: Parameters<typeof pastedFile>[0]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-paste-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'library.sqlite'));
  const [o] = await importFiles(db, [pastedFile(p)]);
  if (!o || !('id' in o)) throw new Error(JSON.stringify(o));
  return { doc: getDocument(db, o.id)!, passages: getPassages(db, o.id), file: o.file };
}

describe('paste as a document', () => {
  it('HTML from the clipboard keeps its structure; the given title is the title; the source is provenance, not reading text', async () => {
    const { doc, passages, file } = await paste({
      title: 'Allies: notes / day 1',
      source: 'https://example.org/notes',
      html: '<p>The <b>ministers</b> met in Bucharest on Tuesday and talked about the winter.</p><ul><li>Energy aid</li><li>Open door</li></ul>',
      text: 'ignored when html is given',
    });
    expect(file).toBe('Allies notes day 1.html');
    expect(doc.title).toBe('Allies: notes / day 1');
    const kind = (s: string) => passages.find((p) => doc.text.slice(p.start, p.end).includes(s))?.kind;
    expect(kind('Source: https://example.org/notes')).toBe('meta');
    expect(kind('Energy aid')).toBe('list-item');
    expect(passages.find((p) => doc.text.slice(p.start, p.end).includes('ministers'))?.marks?.length).toBe(1);
  });

  it('plain text when the clipboard had no HTML', async () => {
    const { doc } = await paste({ title: 'Phone notes', text: 'First line of the notes.\n\nSecond paragraph.' });
    expect(doc.title).toBe('Phone notes');
    expect(doc.text).toBe('Phone notes\n\nFirst line of the notes.\n\nSecond paragraph.');
  });
});
