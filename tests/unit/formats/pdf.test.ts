import { describe, expect, it } from 'vitest';
import { decodeImportFile } from '../../../electron/core/corpus/decode.js';
import { buildPdf, reportPage as buildReportPage, type PdfLine, type PdfPage } from '../../../bench/pdfgen.js';
import { refusal } from '../corpus/helpers.js';

/** A page of the test report, with its running header. */
const reportPage = (n: number, paragraphs: string[][], extra: PdfLine[] = []): PdfPage => buildReportPage('Energy Security Report 2022 - Parallax Institute', n, paragraphs, extra);

describe('PDF import', () => {
  const pdf = buildPdf(
    [
      reportPage(1, [['The ministers met in Bucharest to discuss the energy', 'crisis and agreed on a plan of support for the', 'winter months.'], ['A second paragraph begins here and carries a hyphen-', 'ated word across the line.']], [
        { x: 72, y: 700, size: 20, text: 'Winter Energy Plan' },
        { x: 72, y: 672, size: 14, text: 'Summary of the meeting' },
      ]),
      reportPage(2, [['This paragraph starts on the second page and goes on over', 'two lines before it ends.'], ['Short closing line.']]),
      reportPage(3, [['The third page holds the conclusions of the report.']]),
    ],
    { author: 'A. Writer' },
  );

  it('rebuilds paragraphs, headings and pages; drops running headers and page numbers', async () => {
    const d = await decodeImportFile('report.pdf', pdf);
    expect(d.title).toBe('Winter Energy Plan');
    expect(d.author).toBe('A. Writer');
    const blocks = d.blocks!;
    expect(blocks.map((b) => [b.kind, b.page, b.text])).toEqual([
      ['heading', '1', 'Winter Energy Plan'],
      ['heading', '1', 'Summary of the meeting'],
      ['paragraph', '1', 'The ministers met in Bucharest to discuss the energy crisis and agreed on a plan of support for the winter months.'],
      ['paragraph', '1', 'A second paragraph begins here and carries a hyphenated word across the line.'],
      ['paragraph', '2', 'This paragraph starts on the second page and goes on over two lines before it ends.'],
      ['paragraph', '2', 'Short closing line.'],
      ['paragraph', '3', 'The third page holds the conclusions of the report.'],
    ]);
    expect(blocks[0]!.level).toBe(1);
    expect(blocks[1]!.level).toBe(2);
    expect(d.text).not.toMatch(/Parallax Institute/);
  });

  it('takes the title from the metadata when there is one', async () => {
    const d = await decodeImportFile('m.pdf', buildPdf([reportPage(1, [['Body text of a page that says something useful.']])], { title: 'Microsoft Word - Council Minutes.docx' }));
    expect(d.title).toBe('Council Minutes');
  });

  it('refuses a scan without a text layer, saying Parallax does not do OCR', async () => {
    const r = await refusal('scan.pdf', buildPdf([{ lines: [], rect: true }, { lines: [], rect: true }]));
    expect(r.code).toBe('NO_TEXT_LAYER');
    expect(r.message).toBe("scan.pdf has no text layer (a scan?); Parallax doesn't do OCR. Run it through an OCR tool that adds a text layer, then import the result.");
  });

  it('refuses an encrypted PDF clearly', async () => {
    const junk = '0123456789abcdef0123456789abcdef';
    const bytes = buildPdf([reportPage(1, [['Secret text.']])], {
      extraObjects: [`<< /Filter /Standard /V 1 /R 2 /O (${junk}) /U (${junk}) /P -44 >>`],
      trailerExtra: ' /Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]',
    });
    const r = await refusal('locked.pdf', bytes);
    expect(r.code).toBe('ENCRYPTED_FILE');
    expect(r.message).toMatch(/^locked\.pdf is an encrypted PDF/);
  });

  it('refuses a damaged PDF, naming the file and what is wrong', async () => {
    const r = await refusal('broken.pdf', new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog'));
    expect(['MALFORMED_FILE', 'NO_TEXT_LAYER']).toContain(r.code);
    expect(r.message).toMatch(/^broken\.pdf /);
    const notPdf = await refusal('photo.pdf', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    expect(notPdf).toMatchObject({ code: 'MALFORMED_FILE' });
    expect(notPdf.message).toMatch(/photo\.pdf is not a PDF: it looks like a JPEG image/);
  });
});
