import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME, openDatabase, type Db, type OpenOptions } from './db/open.js';
import { ParallaxError } from './errors.js';
import { importFiles, markBundledDeleted, syncBundledCorpus, type ImportFile, type ImportOutcome } from './corpus/ingest.js';
import { deleteDocumentRow, getDocumentMeta } from './corpus/store.js';
import { defaultCorpusDir } from './paths.js';
import { createSearchEngine } from './search/index.js';
import type { SearchEngine } from './search/types.js';

export interface DocumentsChange {
  upserted: string[];
  removed: string[];
  /** Documents whose text was replaced by a new version: id -> the text before. */
  replaced: Map<string, string>;
}

type ChangeListener = (change: DocumentsChange) => void | Promise<void>;

export interface Library {
  readonly dataDir: string;
  readonly dbPath: string;
  readonly db: Db;
  readonly search: SearchEngine;
  /** Features that keep derived data (anchoring, caches) subscribe here. */
  onDocumentsChanged(listener: ChangeListener): () => void;
  importFiles(files: ImportFile[]): Promise<ImportOutcome[]>;
  deleteDocument(id: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenLibraryOptions extends OpenOptions {
  dataDir: string;
  /** The bundled corpus to load on first open; null for none (tests). */
  corpusDir?: string | null;
}

/** Open (or create) the library in dataDir: database, bundled corpus, search engine. */
export async function openLibrary(options: OpenLibraryOptions): Promise<Library> {
  const dataDir = path.resolve(options.dataDir);
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new ParallaxError('IO_ERROR', `The data folder ${dataDir} is a file, not a folder. Choose a folder for the library.`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const dbPath = path.join(dataDir, DB_FILE_NAME);
  const db = openDatabase(dbPath, options);
  const corpusDir = options.corpusDir === undefined ? defaultCorpusDir() : options.corpusDir;
  const synced = corpusDir ? syncBundledCorpus(db, corpusDir) : { added: [], updated: [], unchanged: [] };
  const search = createSearchEngine({ db, dbPath });
  const listeners = new Set<ChangeListener>();

  const emit = async (change: DocumentsChange): Promise<void> => {
    await search.documentsChanged({ upserted: change.upserted, removed: change.removed });
    for (const l of listeners) await l(change);
  };
  if (synced.added.length || synced.updated.length) {
    await search.documentsChanged({ upserted: [...synced.added, ...synced.updated], removed: [] });
  }

  return {
    dataDir,
    dbPath,
    db,
    search,
    onDocumentsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async importFiles(files) {
      const outcomes = await importFiles(db, files);
      const upserted: string[] = [];
      const replaced = new Map<string, string>();
      for (const o of outcomes) {
        if ('id' in o) {
          upserted.push(o.id);
          if (o.result.previous) replaced.set(o.id, o.result.previous.text);
        }
      }
      if (upserted.length) await emit({ upserted, removed: [], replaced });
      return outcomes;
    },
    async deleteDocument(id) {
      const meta = getDocumentMeta(db, id);
      if (!meta) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
      db.transaction(() => {
        if (meta.origin === 'bundled') markBundledDeleted(db, id);
        deleteDocumentRow(db, id);
      }).immediate();
      await emit({ upserted: [], removed: [id], replaced: new Map() });
    },
    async close() {
      await search.close();
      db.close();
    },
  };
}
