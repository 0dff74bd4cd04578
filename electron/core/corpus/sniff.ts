// Looking at the bytes of a file before trusting it to be text: what it really is when it is
// not text, which Unicode encoding it uses, and where UTF-8 first goes wrong.

function startsWith(bytes: Uint8Array, sig: ArrayLike<number>, at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

function latin1(bytes: Uint8Array, max: number): string {
  let s = '';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function zipKind(bytes: Uint8Array): string {
  const head = latin1(bytes, 64 * 1024);
  if (head.includes('mimetypeapplication/epub+zip')) return 'an EPUB e-book';
  if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'an OpenDocument text file (.odt)';
  if (head.includes('word/')) return 'a Word document (.docx)';
  if (head.includes('xl/')) return 'an Excel workbook (.xlsx)';
  if (head.includes('ppt/')) return 'a PowerPoint presentation (.pptx)';
  return 'a ZIP archive';
}

/**
 * What a file is by its magic number, phrased for a sentence ("a PNG image"), or null when
 * it has no signature Parallax knows.
 */
export function sniffFormat(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'a GIF image';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'a WebP image';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'a WAV audio file';
  if (startsWith(bytes, ascii('BM')) && startsWith(bytes, [0, 0, 0, 0], 6)) return 'a BMP image';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'a TIFF image';
  if (startsWith(bytes, ascii('%PDF-'))) return 'a PDF document';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'a Microsoft Office document (.doc, .xls or .ppt)';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'an RTF document';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'a gzip archive';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'a 7-Zip archive';
  if (startsWith(bytes, ascii('Rar!\x1a\x07'))) return 'a RAR archive';
  if (startsWith(bytes, ascii('SQLite format 3\x00'))) return 'an SQLite database';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'a program (ELF executable)';
  // Signatures made of letters could begin a real text; believe them only with a zero byte nearby.
  const nul = bytes.subarray(0, 64).indexOf(0) >= 0;
  if (!nul) return null;
  if (startsWith(bytes, ascii('ID3'))) return 'an MP3 audio file';
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'an MP4 or QuickTime video';
  if (startsWith(bytes, ascii('OggS'))) return 'an Ogg audio or video file';
  if (startsWith(bytes, ascii('fLaC'))) return 'a FLAC audio file';
  if (startsWith(bytes, ascii('wOFF')) || startsWith(bytes, ascii('wOF2'))) return 'a web font';
  if (startsWith(bytes, [0x00, 0x61, 0x73, 0x6d])) return 'a WebAssembly module';
  return null;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-32';

/** The Unicode encoding a byte order mark (or the zero-byte pattern of UTF-16 text) announces. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return 'utf-32';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  // UTF-16 without a BOM: mostly-ASCII text has a zero in every other byte.
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n >= 8) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenZero++;
      if (bytes[i + 1] === 0) oddZero++;
    }
    const pairs = n / 2;
    if (oddZero / pairs > 0.7 && evenZero / pairs < 0.05) return 'utf-16le';
    if (evenZero / pairs > 0.7 && oddZero / pairs < 0.05) return 'utf-16be';
  }
  return 'utf-8';
}

const SAMPLE = 64 * 1024;

/**
 * Whether the bytes are binary rather than text: a NUL byte, or more than a few control
 * characters other than tab, line breaks, form feed and escape.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) control++;
  }
  return control > 8 && control / n > 0.01;
}

/** Index of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
