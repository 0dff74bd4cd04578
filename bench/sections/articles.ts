import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { importFiles } from '../../electron/core/corpus/ingest.js';
import { getDocument, getPassages } from '../../electron/core/corpus/store.js';
import { openDatabase } from '../../electron/core/db/open.js';

// Faithful web pages: import the 24 real news pages of ../shared/data/articles-dev (a public
// extraction benchmark; read in place, gunzipped in memory, never copied into the repository)
// exactly as a reader would, and score the stored reading text (every passage but page
// furniture and the headline) against the benchmark's articleBody: word-level F1 over the
// bags of lower-cased words, per page, then mean and min.

const here = path.dirname(fileURLToPath(import.meta.url));

/** ../shared/data/articles-dev relative to the repository root, from source or from dist/. */
export function articlesDir(): string | null {
  for (const up of ['../..', '../../..']) {
    const dir = path.resolve(here, up, '../shared/data/articles-dev');
    if (fs.existsSync(path.join(dir, 'truth.json'))) return dir;
  }
  return null;
}

export interface PageScore {
  id: string;
  host: string;
  f1: number;
  precision: number;
  recall: number;
  title: string;
  language: string;
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function wordF1(got: string, want: string): { f1: number; precision: number; recall: number } {
  const a = words(got);
  const pool = new Map<string, number>();
  for (const w of words(want)) pool.set(w, (pool.get(w) ?? 0) + 1);
  const wantN = [...pool.values()].reduce((x, y) => x + y, 0);
  let common = 0;
  for (const w of a) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      common++;
      pool.set(w, n - 1);
    }
  }
  const precision = a.length ? common / a.length : 0;
  const recall = wantN ? common / wantN : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export async function scoreArticles(dir: string): Promise<PageScore[]> {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-articles-'));
  const db = openDatabase(path.join(tmp, 'library.sqlite'));
  try {
    const out: PageScore[] = [];
    for (const [id, t] of Object.entries(truth)) {
      const bytes = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'pages', `${id}.html.gz`)));
      const [o] = await importFiles(db, [{ name: `${id}.html`, bytes: new Uint8Array(bytes) }]);
      if (!o || !('id' in o)) throw new Error(`${id}.html did not import: ${o && 'error' in o ? o.error.message : 'no outcome'}`);
      const doc = getDocument(db, o.id)!;
      const passages = getPassages(db, o.id);
      const reading = passages
        .filter((p, i) => p.kind !== 'meta' && !(i === 0 && p.kind === 'heading' && doc.text.slice(p.start, p.end) === doc.title))
        .map((p) => doc.text.slice(p.start, p.end))
        .join('\n');
      out.push({ id, host: new URL(t.url).host, ...wordF1(reading, t.articleBody), title: doc.title, language: doc.language });
    }
    return out;
  } finally {
    db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const dir = articlesDir();
  if (!dir) return { skipped: '../shared/data/articles-dev is absent' };
  const scores = await scoreArticles(dir);
  const f1s = scores.map((s) => s.f1);
  const out: Record<string, number | string> = {
    pages: scores.length,
    meanF1: Number((f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(4)),
    minF1: Number(Math.min(...f1s).toFixed(4)),
  };
  for (const s of scores) out[`f1.${s.host}`] = Number(s.f1.toFixed(3));
  return out;
}
