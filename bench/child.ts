import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { importFiles } from '../electron/core/corpus/ingest.js';
import { openDatabase } from '../electron/core/db/open.js';
import { openLibrary } from '../electron/core/library.js';
import { addToFts, createFtsTable, ftsQuery, openFts } from './fts5.js';
import { toFts5, type QuerySet } from './queries.js';

// One measurement in a FRESH process, so open times are cold and peak memory belongs to the
// process holding the index (worker threads included: they share the process). Prints one
// JSON line on stdout.

export interface ServePayload {
  queries: QuerySet;
  imports: Array<{ name: string; text: string; marker: string }>;
  rounds: number;
}

const peakRssMB = (): number => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
const now = (): number => performance.now();

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = now();
  const v = await fn();
  return [v, now() - t0];
}

async function lunrBuild(dir: string): Promise<Record<string, number>> {
  const t0 = now();
  const lib = await openLibrary({ dataDir: dir, corpusDir: null });
  await lib.search.ready();
  const buildMs = now() - t0;
  const [, mergeMs] = await timed(() => lib.search.flush?.());
  const stats = await lib.search.stats?.();
  const bytes = (lib.db.prepare('SELECT coalesce(sum(bytes), 0) AS b FROM search_segments').get() as { b: number }).b;
  await lib.close();
  return { buildMs, mergeMs, segments: stats?.segments ?? 0, passages: stats?.passages ?? 0, indexBytes: bytes, peakRssMB: peakRssMB() };
}

async function lunrServe(dir: string, payload: ServePayload): Promise<Record<string, unknown>> {
  const first = payload.queries.mixed[0] as string;
  const tOpen = now();
  const lib = await openLibrary({ dataDir: dir, corpusDir: null });
  const openLibraryMs = now() - tOpen;
  const firstRes = await lib.search.query(first, { limit: 20 });
  // From openLibrary() to the answer; performance.now() itself counts from process start
  // (Node's start-up and loading the app's modules included).
  const openToFirstAnswerMs = now() - tOpen;
  const processStartToFirstAnswerMs = now();
  await lib.search.ready();
  const run = async (qs: string[]): Promise<number[]> => {
    const out: number[] = [];
    for (const q of qs) {
      const t = now();
      await lib.search.query(q, { limit: 20 });
      out.push(now() - t);
    }
    return out;
  };
  await run(payload.queries.mixed);
  await run(payload.queries.prefix);
  const mixed: number[] = [];
  const prefix: number[] = [];
  for (let r = 0; r < payload.rounds; r++) {
    mixed.push(...(await run(payload.queries.mixed)));
    prefix.push(...(await run(payload.queries.prefix)));
  }
  // Import one document -> searchable. The search engine's part ends when its
  // documentsChanged resolves; other features' listeners run after it.
  const engine = lib.search;
  const original = engine.documentsChanged.bind(engine);
  let indexedAt = 0;
  engine.documentsChanged = async (c) => {
    await original(c);
    indexedAt = now();
  };
  const imports: Array<{ searchableMs: number; totalMs: number }> = [];
  for (const doc of payload.imports) {
    const t0 = now();
    const outcomes = await lib.importFiles([{ name: doc.name, bytes: Buffer.from(doc.text, 'utf8') }]);
    const tDone = now();
    const id = outcomes[0] && 'id' in outcomes[0] ? outcomes[0].id : null;
    const [res, qMs] = await timed(() => lib.search.query(doc.marker, { limit: 5 }));
    if (!id || !res.hits.some((h) => h.docId === id)) throw new Error(`Imported ${doc.name} was not found by its marker word.`);
    imports.push({ searchableMs: indexedAt - t0 + qMs, totalMs: tDone - t0 + qMs });
  }
  const stats = await lib.search.stats?.();
  await lib.close();
  return {
    openLibraryMs,
    openToFirstAnswerMs,
    processStartToFirstAnswerMs,
    firstHits: firstRes.hits.length,
    mixed,
    prefix,
    imports,
    segments: stats?.segments ?? 0,
    peakRssMB: peakRssMB(),
  };
}

function ftsBuild(dir: string): Record<string, number> {
  const file = path.join(dir, 'fts.sqlite');
  fs.rmSync(file, { force: true });
  const t0 = now();
  const fts = openFts(file);
  createFtsTable(fts);
  const lib = new Database(path.join(dir, 'library.sqlite'), { readonly: true });
  const passages = addToFts(fts, lib);
  fts.exec("INSERT INTO fts (fts) VALUES ('optimize')");
  const buildMs = now() - t0;
  fts.pragma('wal_checkpoint(TRUNCATE)');
  fts.close();
  lib.close();
  return { buildMs, passages, indexBytes: fs.statSync(file).size, peakRssMB: peakRssMB() };
}

async function ftsServe(dir: string, payload: ServePayload): Promise<Record<string, unknown>> {
  const first = payload.queries.mixed[0] as string;
  const tOpen = now();
  const fts = openFts(path.join(dir, 'fts.sqlite'));
  const firstRes = ftsQuery(fts, toFts5(first));
  const openToFirstAnswerMs = now() - tOpen;
  const processStartToFirstAnswerMs = now();
  const run = (qs: string[]): number[] =>
    qs.map((q) => {
      const t = now();
      ftsQuery(fts, toFts5(q));
      return now() - t;
    });
  run(payload.queries.mixed);
  run(payload.queries.prefix);
  const mixed: number[] = [];
  const prefix: number[] = [];
  for (let r = 0; r < payload.rounds; r++) {
    mixed.push(...run(payload.queries.mixed));
    prefix.push(...run(payload.queries.prefix));
  }
  // The same ingest (normalise, segment, store) as the product, then the FTS5 insert.
  const lib = openDatabase(path.join(dir, 'library.sqlite'));
  const imports: Array<{ searchableMs: number; totalMs: number }> = [];
  for (const doc of payload.imports) {
    const t0 = now();
    const [o] = await importFiles(lib, [{ name: doc.name, bytes: Buffer.from(doc.text, 'utf8') }]);
    if (!o || !('id' in o)) throw new Error(`FTS5 import of ${doc.name} failed.`);
    addToFts(fts, lib, [o.id]);
    const hits = ftsQuery(fts, toFts5(doc.marker), 5);
    if (!hits.some((h) => h.docId === o.id)) throw new Error(`FTS5 did not find ${doc.name} by its marker word.`);
    const ms = now() - t0;
    imports.push({ searchableMs: ms, totalMs: ms });
  }
  lib.close();
  fts.close();
  return { openToFirstAnswerMs, processStartToFirstAnswerMs, firstHits: firstRes.length, mixed, prefix, imports, peakRssMB: peakRssMB() };
}

async function main(): Promise<void> {
  const [mode, dir, payloadFile] = process.argv.slice(2);
  if (!mode || !dir) throw new Error('usage: child.js MODE DIR [PAYLOAD.json]');
  const payload = payloadFile && mode.endsWith('-serve') ? (JSON.parse(fs.readFileSync(payloadFile, 'utf8')) as ServePayload) : null;
  let out: unknown;
  if (mode === 'lunr-build') out = await lunrBuild(dir);
  else if (mode === 'lunr-serve' && payload) out = await lunrServe(dir, payload);
  else if (mode === 'fts-build') out = ftsBuild(dir);
  else if (mode === 'fts-serve' && payload) out = await ftsServe(dir, payload);
  else if (mode === 'section') {
    // A section of another feature, in its own process: `dir` is the module, then the size.
    const mod = (await import(pathToFileURL(dir).href)) as { run?: (o: { docs: number }) => Promise<Record<string, number | string>> };
    if (typeof mod.run !== 'function') throw new Error(`${dir} exports no run()`);
    out = await mod.run({ docs: Number(payloadFile) });
  } else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench child failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
