import type { Db } from '../../../electron/core/db/open.js';
import type { CardLike } from '../../../electron/core/study/gen/check.js';

// Generated cards as stored, with their documents, for the generation tests.

export interface StoredCard extends CardLike {
  id: string;
  docIds: string[];
}

export function storedCards(db: Db): StoredCard[] {
  const cols = new Set((db.prepare('PRAGMA table_info(cards)').all() as Array<{ name: string }>).map((c) => c.name));
  const choice = cols.has('options') ? ', options, answers' : '';
  const rows = db.prepare(`SELECT id, kind, prompt, answer, passage${choice} FROM cards WHERE origin = 'generated' AND deleted = 0`).all() as Array<{
    id: string;
    kind: string;
    prompt: string;
    answer: string;
    passage: string;
    options?: string;
    answers?: string;
  }>;
  const docs = db.prepare('SELECT DISTINCT doc_id FROM card_sources WHERE card_id = ?');
  return rows.map((r) => ({
    ...r,
    options: r.options ? (JSON.parse(r.options) as string[]) : [],
    answers: r.answers ? (JSON.parse(r.answers) as string[]) : [],
    docIds: (docs.all(r.id) as Array<{ doc_id: string }>).map((d) => d.doc_id),
  }));
}

