import { ParallaxError } from '../errors.js';
// PLACEHOLDER (corpus helper replaces with full validation + Readability for HTML).
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export interface DecodedFile {
  text: string; // raw text before normalisation
  title: string | null;
  author: string | null;
  published: string | null;
  language: string;
}
export function decodeImportFile(name: string, bytes: Uint8Array): DecodedFile {
  if (!/\.(txt|md|markdown|html?)$/i.test(name)) throw new ParallaxError('UNSUPPORTED_FILE', `${name} is not a supported file type.`);
  if (bytes.length === 0) throw new ParallaxError('EMPTY_FILE', `${name} is empty.`);
  if (bytes.length > MAX_IMPORT_BYTES) throw new ParallaxError('TOO_LARGE', `${name} is too large.`);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return { text, title: null, author: null, published: null, language: 'en' };
}
