import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, dailyBackupIfDue, DEFAULT_KEEP } from './db/backup.js';
import { storageError } from './db/errors.js';
import { DB_FILE_NAME, openDatabaseChecked, type Db, type OpenOptions } from './db/open.js';
import { CODE_SCHEMA_VERSION, migrate } from './db/migrate.js';
import { pragmaNumber } from './db/pragma.js';
import { errorMessage, ParallaxError } from './errors.js';
import { ingestDecoded, markBundledDeleted, syncBundledCorpus, type ImportFile, type ImportOutcome } from './corpus/ingest.js';
import { ImportRunner, type ImportRunnerOptions } from './corpus/import-worker-runner.js';
import { deleteDocumentRow, getDocumentMeta } from './corpus/store.js';
import { defaultCorpusDir } from './paths.js';
import { createSearchEngine } from './search/index.js';
import { liveFingerprints } from './search/store.js';
import type { SearchEngine } from './search/types.js';

export interface DocumentsChange {
  upserted: string[];
  removed: string[];
  /** Documents whose text was replaced by a new version: id -> the text before. */
  replaced: Map<string, string>;
  /** Made by another process (CLI, browser host, app) on the same library; texts before are unknown. */
  external?: boolean;
}

type ChangeListener = (change: DocumentsChange) => void | Promise<void>;

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

export interface Library {
  readonly dataDir: string;
  readonly dbPath: string;
  readonly db: Db;
  readonly search: SearchEngine;
  /** Opened read-only (on request, or because the file is damaged): every write is refused. */
  readonly readOnly: boolean;
  /** What SQLite's check found when a damaged library was opened read-only; null when sound. */
  readonly damage: string[] | null;
  /** Features that keep derived data (anchoring, caches) subscribe here. */
  onDocumentsChanged(listener: ChangeListener): () => void;
  /** Features that hold resources (a worker thread) release them here, before the database closes. */
  onClose(listener: () => void | Promise<void>): () => void;
  /** Each file is decoded in the import thread (under its limits), then stored all-or-nothing. */
  importFiles(files: ImportFile[], options?: { onProgress?: (p: ImportProgress) => void }): Promise<ImportOutcome[]>;
  deleteDocument(id: string): Promise<void>;
  /**
   * Notice writes made by another connection (another process on this library) and bring the
   * search index and subscribers up to date. Cheap when nothing changed (one pragma); the
   * dispatcher calls it before answering each request.
   */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenLibraryOptions extends OpenOptions {
  dataDir: string;
  /** The bundled corpus to load on first open; null for none (tests). */
  corpusDir?: string | null;
  /** Time and memory limits of the import thread. */
  importLimits?: ImportRunnerOptions;
  /** Automatic backups (before a migration, daily): how many to keep; 0 turns them off. */
  keepBackups?: number;
}

function writableDb(file: string, options: OpenLibraryOptions): { db: Db; damage: string[] | null; fresh: boolean } {
  const fresh = !fs.existsSync(file);
  const { db, damage } = openDatabaseChecked(file, { ...options, migrate: false });
  return { db, damage: damage ? damage.problems : null, fresh };
}

/** Open (or create) the library in dataDir: checks, backups, migrations, bundled corpus, search. */
export async function openLibrary(options: OpenLibraryOptions): Promise<Library> {
  const dataDir = path.resolve(options.dataDir);
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new ParallaxError('IO_ERROR', `The data folder ${dataDir} is a file, not a folder. Choose a folder for the library.`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const dbPath = path.join(dataDir, DB_FILE_NAME);
  const readOnly = options.readonly ?? false;
  const keep = options.keepBackups ?? DEFAULT_KEEP;
  const { db, damage, fresh } = writableDb(dbPath, options);
  let synced: { added: string[]; updated: string[] } = { added: [], updated: [] };
  try {
    if (!readOnly) {
      const version = pragmaNumber(db, 'user_version');
      // A copy before the schema changes, and one a day: a bad migration or a bad day is undone
      // by `parallax restore`. A library created just now has nothing worth copying.
      if (!fresh && keep > 0 && version > 0 && version < CODE_SCHEMA_VERSION) await backupDatabase(db, dbPath, `before-schema-${CODE_SCHEMA_VERSION}`, { keep });
      migrate(db, dbPath);
      // The daily copy is a convenience: a full disk or a read-only backups/ folder must not
      // keep the library from opening (the copy before a migration, above, must succeed).
      if (!fresh && keep > 0) {
        await dailyBackupIfDue(db, dbPath, new Date(), keep).catch((e: unknown) =>
          process.stderr.write(`[parallax] the daily backup was not made: ${errorMessage(e)}\n`),
        );
      }
      const corpusDir = options.corpusDir === undefined ? defaultCorpusDir() : options.corpusDir;
      if (corpusDir) synced = syncBundledCorpus(db, corpusDir);
    }
  } catch (e) {
    db.close();
    throw storageError(e, 'the library was not changed') ?? e;
  }
  const search = createSearchEngine({ db, dbPath, readonly: readOnly });
  const runner = new ImportRunner(options.importLimits);
  const listeners = new Set<ChangeListener>();
  const closers = new Set<() => void | Promise<void>>();
  let closing: Promise<void> | null = null;

  // What this process knows of each document (content fingerprint), to tell another
  // process's writes from our own when PRAGMA data_version moves.
  let known = liveFingerprints(db);
  let dataVersion = pragmaNumber(db, 'data_version');
  // Writes to documents by any connection (migration 0009's triggers); null on an older schema
  // (a read-only library not migrated), where every data_version change means a diff.
  const documentsCounter = (): number | null => {
    try {
      return db.prepare<[], { documents: number }>('SELECT documents FROM library_changes WHERE id = 1').get()?.documents ?? null;
    } catch {
      return null;
    }
  };
  let lastCounter = documentsCounter();
  let syncing: Promise<void> | null = null;

  const remember = (ids: string[]): void => {
    const now = liveFingerprints(db, ids);
    for (const id of ids) {
      const fp = now.get(id);
      if (fp) known.set(id, `${fp.split(':')[0]}:*`);
      else known.delete(id);
    }
  };

  const emit = async (change: DocumentsChange): Promise<void> => {
    try {
      if (change.external && search.externalChange) await search.externalChange(change);
      else await search.documentsChanged({ upserted: change.upserted, removed: change.removed });
    } catch (e) {
      // The documents are stored; only their index lags. search.status says so ("Indexing n of
      // m") and the next open indexes what is missing, so the caller's report stays true.
      process.stderr.write(`[parallax] the search index could not take the change yet: ${errorMessage(e)}\n`);
    }
    for (const l of listeners) await l(change);
  };
  if (synced.added.length || synced.updated.length) {
    await search.documentsChanged({ upserted: [...synced.added, ...synced.updated], removed: [] });
    known = liveFingerprints(db);
    lastCounter = documentsCounter();
  }

  const assertWritable = (what: string): void => {
    if (readOnly) {
      throw new ParallaxError(
        'DB_READ_ONLY',
        `The library is open read-only${damage ? ' because it is damaged' : ''}; ${what}. ` +
          (damage ? 'Restore a backup (parallax restore) to make changes again.' : 'Open it normally to make changes.'),
      );
    }
  };

  const syncNow = async (): Promise<void> => {
    const v = pragmaNumber(db, 'data_version');
    if (v === dataVersion) return;
    dataVersion = v;
    // Something was committed elsewhere; only a change to documents needs the diff below.
    const counter = documentsCounter();
    if (counter !== null && counter === lastCounter) return;
    lastCounter = counter;
    const now = liveFingerprints(db);
    const upserted: string[] = [];
    const removed: string[] = [];
    for (const [id, fp] of now) if (known.get(id) !== fp) upserted.push(id);
    for (const id of known.keys()) if (!now.has(id)) removed.push(id);
    known = now;
    if (upserted.length || removed.length) await emit({ upserted, removed, replaced: new Map(), external: true });
  };

  const sync = (): Promise<void> => {
    if (closing) return Promise.resolve();
    syncing ??= syncNow().finally(() => {
      syncing = null;
    });
    return syncing;
  };

  return {
    dataDir,
    dbPath,
    db,
    search,
    readOnly,
    damage,
    onDocumentsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onClose(listener) {
      closers.add(listener);
      return () => closers.delete(listener);
    },
    async importFiles(files, opts = {}) {
      assertWritable('nothing was imported');
      await sync();
      const outcomes: ImportOutcome[] = [];
      const upserted: string[] = [];
      const replaced = new Map<string, string>();
      const now = new Date();
      for (const [i, f] of files.entries()) {
        const file = path.basename(f.name);
        opts.onProgress?.({ done: i, total: files.length, file });
        if (closing) {
          outcomes.push({ file, error: { code: 'CANCELLED', message: `Parallax is closing; ${file} was not imported.` } });
          continue;
        }
        try {
          const decoded = await runner.decode(file, f.bytes);
          if (closing) throw new ParallaxError('CANCELLED', `Parallax is closing; ${file} was not imported.`);
          // One transaction: the file is stored whole or not at all.
          const result = ingestDecoded(db, file, decoded, now);
          outcomes.push({ file, id: result.doc.id, replaced: Boolean(result.previous), result });
          upserted.push(result.doc.id);
          if (result.previous) replaced.set(result.doc.id, result.previous.text);
        } catch (e) {
          const err = storageError(e, `${file} was not imported (nothing of it was saved)`);
          if (err) outcomes.push({ file, error: { code: err.code, message: err.message } });
          else outcomes.push({ file, error: { code: 'INTERNAL', message: `${file} could not be imported: ${errorMessage(e)}` } });
        }
      }
      opts.onProgress?.({ done: files.length, total: files.length, file: '' });
      if (upserted.length) {
        remember(upserted);
        lastCounter = documentsCounter();
        await emit({ upserted, removed: [], replaced });
      }
      return outcomes;
    },
    async deleteDocument(id) {
      assertWritable('nothing was deleted');
      await sync();
      const meta = getDocumentMeta(db, id);
      if (!meta) throw new ParallaxError('NOT_FOUND', `No document with id ${id} is in the library.`);
      try {
        db.transaction(() => {
          if (meta.origin === 'bundled') markBundledDeleted(db, id);
          deleteDocumentRow(db, id);
        }).immediate();
      } catch (e) {
        throw storageError(e, 'nothing was deleted') ?? e;
      }
      known.delete(id);
      lastCounter = documentsCounter();
      await emit({ upserted: [], removed: [id], replaced: new Map() });
    },
    sync,
    close() {
      closing ??= (async () => {
        // The import thread first: a file being read is abandoned (nothing of it was written).
        await runner.close();
        for (const c of closers) await c();
        await search.close();
        if (!readOnly) {
          try {
            // Fold the WAL into the database file, so a copied or backed-up library is whole.
            db.pragma('wal_checkpoint(TRUNCATE)');
          } catch {
            // Another process is reading; SQLite checkpoints on its own later.
          }
        }
        db.close();
      })();
      return closing;
    },
  };
}

