import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestDocument } from '../electron/core/corpus/ingest.js';
import { openDatabase } from '../electron/core/db/open.js';
import type { ServePayload } from './child.js';
import { CorpusGenerator, readSeedSentences, vocabularyProbes } from './corpus.js';
import { buildQuerySet } from './queries.js';

// `npm run bench`: the search benchmark (lunr as shipped beside an SQLite FTS5 reference
// over the same corpus and queries), then every section in bench/sections/.

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled: dist/bench/run.js. From source (tests run it with tsx): bench/run.ts.
const fromSource = import.meta.url.endsWith('.ts');
const ext = fromSource ? '.ts' : '.js';
const repo = fromSource ? path.resolve(here, '..') : path.resolve(here, '..', '..');
const IMPORTS_PER_ENGINE = 5;

interface Args {
  sizes: number[];
  json: boolean;
  rounds: number;
  keep: boolean;
  sectionsOnly: boolean;
  noSections: boolean;
  out: string;
  sectionTimeoutMs: number;
  sectionsDir: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sizes: [], json: false, rounds: 5, keep: false, sectionsOnly: false, noSections: false, out: path.join(repo, 'bench', 'results'), sectionTimeoutMs: 15 * 60_000, sectionsDir: path.join(here, 'sections') };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i] as string;
    if (v === '--json') a.json = true;
    else if (v === '--keep') a.keep = true;
    else if (v === '--sections-only') a.sectionsOnly = true;
    else if (v === '--no-sections') a.noSections = true;
    else if (v === '--docs' || v.startsWith('--docs=')) {
      const n = Number(v.includes('=') ? v.split('=')[1] : argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error('--docs takes a whole number of documents.');
      a.sizes.push(n);
    } else if (v === '--rounds') a.rounds = Math.max(1, Number(argv[++i]) || 5);
    else if (v === '--out') a.out = path.resolve(argv[++i] ?? a.out);
    else if (v === '--sections-dir') a.sectionsDir = path.resolve(argv[++i] ?? a.sectionsDir);
    else if (v === '--section-timeout') a.sectionTimeoutMs = Math.max(1, Number(argv[++i]) || 900) * 1000;
    else throw new Error(`Unknown option ${v}. Usage: npm run bench -- [--docs N] [--json] [--rounds R] [--out DIR] [--keep] [--no-sections] [--sections-only] [--section-timeout SECONDS] [--sections-dir DIR]`);
  }
  if (a.sizes.length === 0) a.sizes = [100, 1000];
  return a;
}

const log = (m: string): void => {
  process.stderr.write(m + '\n');
};

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}
const median = (xs: number[]): number => pct(xs, 50);
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;

function child(mode: string, dir: string, payload?: ServePayload, extra: string[] = [], timeoutMs = 0): Promise<Record<string, unknown>> {
  const args = [...(fromSource ? ['--import', 'tsx'] : []), path.join(here, `child${ext}`), mode, dir, ...extra];
  if (payload) {
    const f = path.join(dir, `payload-${mode}.json`);
    fs.writeFileSync(f, JSON.stringify(payload));
    args.push(f);
  }
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), p.kill('SIGKILL')), timeoutMs) : null;
    p.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    p.on('error', reject);
    p.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (timedOut) return reject(new Error(`bench step ${mode} took over ${Math.round(timeoutMs / 1000)} s and was stopped`));
      if (code !== 0) return reject(new Error(`bench step ${mode} exited with ${code}`));
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as Record<string, unknown>);
      } catch {
        reject(new Error(`bench step ${mode} printed no result`));
      }
    });
  });
}

interface EngineFigures {
  queryP50Ms: number;
  queryP95Ms: number;
  prefixP95Ms: number;
  openToFirstAnswerMs: number;
  importOneMs: number;
  peakRssMB: number;
  buildMs: number;
  indexMB: number;
  [k: string]: number;
}

function figures(build: Record<string, unknown>, serve: Record<string, unknown>): EngineFigures {
  const mixed = serve.mixed as number[];
  const prefix = serve.prefix as number[];
  const imports = serve.imports as Array<{ searchableMs: number; totalMs: number }>;
  return {
    queryP50Ms: r2(median(mixed)),
    queryP95Ms: r2(pct(mixed, 95)),
    prefixP95Ms: r2(pct(prefix, 95)),
    openToFirstAnswerMs: r1(serve.openToFirstAnswerMs as number),
    processStartToFirstAnswerMs: r1(serve.processStartToFirstAnswerMs as number),
    importOneMs: r1(median(imports.map((i) => i.searchableMs))),
    importOneMaxMs: r1(Math.max(...imports.map((i) => i.searchableMs))),
    importOneTotalMs: r1(median(imports.map((i) => i.totalMs))),
    peakRssMB: Math.max(build.peakRssMB as number, serve.peakRssMB as number),
    buildPeakRssMB: build.peakRssMB as number,
    servePeakRssMB: serve.peakRssMB as number,
    buildMs: r1(build.buildMs as number),
    indexMB: r2((build.indexBytes as number) / 1048576),
  };
}

/** Every bench/sections module, each in its own process (a slow or failing one is reported, not fatal). */
async function runSections(docs: number, args: Args): Promise<Record<string, Record<string, number | string>>> {
  const dir = args.sectionsDir;
  const timeoutMs = args.sectionTimeoutMs;
  const out: Record<string, Record<string, number | string>> = {};
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(ext) && !n.endsWith('.d.ts')).sort()) {
    const name = f.slice(0, -ext.length);
    log(`  section ${name}…`);
    const t0 = performance.now();
    try {
      out[name] = (await child('section', path.join(dir, f), undefined, [String(docs)], timeoutMs)) as Record<string, number | string>;
    } catch (e) {
      out[name] = { error: (e as Error)?.message ?? String(e) };
    }
    log(`  section ${name}: ${r1((performance.now() - t0) / 1000)} s`);
  }
  return out;
}

const GOALS: Record<number, Partial<Record<string, number>>> = {
  1000: { queryP95Ms: 5, openToFirstAnswerMs: 400, importOneMs: 300, peakRssMB: 250 },
  10000: { queryP95Ms: 50, prefixP95Ms: 150, openToFirstAnswerMs: 1500, importOneMs: 1000, peakRssMB: 1024 },
};

function table(docs: number, corpus: Record<string, number>, lunr: EngineFigures, fts: EngineFigures, ingestMs: number): string {
  const goals = GOALS[docs] ?? {};
  const rows: Array<[string, string, number, number]> = [
    ['index build (ms)', 'buildMs', lunr.buildMs, fts.buildMs],
    ['index size (MB)', 'indexMB', lunr.indexMB, fts.indexMB],
    ['open -> first answer (ms)', 'openToFirstAnswerMs', lunr.openToFirstAnswerMs, fts.openToFirstAnswerMs],
    ['process start -> first answer', 'processStartToFirstAnswerMs', lunr.processStartToFirstAnswerMs as number, fts.processStartToFirstAnswerMs as number],
    ['query p50 (ms)', 'queryP50Ms', lunr.queryP50Ms, fts.queryP50Ms],
    ['query p95 (ms)', 'queryP95Ms', lunr.queryP95Ms, fts.queryP95Ms],
    ['prefix p95 (ms)', 'prefixP95Ms', lunr.prefixP95Ms, fts.prefixP95Ms],
    ['import one -> searchable (ms)', 'importOneMs', lunr.importOneMs, fts.importOneMs],
    ['peak RSS (MB)', 'peakRssMB', lunr.peakRssMB, fts.peakRssMB],
  ];
  const pad = (s: string, n: number): string => s.padEnd(n);
  const num = (x: number): string => (Number.isFinite(x) ? String(x) : '-');
  const lines = [
    `Search benchmark: ${docs.toLocaleString('en')} documents, ${corpus.passages.toLocaleString('en')} passages, ${corpus.words.toLocaleString('en')} words; ingest ${r1(ingestMs / 1000)} s`,
    `${pad('figure', 32)}${pad('lunr (Parallax)', 17)}${pad('FTS5 reference', 16)}${pad('lunr/FTS5', 11)}goal`,
  ];
  for (const [label, key, a, b] of rows) {
    const goal = goals[key];
    const verdict = goal === undefined ? '' : `<= ${goal} ${a <= goal ? 'met' : 'MISSED'}`;
    lines.push(`${pad(label, 32)}${pad(num(a), 17)}${pad(num(b), 16)}${pad(b > 0 ? `${r2(a / b)}x` : '-', 11)}${verdict}`);
  }
  return lines.join('\n');
}

async function benchSize(docs: number, args: Args): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `parallax-bench-${docs}-`));
  log(`\n== ${docs} documents (${dir})`);
  const seeds = readSeedSentences(path.join(repo, 'corpus'));
  const gen = new CorpusGenerator(seeds, { seed: 42 });
  const db = openDatabase(path.join(dir, 'library.sqlite'));
  const t0 = performance.now();
  let words = 0;
  for (let i = 0; i < docs; i++) {
    const d = gen.doc(i);
    words += d.text.split(/\s+/).length;
    ingestDocument(db, { file: d.file, origin: 'imported', raw: d.text, title: d.title, outlet: d.outlet, published: d.published, language: 'en', author: null });
    if (i > 0 && i % 2000 === 0) log(`  ingested ${i}`);
  }
  const ingestMs = performance.now() - t0;
  const passages = (db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
  db.close();
  const corpus = { docs, passages, words, pseudoVocabulary: gen.vocabulary.length };
  log(`  ingest ${r1(ingestMs)} ms; ${passages} passages; ${gen.vocabulary.length} pseudo-words`);

  const queries = buildQuerySet(vocabularyProbes(gen, [0, 9, 99, 999, 9999]));
  const importDocs = (from: number): ServePayload['imports'] =>
    Array.from({ length: IMPORTS_PER_ENGINE }, (_, k) => {
      const d = gen.doc(docs + from + k);
      return { name: `bench-import-${from + k}.txt`, text: d.text, marker: d.marker };
    });
  const lunrImports = importDocs(0);
  const ftsImports = importDocs(IMPORTS_PER_ENGINE);

  log('  lunr: build…');
  const lb = await child('lunr-build', dir);
  log(`  lunr: built in ${r1(lb.buildMs as number)} ms (+${r1(lb.mergeMs as number)} ms merging), ${lb.segments} segments`);
  log('  FTS5: build…');
  const fb = await child('fts-build', dir);
  log('  lunr: serve…');
  const ls = await child('lunr-serve', dir, { queries, imports: lunrImports, rounds: args.rounds });
  log('  FTS5: serve…');
  const fs5 = await child('fts-serve', dir, { queries, imports: ftsImports, rounds: args.rounds });
  const lunr = figures(lb, ls);
  const fts = figures(fb, fs5);
  const slowest = (serve: Record<string, unknown>): string[] =>
    (serve.mixed as number[])
      .map((ms, k) => [ms, queries.mixed[k % queries.mixed.length] as string, Math.floor(k / queries.mixed.length)] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 10)
      .map(([ms, q, round]) => `${q} (round ${round + 1}): ${r2(ms)} ms`);
  const perQuery = (serve: Record<string, unknown>): Record<string, number> => {
    const out: Record<string, number> = {};
    const qs = [...queries.mixed, ...queries.prefix];
    const mixed = serve.mixed as number[];
    const prefix = serve.prefix as number[];
    qs.forEach((q, i) => {
      const inMixed = i < queries.mixed.length;
      const n = inMixed ? queries.mixed.length : queries.prefix.length;
      const j = inMixed ? i : i - queries.mixed.length;
      const samples = (inMixed ? mixed : prefix).filter((_, k) => k % n === j);
      out[q] = r2(median(samples));
    });
    return out;
  };
  const ratios: Record<string, number> = {};
  for (const k of Object.keys(lunr)) if ((fts[k] ?? 0) > 0) ratios[k] = r2((lunr[k] as number) / (fts[k] as number));

  const sections = args.noSections ? {} : await runSections(docs, args);
  if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
  const result = {
    docs,
    lunr,
    fts5: fts,
    ratios,
    corpus,
    ingestMs: r1(ingestMs),
    lunrDetail: { segmentsAfterBuild: lb.segments, mergeMs: lb.mergeMs, openLibraryMs: ls.openLibraryMs, segmentsAfterImports: ls.segments },
    perQueryMedianMs: { lunr: perQuery(ls), fts5: perQuery(fs5) },
    slowestMixed: { lunr: slowest(ls), fts5: slowest(fs5) },
    queries,
    sections,
    machine: { cpus: os.cpus().length, node: process.version, platform: `${process.platform} ${process.arch}`, loadavg: os.loadavg().map(r2) },
    at: new Date().toISOString(),
  };
  process.stdout.write('\n' + table(docs, corpus, lunr, fts, ingestMs) + '\n');
  for (const [name, figs] of Object.entries(sections)) {
    process.stdout.write(`section ${name}: ${Object.entries(figs).map(([k, v]) => `${k}=${v}`).join(', ')}\n`);
  }
  fs.mkdirSync(args.out, { recursive: true });
  fs.writeFileSync(path.join(args.out, `bench-${docs}.json`), JSON.stringify(result, null, 2) + '\n');
  return result;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const results: Array<Record<string, unknown>> = [];
  if (args.sectionsOnly) {
    for (const docs of args.sizes) {
      const sections = await runSections(docs, args);
      results.push({ docs, sections });
      for (const [name, figs] of Object.entries(sections)) process.stdout.write(`section ${name}: ${JSON.stringify(figs)}\n`);
    }
  } else for (const docs of args.sizes) results.push(await benchSize(docs, args));
  if (args.json) {
    for (const r of results) {
      const pick = (f: EngineFigures | undefined): Record<string, number> | undefined =>
        f && { queryP95Ms: f.queryP95Ms, prefixP95Ms: f.prefixP95Ms, openToFirstAnswerMs: f.openToFirstAnswerMs, importOneMs: f.importOneMs, peakRssMB: f.peakRssMB };
      process.stdout.write(JSON.stringify({ docs: r.docs, lunr: pick(r.lunr as EngineFigures), fts5: pick(r.fts5 as EngineFigures) }) + '\n');
    }
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
