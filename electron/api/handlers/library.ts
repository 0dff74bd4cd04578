import type { libraryContract } from '../contract/library.js';
import type { DocDetail, DocSummary } from '../types.js';
import type { HandlerTable } from './types.js';
import { ParallaxError } from '../../core/errors.js';
import { getDocument, getPassages, getSentences, listDocuments } from '../../core/corpus/store.js';
import { pastedFile } from '../../core/corpus/paste.js';
import { deleteImpact, requireDocument } from '../../core/documents.js';
import { getSettings, setSetting } from '../../core/settings.js';
import type { DocumentMeta } from '../../core/types.js';
import { getReadingState, readingProgressByDoc, saveReadingState } from '../../core/reading.js';

function summary(m: DocumentMeta, progress: number): DocSummary {
  const { contentHash: _h, ...rest } = m;
  return { ...rest, progress };
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
    requireDocument(lib.db, id);
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

  'docs.importText': async (input, { lib }) => {
    const [o] = await lib.importFiles([pastedFile(input)]);
    if (!o) throw new ParallaxError('INTERNAL', 'The pasted text was not imported.');
    return 'id' in o ? { file: o.file, id: o.id, replaced: o.replaced } : { file: o.file, error: o.error };
  },

  'docs.setPosition': ({ id, position, positionWithin, progress }, { lib }) => {
    requireDocument(lib.db, id);
    return saveReadingState(lib.db, id, { position, positionWithin: positionWithin ?? 0, progress });
  },

  'settings.get': (_input, { lib }) => getSettings(lib.db),

  'settings.set': ({ key, value }, { lib }) => setSetting(lib.db, key, value),
};
