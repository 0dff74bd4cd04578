import { libraryContract } from '../contract/library.js';
import type { DocDetail, DocSummary } from '../types.js';
import type { HandlerTable } from './types.js';
import { ParallaxError } from '../../core/errors.js';
import { getDocument, getDocumentMeta, getPassages, getSentences, listDocuments } from '../../core/corpus/store.js';
import type { DocumentMeta } from '../../core/types.js';
import type { Db } from '../../core/db/open.js';
import { getReadingState, readingProgressByDoc, saveReadingState } from '../../core/reading.js';

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
    const progress = readingProgressByDoc(lib.db);
    return listDocuments(lib.db).map((m) => summary(m, progress.get(m.id) ?? 0));
  },

  'docs.get': ({ id }, { lib }) => {
    const doc = getDocument(lib.db, id);
    if (!doc) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
    const { contentHash: _h, text, ...rest } = doc;
    const state = getReadingState(lib.db, id);
    const detail: DocDetail = {
      ...rest,
      text,
      progress: state.progress,
      position: state.position,
      positionWithin: state.positionWithin,
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

  'docs.setPosition': ({ id, position, positionWithin, progress }, { lib }) => {
    if (!getDocumentMeta(lib.db, id)) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return saveReadingState(lib.db, id, { position, positionWithin: positionWithin ?? 0, progress });
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
