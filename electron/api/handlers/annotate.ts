import { annotateContract, type HighlightView } from '../contract/annotate.js';
import type { HandlerTable } from './types.js';
import { ParallaxError } from '../../core/errors.js';
import type { Db } from '../../core/db/open.js';
import {
  createHighlight,
  deleteHighlight,
  exportMarkdown,
  exportW3c,
  getDocNote,
  getHighlight,
  highlightAcrossSources,
  highlightCounterparts,
  importAnnotations,
  listDocNotes,
  listHighlights,
  restoreHighlight,
  searchNotes,
  setDocNote,
  updateHighlight,
  type HighlightRecord,
} from '../../core/annotate/index.js';

const view = (h: HighlightRecord): HighlightView => ({ ...h });

function requireDocument(db: Db, id: string): void {
  if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id)) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
}

export const annotateHandlers: HandlerTable<typeof annotateContract> = {
  'highlights.list': ({ docId, color, text }, { lib }) => {
    if (docId !== undefined) requireDocument(lib.db, docId);
    return listHighlights(lib.db, { docId, color, text }).map(view);
  },
  'highlights.get': ({ id }, { lib }) => view(getHighlight(lib.db, id)),
  'highlights.create': ({ docId, start, end, color, note }, { lib }) => view(createHighlight(lib.db, { docId, start, end, color, note })),
  'highlights.update': ({ id, color, note }, { lib }) => view(updateHighlight(lib.db, id, { color, note })),
  'highlights.delete': ({ id }, { lib }) => view(deleteHighlight(lib.db, id)),
  'highlights.restore': ({ record }, { lib }) => view(restoreHighlight(lib.db, record)),
  'highlights.counterparts': ({ id }, { lib }) => highlightCounterparts(lib.db, id),
  'highlights.acrossSources': ({ id }, { lib }) => highlightAcrossSources(lib.db, id).map(view),
  'notes.get': ({ docId }, { lib }) => getDocNote(lib.db, docId),
  'notes.set': ({ docId, body }, { lib }) => setDocNote(lib.db, docId, body),
  'notes.list': (_input, { lib }) => listDocNotes(lib.db),
  'notes.search': ({ query, limit }, { lib }) => searchNotes(lib.db, query, limit ?? 20),
  'annotations.export': ({ format, docId, only }, { lib }) => {
    if (docId !== undefined) requireDocument(lib.db, docId);
    const day = new Date().toISOString().slice(0, 10);
    const base = `parallax-${docId ? `${docId}-` : ''}annotations-${day}`;
    if (format === 'md') {
      const { content, count } = exportMarkdown(lib.db, { docId, only });
      return { content, count, filename: `${base}.md`, mimeType: 'text/markdown' };
    }
    const { content, count } = exportW3c(lib.db, { docId, only });
    return { content, count, filename: `${base}.jsonld`, mimeType: 'application/ld+json' };
  },
  'annotations.import': ({ content }, { lib }) => importAnnotations(lib.db, content),
};
