import { studyContract, type CardsExport } from '../contract/study.js';
import type { HandlerTable } from './types.js';
import { ParallaxError } from '../../core/errors.js';
import {
  buildQueue,
  cardFromHighlight,
  checkAnswer,
  checkChoice,
  deleteCard,
  dueCounts,
  exportAnki,
  exportJson,
  getCard,
  getSettings,
  gradeCard,
  keyPassages,
  listCards,
  pendingGeneration,
  previewCard,
  readConnection,
  refreshCards,
  restoreCard,
  revertCard,
  setSettings,
  studyBackgroundOf,
  studyStats,
  undoLastGrade,
  updateCard,
} from '../../core/study/index.js';
import { getDocumentMeta } from '../../core/corpus/store.js';
import type { Db } from '../../core/db/open.js';

// Reads (cards.list, cards.get, cards.export, study.queue, study.stats, study.dueCounts,
// study.status, study.preview, study.keyPassages) write nothing: cards are prepared in the
// background after changes (core/study/background), or by the CLI after an import.

function requireDocument(db: Db, id: string): void {
  if (!getDocumentMeta(db, id)) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
}

export const studyHandlers: HandlerTable<typeof studyContract> = {
  // The analysis behind key passages may compute compare's statements: on a read-only connection.
  'study.keyPassages': ({ docId, limit }, { lib }) => keyPassages(readConnection(lib), docId, { limit }),

  'cards.list': ({ docId, state, kind }, { lib }) => {
    if (docId !== undefined) requireDocument(lib.db, docId);
    return listCards(lib.db, { docId, state, kind });
  },
  'cards.get': ({ id }, { lib }) => getCard(lib.db, id),
  // With a background (app, browser host) the rebuild runs in its worker; else here (CLI, tests).
  'cards.generate': (_input, { lib }) => studyBackgroundOf(lib)?.rebuild() ?? refreshCards(lib.db, { all: true }),
  'cards.update': ({ id, prompt, answer, alternatives, suspended }, { lib }) => updateCard(lib.db, id, { prompt, answer, alternatives, suspended }),
  'cards.delete': ({ id }, { lib }) => deleteCard(lib.db, id),
  'cards.restore': ({ id }, { lib }) => restoreCard(lib.db, id),
  'cards.revert': ({ id }, { lib }) => revertCard(lib.db, id),
  'cards.fromHighlight': ({ highlightId, start, end }, { lib }) => cardFromHighlight(lib.db, { highlightId, start, end }),
  'cards.export': ({ format }, { lib }): CardsExport => {
    if (format === 'json') {
      return { format, files: [{ name: 'parallax-cards.json', notetype: null, count: listCards(lib.db).length, content: JSON.stringify(exportJson(lib.db), null, 2) + '\n' }] };
    }
    return { format, files: exportAnki(listCards(lib.db)) };
  },

  'study.queue': ({ limit, docId }, { lib }) => {
    if (docId !== undefined) requireDocument(lib.db, docId);
    return buildQueue(lib.db, { limit, docId });
  },
  'study.grade': ({ cardId, rating, typed, chosen }, { lib }) => gradeCard(lib.db, cardId, rating, { typed, chosen }),
  'study.check': ({ cardId, typed, chosen }, { lib }) => {
    const card = getCard(lib.db, cardId);
    return chosen !== undefined && card.choice ? checkChoice(card, chosen) : checkAnswer(card.answer, typed ?? '', card.alternatives);
  },
  'study.undo': (_input, { lib }) => undoLastGrade(lib.db),
  'study.preview': ({ cardId }, { lib }) => previewCard(lib.db, cardId),
  'study.stats': (_input, { lib }) => studyStats(lib.db),
  'study.dueCounts': (_input, { lib }) => dueCounts(lib.db),
  'study.status': (_input, { lib }) => {
    const bg = studyBackgroundOf(lib);
    if (bg) return bg.status();
    // No background in this process (CLI): say how much is out of date, prepare nothing.
    const { pending } = pendingGeneration(lib.db);
    return { state: 'idle', done: 0, total: 0, pending, error: null };
  },
  'study.settings': ({ retention, newPerDay }, { lib }) =>
    retention === undefined && newPerDay === undefined ? getSettings(lib.db) : setSettings(lib.db, { retention, newPerDay }),
};
