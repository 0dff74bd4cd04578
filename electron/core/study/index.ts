// Study: key passages, cards generated from them, FSRS scheduling, review log, export.
// Everything a transport needs goes through here.

export type * from './types.js';
export { BLANK } from './types.js';
export { keyPassages, KEY_THRESHOLD } from './keyPassages.js';
export {
  cardFromHighlight,
  deleteCard,
  ensureCards,
  getCard,
  listCards,
  regenerateCards,
  restoreCard,
  revertCard,
  updateCard,
  type CardEdit,
  type CardFilter,
  type SyncSummary,
} from './cards.js';
export {
  buildQueue,
  DEFAULT_SETTINGS,
  dueCounts,
  formatInterval,
  getSettings,
  gradeCard,
  localDate,
  previewCard,
  setSettings,
  studyStats,
  undoLastGrade,
} from './schedule.js';
export { checkAnswer, normaliseAnswer } from './answer.js';
export { checkChoice } from './choice.js';
export { refreshCards, pendingGeneration, type RefreshOptions } from './background/refresh.js';
export { startStudyBackground, studyBackgroundOf, StudyBackground } from './background/index.js';
export { readConnection } from './readConnection.js';
export { exportAnki, exportJson, ANKI_DECK, type AnkiFile, type JsonExport } from './export.js';
export { analyseLibrary } from './analysis.js';
export type { GeneratedCard } from './generate.js';
