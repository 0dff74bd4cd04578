import { libraryContract } from '../contract/library.js';
import type { DocDetail, DocSummary } from '../types.js';
import type { HandlerTable } from './types.js';
import { ParallaxError } from '../../core/errors.js';
import { getDocument, getDocumentMeta, getPassages, getSentences, listDocuments } from '../../core/corpus/store.js';
import type { DocumentMeta } from '../../core/types.js';
import type { Db } from '../../core/db/open.js';

function readingState(db: Db, id: string): { position: number; progress: number } {
  const row = db.prepare('SELECT position, progress FROM reading_state WHERE doc_id = ?').get(id) as
    | { position: number; progress: number }
    | undefined;
  return row ?? { position: 0, progress: 0 };
}

function summary(m: DocumentMeta, progress: number): DocSummary {
  const { contentHash: _h, ...rest } = m;
  return { ...rest, progress };
}

/** Counts of what a document's deletion takes with it, from whichever feature tables exist. */
function countOwned(db: Db, table: string, docId: string, where = 'doc_id = ?'): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(docId) as { n: number }).n;
}

/** What deleting a document takes with it: the reader's highlights, notes and cards. */
function deleteImpact(db: Db, id: string): { highlights: number; notes: number; cards: number } {
  return {
    highlights: countOwned(db, 'highlights', id),
    notes: countOwned(db, 'highlights', id, "doc_id = ? AND note IS NOT NULL AND note <> ''") + countOwned(db, 'doc_notes', id),
    cards: countOwned(db, 'card_sources', id),
  };
}

export const libraryHandlers: HandlerTable<typeof libraryContract> = {
  'docs.list': (_input, { lib }) => {
    const progress = new Map(
      (lib.db.prepare('SELECT doc_id, progress FROM reading_state').all() as Array<{ doc_id: string; progress: number }>).map((r) => [r.doc_id, r.progress]),
    );
    return listDocuments(lib.db).map((m) => summary(m, progress.get(m.id) ?? 0));
  },

  'docs.get': ({ id }, { lib }) => {
    const doc = getDocument(lib.db, id);
    if (!doc) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
    const { contentHash: _h, text, ...rest } = doc;
    const state = readingState(lib.db, id);
    const detail: DocDetail = {
      ...rest,
      text,
      progress: state.progress,
      position: state.position,
      passages: getPassages(lib.db, id),
      sentences: getSentences(lib.db, id),
    };
    return detail;
  },

  'docs.deleteImpact': ({ id }, { lib }) => {
    if (!getDocumentMeta(lib.db, id)) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return deleteImpact(lib.db, id);
  },

  'docs.delete': async ({ id }, { lib }) => {
    const { highlights, notes } = deleteImpact(lib.db, id);
    await lib.deleteDocument(id);
    return { deleted: id, highlights, notes };
  },

  'docs.import': async ({ files }, { lib }) => {
    const outcomes = await lib.importFiles(files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })));
    return outcomes.map((o) => ('id' in o ? { file: o.file, id: o.id, replaced: o.replaced } : { file: o.file, error: o.error }));
  },

  'docs.setPosition': ({ id, position, progress }, { lib }) => {
    if (!getDocumentMeta(lib.db, id)) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
    lib.db
      .prepare(
        `INSERT INTO reading_state (doc_id, position, progress, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET position = excluded.position, progress = excluded.progress, updated_at = excluded.updated_at`,
      )
      .run(id, position, progress, new Date().toISOString());
    return { position, progress };
  },

  'settings.get': (_input, { lib }) => {
    const rows = lib.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  },

  'settings.set': ({ key, value }, { lib }) => {
    lib.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    const rows = lib.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  },
};
