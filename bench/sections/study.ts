import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../electron/core/db/open.js';
import { ingestDocument, syncBundledCorpus } from '../../electron/core/corpus/ingest.js';
import { getStatements } from '../../electron/core/compare/index.js';
import { regenerateCards } from '../../electron/core/study/cards.js';
import { tagStats } from '../../electron/core/study/nlp.js';
import { CorpusGenerator, readSeedSentences } from '../corpus.js';

// Study benchmark: generating the whole deck (analysis of every sentence, card generation,
// writing the cards) for the bundled corpus (goal < 1 s) and for a library of synthetic
// documents built from the corpus's own sentences (goal < 60 s for 1,000 documents).
// Alignment statements come from compare, which benchmarks them itself: the bundled figure
// is given with and without them, the synthetic one without.

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CORPUS = fs.existsSync(path.join(REPO, 'corpus')) ? path.join(REPO, 'corpus') : path.resolve('corpus');

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, Math.round((performance.now() - t0) * 10) / 10];
}

export async function run(opts: { docs: number }): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-study-'));
  try {
    // Bundled corpus: a cold first generation (compromise loads its lexicon), then a rebuild.
    const db = openDatabase(path.join(dir, 'bundled.sqlite'), { logSlow: false });
    syncBundledCorpus(db, CORPUS);
    const [first, coldMs] = timed(() => regenerateCards(db, new Date(), { withStatements: false }));
    const [, statementsMs] = timed(() => getStatements(db));
    const [withStatements, withStatementsMs] = timed(() => regenerateCards(db, new Date()));
    db.close();

    // Synthetic library: the corpus's sentences with a fifth of their words replaced.
    const count = Math.max(1, Math.min(opts.docs, 1000));
    const synthDb = openDatabase(path.join(dir, 'synthetic.sqlite'), { logSlow: false });
    const gen = new CorpusGenerator(readSeedSentences(CORPUS), { seed: 11 });
    let words = 0;
    synthDb.transaction(() => {
      for (let i = 0; i < count; i++) {
        const d = gen.doc(i);
        words += d.text.split(/\s+/).length;
        ingestDocument(synthDb, { file: d.file, origin: 'imported', raw: d.text, title: d.title, outlet: d.outlet, published: d.published, language: 'en', author: null });
      }
    })();
    const rss0 = process.memoryUsage().rss;
    const tagged0 = tagStats.sentences;
    const cpu0 = process.cpuUsage();
    const [synth, synthMs] = timed(() => regenerateCards(synthDb, new Date(), { withStatements: false }));
    const cpu = process.cpuUsage(cpu0);
    const rss1 = process.memoryUsage().rss;
    const units = (synthDb.prepare('SELECT count(*) AS n FROM sentences').get() as { n: number }).n;
    synthDb.close();
    return {
      'study.bundled_generate_ms': coldMs,
      'study.bundled_cards': first.total,
      'study.bundled_generate_with_statements_ms': withStatementsMs,
      'study.bundled_statements_ms': statementsMs,
      'study.bundled_cards_with_statements': withStatements.total,
      [`study.generate_${count}_docs_ms`]: synthMs,
      [`study.generate_${count}_docs_cards`]: synth.total,
      [`study.generate_${count}_docs_cpu_ms`]: Math.round((cpu.user + cpu.system) / 1000),
      [`study.generate_${count}_docs_words`]: words,
      [`study.generate_${count}_docs_sentences`]: units,
      [`study.generate_${count}_docs_sentences_tagged`]: tagStats.sentences - tagged0,
      [`study.generate_${count}_docs_rss_growth_MB`]: Math.round(((rss1 - rss0) / 1048576) * 10) / 10,
      'study.goals': 'bundled < 1000 ms; 1000 docs < 60000 ms',
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
