import type { Db } from '../db/open.js';
import { longDate } from './citation.js';
import { exportSelection, type ExportOptions } from './export-select.js';
import type { HighlightRecord } from './types.js';

// Markdown export: one section per document, headed by its title with its source (outlet and
// date) under it, its free note, then each highlight as a block quote, located the way a person
// finds it again (the paragraph number, counting the paragraphs a reader sees: not headings or
// page furniture) with its colour and note. Orphans are listed last under "Could not be placed"
// so nothing the reader made is silently dropped. With `only`, exactly the given highlights and
// notes are exported (the Notes view's filters).

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

interface PassageRow {
  start: number;
  end: number;
  kind: string;
}

/** Where a highlight is, in words: "Paragraph 4", "Paragraphs 4–5", "Heading". */
export function locate(passages: readonly PassageRow[], start: number, end: number): string | null {
  let paragraph = 0;
  let first: string | null = null;
  let firstNumber = 0;
  let lastNumber = 0;
  for (const p of passages) {
    const counted = p.kind !== 'heading' && p.kind !== 'meta';
    if (counted) paragraph++;
    if (p.end <= start || p.start >= Math.max(end, start + 1)) continue;
    if (first === null) first = counted ? 'paragraph' : p.kind === 'heading' ? 'heading' : 'other';
    if (counted) {
      if (!firstNumber) firstNumber = paragraph;
      lastNumber = paragraph;
    }
  }
  if (firstNumber) return firstNumber === lastNumber ? `Paragraph ${firstNumber}` : `Paragraphs ${firstNumber}–${lastNumber}`;
  return first === 'heading' ? 'Heading' : null;
}

function highlightBlock(h: HighlightRecord, passages: readonly PassageRow[]): string {
  const lines = [quoteBlock(h.exact), ''];
  const where = h.orphan ? null : locate(passages, h.start, h.end);
  lines.push(`— ${[where, `${h.color} highlight`].filter(Boolean).join(' · ')}`);
  if (h.note) lines.push('', h.note.includes('\n') ? `**Note:**\n\n${h.note}` : `**Note:** ${h.note}`);
  return lines.join('\n');
}

/** The source line under a document's heading: outlet and date, saying so when either is unknown. */
export function sourceLine(d: { outlet: string | null; published: string | null }): string {
  return `${escapeMarkdown(d.outlet ?? 'Outlet unknown')} · ${longDate(d.published) ?? 'Undated'}`;
}

export function exportMarkdown(db: Db, options: ExportOptions & { now?: Date } = {}): { content: string; count: number } {
  const { highlights, notes } = exportSelection(db, options);
  const docs = db.prepare<[], DocRow>('SELECT id, title, outlet, published FROM documents ORDER BY published IS NULL, published, title, id').all();
  const passagesOf = db.prepare<[string], PassageRow>('SELECT start, end, kind FROM passages WHERE doc_id = ? ORDER BY idx');
  const out: string[] = ['# Highlights and notes', ''];
  const stamp = (options.now ?? new Date()).toISOString().slice(0, 10);
  const what = `${highlights.length} highlight${highlights.length === 1 ? '' : 's'}, ${notes.length} document note${notes.length === 1 ? '' : 's'}`;
  out.push(`Exported from Parallax on ${longDate(stamp)}: ${what}${options.only ? ' (the ones shown in Notes with its filters)' : ''}.`, '');
  for (const d of docs) {
    const mine = highlights.filter((h) => h.docId === d.id).sort((a, b) => a.start - b.start || a.end - b.end);
    const note = notes.find((n) => n.docId === d.id);
    if (mine.length === 0 && !note) continue;
    const passages = passagesOf.all(d.id);
    out.push(`## ${escapeMarkdown(d.title)}`, '', sourceLine(d), '');
    if (note) out.push('### Note on this document', '', note.body, '');
    const placed = mine.filter((h) => !h.orphan);
    const orphans = mine.filter((h) => h.orphan);
    if (placed.length) out.push('### Highlights', '');
    for (const h of placed) out.push(highlightBlock(h, passages), '');
    if (orphans.length) {
      out.push('### Could not be placed', '', 'These words are no longer in the current text of the document.', '');
      for (const h of orphans) out.push(highlightBlock(h, passages), '');
    }
  }
  return { content: out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n', count: highlights.length + notes.length };
}
