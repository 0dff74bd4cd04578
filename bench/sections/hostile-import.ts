import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher } from '../../electron/api/handlers.js';
import { decodeImportFile } from '../../electron/core/corpus/decode.js';
import { openLibrary, type Library } from '../../electron/core/library.js';
import { defaultCorpusDir } from '../../electron/core/paths.js';

// Hostile imports: how long a nested HTML or Markdown file of growing depth takes to be
// imported or refused (decoded in the import thread, under its limits), and how quickly the
// main thread answers a cheap request while a hostile file is being read (the goal: p95 under
// 100 ms). For contrast, how long the same kind of file blocks a thread that parses it directly.

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const nestedHtml = (depth: number): string => `<html><body>${'<div>'.repeat(depth)}Deep words in a page ${depth} levels deep.${'</div>'.repeat(depth)}</body></html>`;
const nestedQuotes = (depth: number): string => `# Title\n\n${'>'.repeat(depth)} deep words in a quote ${depth} levels deep.\n`;
const nestedLists = (depth: number): string => Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n');

async function timeImport(lib: Library, name: string, text: string): Promise<{ ms: number; outcome: string }> {
  const t0 = performance.now();
  const [o] = await lib.importFiles([{ name, bytes: enc(text) }]);
  const ms = Math.round(performance.now() - t0);
  return { ms, outcome: o && 'error' in o ? o.error.code : 'imported' };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function run(_opts: { docs: number }): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-hostile-'));
  try {
    // 1. Growing depth, default limits (20 s, HTML depth 400, Markdown depth 50).
    const lib = await openLibrary({ dataDir: path.join(dir, 'a'), corpusDir: null, keepBackups: 0 });
    await lib.importFiles([{ name: 'warm.txt', bytes: enc('Warm-up.\n\nThe import thread starts here.') }]);
    // html and body count as two levels: 254 <div>s is the deepest page the limit lets through.
    for (const d of [50, 100, 200, 254, 255, 1_500, 100_000]) {
      const r = await timeImport(lib, `html-${d}.html`, nestedHtml(d));
      out[`html_depth_${d}_ms`] = r.ms;
      out[`html_depth_${d}_outcome`] = r.outcome;
    }
    for (const d of [10, 50, 51, 5_000]) {
      const q = await timeImport(lib, `quotes-${d}.md`, nestedQuotes(d));
      out[`md_quote_depth_${d}_ms`] = q.ms;
      out[`md_quote_depth_${d}_outcome`] = q.outcome;
      const l = await timeImport(lib, `lists-${d}.md`, nestedLists(d));
      out[`md_list_depth_${d}_ms`] = l.ms;
      out[`md_list_depth_${d}_outcome`] = l.outcome;
    }
    await lib.close();

    // 2. Main-thread latency of a cheap request while a hostile page is parsed until the time
    //    limit stops it (limits raised so only the clock stops it).
    const host = await openLibrary({ dataDir: path.join(dir, 'b'), corpusDir: defaultCorpusDir(), keepBackups: 0, importLimits: { timeoutMs: 5000, limits: { htmlDepth: 1e9 } } });
    const api = createDispatcher(host, () => {});
    await host.search.ready();
    let done = false;
    const t0 = performance.now();
    const hostile = host.importFiles([{ name: 'hostile.html', bytes: enc(nestedHtml(6000)) }]).then((o) => {
      done = true;
      return o;
    });
    const lat: number[] = [];
    while (!done) {
      const s = performance.now();
      const r = await api.call('docs.list', {});
      if (!r.ok) throw new Error(r.error.message);
      lat.push(performance.now() - s);
      await new Promise((res) => setTimeout(res, 20));
    }
    const [h] = await hostile;
    out.hostile_import_ms = Math.round(performance.now() - t0);
    out.hostile_import_outcome = h && 'error' in h ? h.error.code : 'imported';
    lat.sort((a, b) => a - b);
    out.main_thread_requests_during_hostile_import = lat.length;
    out.main_thread_p50_ms = Math.round(percentile(lat, 50) * 10) / 10;
    out.main_thread_p95_ms = Math.round(percentile(lat, 95) * 10) / 10;
    out.main_thread_max_ms = Math.round((lat.at(-1) ?? 0) * 10) / 10;
    await host.close();

    // 3. Contrast: the same parser on the calling thread blocks it for the whole parse (800
    //    levels; 1,500 took minutes in the review that found it).
    const t1 = performance.now();
    await decodeImportFile('inline-800.html', enc(nestedHtml(800))).catch(() => null);
    out.inline_parse_depth_800_blocks_thread_ms = Math.round(performance.now() - t1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
