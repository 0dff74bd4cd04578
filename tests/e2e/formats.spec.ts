import fs from 'node:fs';
import path from 'node:path';
import { buildPdf, reportPage as buildReportPage, type PdfLine, type PdfPage } from '../../bench/pdfgen.js';
import { buildDocx, buildEpub } from '../unit/formats/builders.js';
import { expect, test } from './fixtures.js';

// PDF, EPUB and DOCX through the Library's file input, read with their structure; paste as a
// document. Screenshots of the reader with structure go to /tmp/shots/ as well.

const SHOTS = '/tmp/shots';

const reportPage = (n: number, paragraphs: string[][], extra: PdfLine[] = []): PdfPage => buildReportPage('Winter Energy Plan - Parallax Institute', n, paragraphs, extra);

const pdf = buildPdf(
  [
    reportPage(1, [['The ministers met in Bucharest to discuss the energy', 'crisis and agreed on a plan of support for the', 'winter months.']], [
      { x: 72, y: 700, size: 20, text: 'Winter Energy Plan' },
      { x: 72, y: 672, size: 14, text: 'Summary of the meeting' },
    ]),
    reportPage(2, [['The second page explains how the support is shared between', 'the allies, and when the first deliveries arrive.']]),
    reportPage(3, [['The third page holds the conclusions of the report.']]),
  ],
  { author: 'A. Writer' },
);

test.describe.configure({ mode: 'serial' });

test.describe('formats', () => {
  test('imports a PDF, an EPUB and a DOCX from the file input and reads them with their structure', async ({ openApp, page, shot }) => {
    await openApp();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files…' }).first().click();
    await (await chooser).setFiles([
      { name: 'winter-plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
      { name: 'winter-book.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(buildEpub()) },
      { name: 'minutes.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(buildDocx()) },
    ]);
    const results = page.getByRole('region', { name: /Imported 3 files/ });
    await expect(results).toBeVisible({ timeout: 30_000 });
    const list = page.getByRole('list', { name: 'Documents' });

    // PDF: headings from the type sizes, pages kept, the running header and page numbers gone.
    await list.getByRole('link', { name: 'Winter Energy Plan' }).click();
    const pdfText = page.getByRole('region', { name: 'Text of Winter Energy Plan' });
    await expect(pdfText.getByRole('heading', { name: 'Summary of the meeting' })).toBeVisible();
    await expect(pdfText.locator('[data-page="2"]')).toContainText('The second page explains');
    await expect(pdfText).not.toContainText('Parallax Institute');
    await shot('formats-pdf');
    await page.screenshot({ path: path.join(SHOTS, 'formats-pdf-reader.png') });

    // EPUB: chapters as headings, the contents list names them.
    await page.getByRole('toolbar', { name: 'Reading' }).getByRole('button', { name: /Library/ }).click();
    await list.getByRole('link', { name: 'The Winter Book' }).click();
    const book = page.getByRole('region', { name: 'Text of The Winter Book' });
    await expect(book.getByRole('heading', { name: 'Snow' })).toBeVisible();
    await expect(book.getByRole('heading', { name: 'Chapter Two: Thaw' })).toBeVisible();
    await expect(book.locator('blockquote')).toContainText('Une citation célèbre');
    await expect(book.locator('.mark-em')).toHaveText('l’hiver');
    const toggle = page.getByRole('button', { name: 'Contents' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const contents = page.getByRole('navigation', { name: 'Contents' });
    await expect(contents.getByRole('link', { name: 'Chapter Two: Thaw' })).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'formats-epub-reader.png') });

    // DOCX: headings, bold and italic.
    await page.getByRole('toolbar', { name: 'Reading' }).getByRole('button', { name: /Library/ }).click();
    await list.getByRole('link', { name: 'Council Minutes' }).click();
    const minutes = page.getByRole('region', { name: 'Text of Council Minutes' });
    await expect(minutes.getByRole('heading', { name: 'Next steps' })).toBeVisible();
    await expect(minutes.locator('.mark-strong')).toHaveText('approved');
    await expect(minutes.locator('.mark-em')).toHaveText('winter plan');
    await page.screenshot({ path: path.join(SHOTS, 'formats-docx-reader.png') });
  });

  test('pastes the clipboard as a document with a title and source (Ctrl+Shift+V)', async ({ openApp, page }) => {
    await openApp();
    await expect(page.getByRole('button', { name: 'Paste as document…' })).toBeVisible();
    await page.keyboard.press('Control+Shift+V');
    const dialog = page.getByRole('dialog', { name: 'Paste as a document' });
    await expect(dialog).toBeVisible();
    await page.getByTestId('paste-box').evaluate((el) => {
      const dt = new DataTransfer();
      dt.setData('text/html', '<h2>What was agreed</h2><p>The ministers <b>agreed</b> on winter aid for the grid.</p><ul><li>Transformers</li><li>Generators</li></ul>');
      dt.setData('text/plain', 'What was agreed\nThe ministers agreed on winter aid for the grid.\nTransformers\nGenerators');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect(dialog.getByText('Formatted text: headings, lists and emphasis are kept.')).toBeVisible();
    await page.getByTestId('paste-title').fill('Notes from the grid meeting');
    await page.getByTestId('paste-source').fill('https://example.org/grid');
    await dialog.getByRole('button', { name: 'Make document' }).click();
    const text = page.getByRole('region', { name: 'Text of Notes from the grid meeting' });
    await expect(text.getByRole('heading', { name: 'What was agreed' })).toBeVisible();
    await expect(text.locator('.mark-strong')).toHaveText('agreed');
    await expect(text.getByRole('listitem')).toHaveCount(2);
    // The source is provenance, not reading text.
    await expect(text).not.toContainText('example.org');
    await page.screenshot({ path: path.join(SHOTS, 'formats-paste-reader.png') });
  });
});
