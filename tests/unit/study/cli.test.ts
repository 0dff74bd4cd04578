import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { tempDir } from '../../helpers/library.js';
import { BLANK } from './helpers.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('parallax cards / study (in process)', () => {
  const data = tempDir();

  it('cards --json lists the deck with exactly the documented keys', { timeout: 180_000 }, async () => {
    const r = await cli(['--data', data, 'cards', '--json']);
    expect(r.code).toBe(0);
    const cards = JSON.parse(r.out) as Array<{ id: string; kind: string; prompt: string; answer: string; docIds: string[]; passage: string }>;
    expect(cards.length).toBeGreaterThan(30);
    for (const c of cards) {
      expect(Object.keys(c).sort()).toEqual(['answer', 'docIds', 'id', 'kind', 'passage', 'prompt']);
      // A cloze prompt is its passage (or the clause of it that holds the blank) with one blank.
      if (c.kind === 'cloze') {
        expect(c.prompt.split(BLANK)).toHaveLength(2);
        expect(c.passage).toContain(c.answer);
      }
    }
    // The same deck (same ids) the second time.
    const again = JSON.parse((await cli(['--data', data, 'cards', '--json'])).out) as Array<{ id: string }>;
    expect(again.map((c) => c.id)).toEqual(cards.map((c) => c.id));
  });

  it('cards export --format anki writes one file per note type', async () => {
    const out = path.join(tempDir(), 'deck.txt');
    const r = await cli(['--data', data, 'cards', 'export', '--format', 'anki', '--out', out]);
    expect(r.code).toBe(0);
    const cloze = fs.readFileSync(out, 'utf8');
    expect(cloze.split('\n').slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#notetype:Cloze']);
    const basic = fs.readFileSync(path.join(path.dirname(out), 'deck.basic.txt'), 'utf8');
    expect(basic).toContain('#notetype:Basic');
    expect(r.err).toContain('deck.basic.txt');
  });

  it('cards export --format json writes the deck and the log', async () => {
    const dir = tempDir();
    const r = await cli(['--data', data, 'cards', 'export', '--format', 'json', '--out', `${dir}/`]);
    expect(r.code).toBe(0);
    const j = JSON.parse(fs.readFileSync(path.join(dir, 'parallax-cards.json'), 'utf8')) as { cards: unknown[]; reviews: unknown[] };
    expect(j.cards.length).toBeGreaterThan(30);
    expect(j.reviews).toEqual([]);
  });

  it('study --due --json lists what is due, new cards within the daily limit', async () => {
    const r = await cli(['--data', data, 'study', '--due', '--json']);
    expect(r.code).toBe(0);
    const due = JSON.parse(r.out) as Array<{ id: string; reason: string }>;
    expect(due).toHaveLength(20);
    expect(due.every((d) => d.reason === 'new')).toBe(true);
  });

  it('import prepares the new document\'s cards (progress on stderr), so cards lists them right after', { timeout: 180_000 }, async () => {
    const file = path.join(tempDir(), 'grid-fund.txt');
    fs.writeFileSync(file, ARTICLE, 'utf8');
    const r = await cli(['--data', data, 'import', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Preparing cards: \d+ of \d+ document/);
    const [outcome] = JSON.parse(r.out) as Array<{ id: string }>;
    const listed = await cli(['--data', data, 'cards', '--doc', outcome?.id ?? '', '--json']);
    expect(listed.code).toBe(0);
    // Nothing was left to prepare: the import did it.
    expect(listed.err).not.toContain('Preparing cards');
    expect((JSON.parse(listed.out) as unknown[]).length).toBeGreaterThanOrEqual(1);
  });

  it('rejects bad arguments with a usage error', async () => {
    expect((await cli(['--data', data, 'cards', 'export', '--format', 'pdf'])).code).toBe(2);
    expect((await cli(['--data', data, 'study'])).code).toBe(2);
    expect((await cli(['--data', data, 'study', '--due', '--limit', '0'])).code).toBe(2);
  });
});

/** An ordinary news article (about 330 words) the generator has not seen. */
const ARTICLE = `Nordic ministers agree a winter fund for Ukraine's power grid

OSLO, 12 December 2022

Energy ministers of Denmark, Finland, Iceland, Norway and Sweden agreed on Monday to set up a joint fund to repair Ukraine's power grid before the coldest weeks of the winter.

The fund will start with 400 million euros, Norway's energy minister Terje Aasland told reporters after the meeting in Oslo. Norway will pay half of the first amount, and the fund is open to other donors.

"We will not let the winter decide this war," Aasland said. "Every transformer we send keeps a hospital warm and a water pump running."

Russian missile and drone strikes have damaged about 40 percent of Ukraine's energy infrastructure since October, according to the Ukrainian government. Kyiv has asked its partners for transformers, generators and high-voltage cables rather than money alone.

The ministers said the fund would buy equipment directly from manufacturers in the Nordic countries and ship it through Poland. The first deliveries are expected before the end of January.

Finland's minister for economic affairs, Mika Lintilä, called the agreement a commitment that would outlast the winter. "Rebuilding the grid is not charity; it is an investment in a European Ukraine," he said.

Denmark promised to send two mobile power stations within a month, while Sweden offered engineers to train Ukrainian repair crews. Iceland, which has no army, said it would pay for the transport of the equipment.

The European Commission welcomed the decision and said it would propose a similar instrument to the 27 member states in January. Ukraine's energy minister, Herman Halushchenko, thanked the Nordic governments and said the first transformers would be installed in the Kharkiv region.

The fund will be managed by the Nordic Environment Finance Corporation in Helsinki, which already finances energy projects in Ukraine. Its board will report to the ministers every three months, and the first report is due in April.
`;
