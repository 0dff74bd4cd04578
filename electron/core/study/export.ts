import type { Db } from '../db/open.js';
import { listCards } from './cards.js';
import { BLANK } from './generate.js';
import { getSettings } from './schedule.js';
import type { Card } from './types.js';

// The deck for other tools. Anki: plain-text import with file headers (Anki 2.1.54+), one
// file per note type because a file's #notetype applies to all of its rows: cloze cards as
// Cloze notes ({{c1::answer}}), the others as Basic notes. JSON: every card with its
// sources and scheduling, and the review log.

export const ANKI_DECK = 'Parallax';

export interface AnkiFile {
  /** Suggested file name. */
  name: string;
  notetype: 'Cloze' | 'Basic';
  count: number;
  content: string;
}

function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\t/g, ' ').replace(/\r?\n/g, '<br>');
}

/** Inside a cloze deletion "::" and "}}" would end it early. */
function clozeSafe(s: string): string {
  return s.replace(/::/g, ': :').replace(/}}/g, '} }').replace(/{{/g, '{ {');
}

function tagsOf(c: Card): string {
  const tags = ['parallax', `parallax::${c.kind}`, ...c.docIds.map((id) => `parallax::doc::${id}`)];
  if (c.suspended) tags.push('parallax::suspended');
  if (c.edited) tags.push('parallax::edited');
  return tags.join(' ');
}

function sourcesLine(c: Card): string {
  const labels = [...new Set(c.sources.map((s) => s.label))];
  return labels.length ? `<small>Source${labels.length > 1 ? 's' : ''}: ${labels.map(html).join('; ')}</small>` : '';
}

function header(notetype: 'Cloze' | 'Basic', columns: string[]): string {
  return [
    '#separator:tab',
    '#html:true',
    `#notetype:${notetype}`,
    `#deck:${ANKI_DECK}`,
    `#columns:${columns.join('\t')}`,
    `#tags column:${columns.length}`,
  ].join('\n');
}

/** A cloze card whose prompt still has exactly one blank can be an Anki Cloze note. */
function asCloze(c: Card): string | null {
  if (c.kind !== 'cloze' && c.kind !== 'highlight') return null;
  const at = c.prompt.indexOf(BLANK);
  if (at < 0 || c.prompt.indexOf(BLANK, at + BLANK.length) >= 0) return null;
  return `${html(c.prompt.slice(0, at))}{{c1::${clozeSafe(html(c.answer))}}}${html(c.prompt.slice(at + BLANK.length))}`;
}

export function exportAnki(cards: Card[]): AnkiFile[] {
  const clozeRows: string[] = [];
  const basicRows: string[] = [];
  for (const c of cards) {
    if (c.deleted) continue;
    const extra = [c.kind === 'cloze' || c.kind === 'highlight' ? '' : html(c.passage), sourcesLine(c)].filter(Boolean).join('<br>');
    const text = asCloze(c);
    if (text !== null) clozeRows.push([text, extra, tagsOf(c)].join('\t'));
    else basicRows.push([html(c.prompt), [html(c.answer), extra].filter(Boolean).join('<br><br>'), tagsOf(c)].join('\t'));
  }
  const files: AnkiFile[] = [];
  if (clozeRows.length) {
    files.push({ name: 'parallax-cloze.txt', notetype: 'Cloze', count: clozeRows.length, content: `${header('Cloze', ['Text', 'Back Extra', 'Tags'])}\n${clozeRows.join('\n')}\n` });
  }
  if (basicRows.length) {
    files.push({ name: 'parallax-basic.txt', notetype: 'Basic', count: basicRows.length, content: `${header('Basic', ['Front', 'Back', 'Tags'])}\n${basicRows.join('\n')}\n` });
  }
  return files;
}

interface ReviewExportRow {
  id: number;
  card_id: string;
  kind: string;
  undoes: number | null;
  rating: number | null;
  reviewed_at: string;
  elapsed_days: number | null;
  scheduled_days: number | null;
  state_before: number | null;
  state_after: number | null;
  due_after: string | null;
}

export interface JsonExport {
  format: 'parallax-cards';
  version: 1;
  exportedAt: string;
  deck: string;
  settings: ReturnType<typeof getSettings>;
  cards: Card[];
  reviews: Array<{
    id: number;
    cardId: string;
    kind: string;
    undoes: number | null;
    rating: number | null;
    reviewedAt: string;
    elapsedDays: number | null;
    scheduledDays: number | null;
    stateBefore: number | null;
    stateAfter: number | null;
    dueAfter: string | null;
  }>;
}

export function exportJson(db: Db, now = new Date()): JsonExport {
  const rows = db
    .prepare('SELECT id, card_id, kind, undoes, rating, reviewed_at, elapsed_days, scheduled_days, state_before, state_after, due_after FROM review_log ORDER BY id')
    .all() as ReviewExportRow[];
  return {
    format: 'parallax-cards',
    version: 1,
    exportedAt: now.toISOString(),
    deck: ANKI_DECK,
    settings: getSettings(db),
    cards: listCards(db),
    reviews: rows.map((r) => ({
      id: r.id,
      cardId: r.card_id,
      kind: r.kind,
      undoes: r.undoes,
      rating: r.rating,
      reviewedAt: r.reviewed_at,
      elapsedDays: r.elapsed_days,
      scheduledDays: r.scheduled_days,
      stateBefore: r.state_before,
      stateAfter: r.state_after,
      dueAfter: r.due_after,
    })),
  };
}
