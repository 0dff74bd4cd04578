import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { buildPdf } from '../../../bench/pdfgen.js';
import { tempDir } from '../../helpers/library.js';
import { buildDocx, buildEpub } from '../formats/builders.js';

// The CLI's road for the new formats: a folder holding a PDF, an EPUB and a Word file is
// imported with `parallax import DIR`, each becomes a document, and its words are searchable.

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('parallax import DIR with PDF, EPUB and DOCX', () => {
  it('imports each file of the folder and finds their words', async () => {
    const data = tempDir();
    const src = tempDir();
    const pdf = buildPdf([
      { lines: [
        { x: 72, y: 700, size: 20, text: 'Harbour Resilience Plan' },
        { x: 72, y: 640, size: 11, text: 'The port authority promised a floodwall before the autumn' },
        { x: 72, y: 626, size: 11, text: 'storms, and the council agreed to pay for half of it.' },
        { x: 72, y: 600, size: 11, text: 'Work on the quays starts in March and ends in September.' },
      ] },
    ]);
    fs.writeFileSync(path.join(src, 'plan.pdf'), pdf);
    fs.writeFileSync(path.join(src, 'book.epub'), buildEpub());
    fs.writeFileSync(path.join(src, 'minutes.docx'), buildDocx());
    const r = await cli(['--data', data, 'import', src, '--json']);
    expect(r.err).not.toMatch(/INTERNAL/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Array<{ file: string; id?: string; error?: { code: string } }>;
    expect(out.map((o) => [path.basename(o.file), Boolean(o.id)]).sort()).toEqual([
      ['book.epub', true],
      ['minutes.docx', true],
      ['plan.pdf', true],
    ]);
    const docs = await cli(['--data', data, 'docs', '--json']);
    const titles = (JSON.parse(docs.out) as Array<{ title: string }>).map((d) => d.title);
    expect(titles).toEqual(expect.arrayContaining(['The Winter Book', 'Harbour Resilience Plan']));
    for (const word of ['floodwall', 'approved']) {
      const hits = await cli(['--data', data, 'search', word, '--json']);
      expect(hits.code).toBe(0);
      expect((JSON.parse(hits.out) as unknown[]).length, word).toBeGreaterThan(0);
    }
  }, 120_000);
});
