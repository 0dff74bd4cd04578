import { IMPORT_EXTENSIONS, IMPORT_FORMATS, IMPORT_TYPES_SENTENCE, type ImportFormat } from '../../common/import-formats.js';
import { ParallaxError } from '../errors.js';
import { blocksText, type DecodedBlock } from './blocks.js';
import { decodeDocx } from './formats/docx.js';
import { decodeEpub } from './formats/epub.js';
import { decodePdf } from './formats/pdf.js';
import { findDates } from './dates.js';
import { htmlToArticle } from './html.js';
import { markdownToArticle } from './markdown.js';
import { isAllCaps } from './lines.js';
import { extractPublished, guessLanguage, isTitleCandidate } from './metadata.js';
import { normaliseText } from './normalise.js';
import { detectEncoding, firstInvalidUtf8, looksBinary, sniffFormat } from './sniff.js';

// A file the reader chose to import, checked and turned into text, or refused with a sentence
// that says what is wrong with it and what to do.

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface DecodedFile {
  text: string; // raw text before normalisation (with blocks: exactly blocksText(blocks))
  title: string | null;
  author: string | null;
  published: string | null;
  language: string;
  /** The source's structure (headings, lists, quotes, emphasis, pages); absent for plain text. */
  blocks?: DecodedBlock[];
}

export type { ImportFormat };
const FORMATS: Record<string, ImportFormat> = IMPORT_FORMATS;
export const SUPPORTED_EXTENSIONS = IMPORT_EXTENSIONS;
const SUPPORTED_LIST = IMPORT_TYPES_SENTENCE;

const MB = 1024 * 1024;

function formatSize(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  if (n < MB) return `${(n / 1024).toFixed(1)} KB`;
  const mb = (n / MB).toFixed(1);
  // Just over the limit would print as "20.0 MB": give the exact count instead.
  return Number(mb) * MB <= MAX_IMPORT_BYTES ? `${n.toLocaleString('en-US')} bytes` : `${mb} MB`;
}

export function importFormat(name: string): ImportFormat | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? (FORMATS[m[1]!.toLowerCase()] ?? null) : null;
}

function decodeBytes(name: string, bytes: Uint8Array): string {
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-32') {
    throw new ParallaxError('INVALID_UTF8', `${name} is in UTF-32, which Parallax cannot read. Save it as UTF-8 text and import it again.`);
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch (e) {
      throw new ParallaxError('INVALID_UTF8', `${name} looks like UTF-16 text but contains invalid characters. Save it as UTF-8 text and import it again.`, { cause: e });
    }
  }
  if (looksBinary(bytes)) {
    throw new ParallaxError('BINARY_FILE', `${name} contains binary data, not text. Parallax imports ${SUPPORTED_LIST}.`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw new ParallaxError(
      'INVALID_UTF8',
      `${name} is not valid UTF-8 text (the first bad byte is at position ${bad.toLocaleString('en-US')}); it may use an older encoding such as Windows-1252. Save it as UTF-8 and import it again.`,
    );
  }
  // TextDecoder drops a UTF-8 byte order mark by default.
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Plain text wrapped at a fixed width (mail, Project Gutenberg) has a line break inside
 * every paragraph; every line would become a passage and every sentence would be cut.
 * Rejoin the lines of each blank-line-separated paragraph when the whole file looks so.
 */
export function unwrapHardWrapped(text: string): string {
  const paragraphs = text.split(/\n{2,}/);
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length < 8 || paragraphs.length < 2) return text;
  const inBlocks = paragraphs.filter((p) => p.includes('\n')).flatMap((p) => p.split('\n').slice(0, -1));
  if (inBlocks.length < lines.length * 0.5) return text;
  const lengths = inBlocks.map((l) => l.trim().length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)]!;
  const wide = lengths.filter((n) => n > 100).length;
  if (median < 40 || median > 100 || wide > lengths.length * 0.05) return text;
  const listLine = /^\s*(?:[•◦▪‣●○■*+-]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)/;
  return paragraphs
    .map((p) =>
      p
        .split('\n')
        .reduce<string[]>((acc, line) => {
          if (acc.length === 0 || listLine.test(line)) acc.push(line);
          else acc[acc.length - 1] = `${acc[acc.length - 1]!.trimEnd()} ${line.trimStart()}`;
          return acc;
        }, [])
        .join('\n'),
    )
    .join('\n\n');
}

function isoFrom(s: string | null): string | null {
  return s ? (findDates(s)[0]?.iso ?? null) : null;
}

const MAGIC: Record<'pdf' | 'epub' | 'docx', { bytes: number[]; what: string }> = {
  pdf: { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF' },
  epub: { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an EPUB book' },
  docx: { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a Word document' },
};

/** PDF, EPUB and DOCX: checked by their magic number, then decoded to blocks. */
async function decodeBinaryFormat(name: string, format: 'pdf' | 'epub' | 'docx', bytes: Uint8Array): Promise<DecodedFile> {
  const magic = MAGIC[format];
  // A PDF may have a few bytes of junk before its header; zips start at byte 0.
  const head = format === 'pdf' ? Array.from(bytes.subarray(0, 1024)).join(',').indexOf(magic.bytes.join(',')) >= 0 : magic.bytes.every((b, i) => bytes[i] === b);
  if (!head) {
    const what = sniffFormat(bytes);
    throw new ParallaxError('MALFORMED_FILE', `${name} is not ${magic.what}: ${what ? `it looks like ${what}` : 'its first bytes are not those of one'}. Check the file, or give it the right extension.`);
  }
  const decoded: { blocks: DecodedBlock[]; title: string | null; author: string | null; published: string | null; language?: string | null } =
    format === 'pdf' ? await decodePdf(name, bytes) : format === 'epub' ? decodeEpub(name, bytes) : await decodeDocx(name, bytes);
  const text = blocksText(decoded.blocks);
  if (text.trim().length === 0) throw new ParallaxError('EMPTY_FILE', `${name} has no readable text.`);
  const lang = decoded.language ?? null;
  return { text, blocks: decoded.blocks, title: decoded.title, author: decoded.author, published: decoded.published, language: lang ?? guessLanguage(text) };
}

/**
 * Async because the PDF decoder (pdf.js) is; every decoder is pure (bytes in, document out, no DB)
 * so the import worker can run it under its limits.
 */
export async function decodeImportFile(name: string, bytes: Uint8Array): Promise<DecodedFile> {
  const format = importFormat(name);
  if (!format) {
    const what = sniffFormat(bytes);
    throw new ParallaxError('UNSUPPORTED_FILE', `${name} ${what ? `looks like ${what}, which` : 'is a type that'} Parallax cannot import. Supported: ${SUPPORTED_LIST}.`);
  }
  if (bytes.length === 0) throw new ParallaxError('EMPTY_FILE', `${name} is empty (0 bytes): there is nothing to import.`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ParallaxError('TOO_LARGE', `${name} is ${formatSize(bytes.length)}, over the import limit of ${MAX_IMPORT_BYTES / MB} MB. Split it into smaller files and import those.`);
  }
  if (format === 'pdf' || format === 'epub' || format === 'docx') return decodeBinaryFormat(name, format, bytes);
  const what = sniffFormat(bytes);
  if (what) {
    const code = what === 'an RTF document' ? 'UNSUPPORTED_FILE' : 'BINARY_FILE';
    throw new ParallaxError(code, `${name} looks like ${what}, not text. Parallax imports ${SUPPORTED_LIST}.`);
  }
  const raw = decodeBytes(name, bytes);
  const normalised = normaliseText(raw);
  if (normalised.length === 0) throw new ParallaxError('EMPTY_FILE', `${name} contains only whitespace: there is nothing to import.`);

  if (format === 'html') {
    const a = htmlToArticle(raw);
    const text = normaliseText(a.text);
    if (text.length === 0) throw new ParallaxError('EMPTY_FILE', `${name} has no readable text: the page holds only markup, scripts or images.`);
    return { text: a.text, blocks: a.blocks, title: a.title, author: a.author, published: a.published ?? extractPublished(text), language: a.language };
  }
  if (format === 'markdown') {
    const a = markdownToArticle(raw);
    const text = normaliseText(a.text);
    if (text.length === 0) throw new ParallaxError('EMPTY_FILE', `${name} has no readable text once its Markdown formatting is removed.`);
    return { text: a.text, blocks: a.blocks, title: a.title, author: a.author, published: isoFrom(a.published) ?? extractPublished(text), language: a.language ?? guessLanguage(text) };
  }
  const text = unwrapHardWrapped(normalised);
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  return {
    text,
    // An upper-case banner ("UKRAINIAN WORLD CONGRESS") is more often the site than the headline.
    title: isTitleCandidate(firstLine) && !isAllCaps(firstLine) ? firstLine : null,
    author: null,
    published: extractPublished(text),
    language: guessLanguage(text),
  };
}
