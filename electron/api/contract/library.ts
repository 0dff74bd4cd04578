import { z } from 'zod';
import { op } from './op.js';
import type { DocDetail, DocSummary, ImportOutcome } from '../types.js';

export { IMPORT_EXTENSIONS, IMPORT_FORMATS, IMPORT_TYPES_SENTENCE, type ImportFormat } from '../../common/import-formats.js';

export const DocId = z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/, 'must be a document id');

export const libraryContract = {
  'docs.list': op<DocSummary[]>()(z.object({}).strict()),
  'docs.get': op<DocDetail>()(z.object({ id: DocId }).strict()),
  'docs.delete': op<{ deleted: string; highlights: number; notes: number }>()(z.object({ id: DocId }).strict()),
  /** What deleting would take with it, so the UI can ask for confirmation. */
  'docs.deleteImpact': op<{ highlights: number; notes: number; cards: number }>()(z.object({ id: DocId }).strict()),
  'docs.import': op<ImportOutcome[]>()(
    z
      .object({
        files: z
          .array(z.object({ name: z.string().min(1).max(512), dataBase64: z.string().max(30_000_000) }).strict())
          .min(1)
          .max(200),
      })
      .strict(),
  ),
  /** Paste as a document: the clipboard's HTML (when it had some) or text, with a title and source. */
  'docs.importText': op<ImportOutcome>()(
    z
      .object({
        title: z.string().trim().min(1).max(300),
        source: z.string().max(2000).optional(),
        html: z.string().max(20_000_000).optional(),
        text: z.string().max(20_000_000),
      })
      .strict(),
  ),
  /** position: start of the sentence at the top of the view; positionWithin: how far down it (0..1); progress never goes down. */
  'docs.setPosition': op<{ position: number; positionWithin: number; progress: number }>()(
    z
      .object({ id: DocId, position: z.number().int().min(0), positionWithin: z.number().min(0).max(1).optional(), progress: z.number().min(0).max(1) })
      .strict(),
  ),
  'settings.get': op<Record<string, string>>()(z.object({}).strict()),
  'settings.set': op<Record<string, string>>()(
    z.object({ key: z.string().min(1).max(64).regex(/^[a-zA-Z0-9_.-]+$/), value: z.string().max(10_000) }).strict(),
  ),
} as const;
