import type { annotateContract } from '../contract/annotate.js';
import type { HandlerTable } from './types.js';
import { requireDocument } from '../../core/documents.js';
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
} from '../../core/annotate/index.js';

export const annotateHandlers: HandlerTable<typeof annotateContract> = {
  'highlights.list': ({ docId, color, text }, { lib }) => {
    if (docId !== undefined) requireDocument(lib.db, docId);
    return listHighlights(lib.db, { docId, color, text });
  },
  'highlights.get': ({ id }, { lib }) => getHighlight(lib.db, id),
  'highlights.create': ({ docId, start, end, color, note }, { lib }) => createHighlight(lib.db, { docId, start, end, color, note }),
  'highlights.update': ({ id, color, note }, { lib }) => updateHighlight(lib.db, id, { color, note }),
  'highlights.delete': ({ id }, { lib }) => deleteHighlight(lib.db, id),
  'highlights.restore': ({ record }, { lib }) => restoreHighlight(lib.db, record),
  'highlights.counterparts': ({ id }, { lib }) => highlightCounterparts(lib.db, id),
  'highlights.acrossSources': ({ id }, { lib }) => highlightAcrossSources(lib.db, id),
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
