import type { Db } from '../db/open.js';
import { citation, longDate } from './citation.js';
import { listHighlights } from './highlights.js';
import { listDocNotes } from './notes.js';
import type { HighlightRecord } from './types.js';

// Markdown export: one section per document (title, then a citation line), its free note,
// then each highlight as a block quote with its colour and note. Orphans are listed last under
// "Could not be placed" so nothing the reader made is silently dropped.

interface DocRow {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
}

/** Escape what Markdown would otherwise read as formatting in quoted source text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .split('\n')
    .map((line) => line.replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, '$1\\$2'))
    .join('\n');
}

const quoteBlock = (text: string): string =>
  escapeMarkdown(text)
    .split('\n')
    .map((l) => (l.trim() === '' ? '>' : `> ${l}`))
    .join('\n');

function highlightBlock(h: HighlightRecord): string {
  const lines = [quoteBlock(h.exact), ''];
  const colour = h.color.charAt(0).toUpperCase() + h.color.slice(1);
  lines.push(`*${colour} highlight${h.orphan ? '' : `, characters ${h.start}–${h.end}`}.*`);
  if (h.note) lines.push('', h.note.includes('\n') ? `**Note:**\n\n${h.note}` : `**Note:** ${h.note}`);
  return lines.join('\n');
}

export function exportMarkdown(db: Db, options: { docId?: string; now?: Date } = {}): { content: string; count: number } {
  const highlights = listHighlights(db, options.docId ? { docId: options.docId } : {});
  const notes = listDocNotes(db).filter((n) => !options.docId || n.docId === options.docId);
  const docs = db
    .prepare('SELECT id, title, outlet, published FROM documents ORDER BY published IS NULL, published, title, id')
    .all() as DocRow[];
  const out: string[] = ['# Highlights and notes', ''];
  const stamp = (options.now ?? new Date()).toISOString().slice(0, 10);
  out.push(`Exported from Parallax on ${longDate(stamp)}: ${highlights.length} highlight${highlights.length === 1 ? '' : 's'}, ${notes.length} document note${notes.length === 1 ? '' : 's'}.`, '');
  for (const d of docs) {
    const mine = highlights.filter((h) => h.docId === d.id);
    const note = notes.find((n) => n.docId === d.id);
    if (mine.length === 0 && !note) continue;
    out.push(`## ${escapeMarkdown(d.title)}`, '', `*${escapeMarkdown(citation(d))}* Document \`${d.id}\`.`, '');
    if (note) out.push('### Note on this document', '', note.body, '');
    const placed = mine.filter((h) => !h.orphan);
    const orphans = mine.filter((h) => h.orphan);
    if (placed.length) out.push('### Highlights', '');
    for (const h of placed) out.push(highlightBlock(h), '');
    if (orphans.length) {
      out.push('### Could not be placed', '', 'These words are no longer in the current text of the document.', '');
      for (const h of orphans) out.push(highlightBlock(h), '');
    }
  }
  return { content: out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n', count: highlights.length + notes.length };
}
