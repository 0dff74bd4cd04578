import mammoth from 'mammoth';
import { ParallaxError } from '../../errors.js';
import type { DecodedBlock } from '../blocks.js';
import { findDates } from '../dates.js';
import { htmlContentToBlocks } from '../html.js';
import { decodeEntities } from '../markdown.js';
import { openZip, zipText } from './zip.js';

// A Word .docx as blocks: mammoth turns it into semantic HTML (headings, lists, bold/italic,
// footnotes as a numbered list at the end), then the same HTML walk as web pages. Title,
// author and date come from the document's core properties (docProps/core.xml).

export interface DecodedDocx {
  blocks: DecodedBlock[];
  title: string | null;
  author: string | null;
  published: string | null;
}

function coreProperty(xml: string | null, name: string): string | null {
  if (!xml) return null;
  const m = new RegExp(`<(?:[\\w-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`, 'i').exec(xml);
  const t = m ? decodeEntities(m[1]!).replace(/\s+/g, ' ').trim() : '';
  return t || null;
}

export async function decodeDocx(name: string, bytes: Uint8Array): Promise<DecodedDocx> {
  const files = openZip(name, bytes, 'Word document');
  if (!files['word/document.xml']) {
    throw new ParallaxError('MALFORMED_FILE', `${name} is not a valid Word document: it has no word/document.xml (is it a renamed zip file?).`);
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    throw new ParallaxError('MALFORMED_FILE', `${name} could not be read as a Word document (${(e as Error).message}). Open it in Word or LibreOffice, save a new copy and import that.`, { cause: e });
  }
  const { blocks } = htmlContentToBlocks(html);
  if (blocks.length === 0) throw new ParallaxError('EMPTY_FILE', `${name} has no readable text.`);
  const core = zipText(files, 'docProps/core.xml');
  const title = coreProperty(core, 'title') ?? blocks.find((b) => b.kind === 'heading')?.text ?? null;
  if (title && !(blocks[0]?.kind === 'heading' && blocks[0].text === title)) blocks.unshift({ kind: 'heading', level: 1, text: title });
  const created = coreProperty(core, 'created');
  return {
    blocks,
    title,
    author: coreProperty(core, 'creator'),
    published: created ? (findDates(created.slice(0, 10))[0]?.iso ?? null) : null,
  };
}
