import { studyContract, type CardsExport } from '../contract/study.js';
import type { HandlerTable } from './types.js';
import { ParallaxError } from '../../core/errors.js';
import {
  buildQueue,
  cardFromHighlight,
  checkAnswer,
  deleteCard,
  dueCounts,
  ensureCards,
  exportAnki,
  exportJson,
  getCard,
  getSettings,
  gradeCard,
  keyPassages,
  listCards,
  previewCard,
  regenerateCards,
  restoreCard,
  revertCard,
  setSettings,
  studyStats,
  undoLastGrade,
  updateCard,
} from '../../core/study/index.js';
import type { Db } from '../../core/db/open.js';

function requireDocument(db: Db, id: string): void {
  if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id)) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
}

export const studyHandlers: HandlerTable<typeof studyContract> = {
  'study.keyPassages': ({ docId, limit }, { lib }) => keyPassages(lib.db, docId, { limit }),

  'cards.list': ({ docId, state, kind }, { lib }) => {
    if (docId !== undefined) requireDocument(lib.db, docId);
    ensureCards(lib.db);
    return listCards(lib.db, { docId, state, kind });
  },
  'cards.get': ({ id }, { lib }) => getCard(lib.db, id),
  'cards.generate': (_input, { lib }) => regenerateCards(lib.db),
  'cards.update': ({ id, prompt, answer, alternatives, suspended }, { lib }) => updateCard(lib.db, id, { prompt, answer, alternatives, suspended }),
  'cards.delete': ({ id }, { lib }) => deleteCard(lib.db, id),
  'cards.restore': ({ id }, { lib }) => restoreCard(lib.db, id),
  'cards.revert': ({ id }, { lib }) => revertCard(lib.db, id),
  'cards.fromHighlight': ({ highlightId, start, end }, { lib }) => cardFromHighlight(lib.db, { highlightId, start, end }),
  'cards.export': ({ format }, { lib }): CardsExport => {
    ensureCards(lib.db);
    if (format === 'json') {
      return { format, files: [{ name: 'parallax-cards.json', notetype: null, count: listCards(lib.db).length, content: JSON.stringify(exportJson(lib.db), null, 2) + '\n' }] };
    }
    return { format, files: exportAnki(listCards(lib.db)) };
  },

  'study.queue': ({ limit, docId }, { lib }) => {
    if (docId !== undefined) requireDocument(lib.db, docId);
    ensureCards(lib.db);
    return buildQueue(lib.db, { limit, docId });
  },
  'study.grade': ({ cardId, rating, typed }, { lib }) => gradeCard(lib.db, cardId, rating, { typed }),
  'study.check': ({ cardId, typed }, { lib }) => {
    const card = getCard(lib.db, cardId);
    return checkAnswer(card.answer, typed, card.alternatives);
  },
  'study.undo': (_input, { lib }) => undoLastGrade(lib.db),
  'study.preview': ({ cardId }, { lib }) => previewCard(lib.db, cardId),
  'study.stats': (_input, { lib }) => {
    ensureCards(lib.db);
    return studyStats(lib.db);
  },
  'study.dueCounts': (_input, { lib }) => {
    ensureCards(lib.db);
    return dueCounts(lib.db);
  },
  'study.settings': ({ retention, newPerDay }, { lib }) =>
    retention === undefined && newPerDay === undefined ? getSettings(lib.db) : setSettings(lib.db, { retention, newPerDay }),
};
