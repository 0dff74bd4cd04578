import { unzipSync, type Unzipped } from 'fflate';
import { ParallaxError } from '../../errors.js';

// The zip container of EPUB and DOCX files, read with fflate (a well-kept zip library).

/** Unzip, or refuse naming the file and saying what is wrong. */
export function openZip(name: string, bytes: Uint8Array, what: string): Unzipped {
  try {
    return unzipSync(bytes);
  } catch (e) {
    throw new ParallaxError('MALFORMED_FILE', `${name} is not a readable ${what}: its zip container is damaged (${(e as Error).message}). Open it in the program that made it, save a new copy and import that.`, { cause: e });
  }
}

export function zipText(files: Unzipped, path: string): string | null {
  const f = files[path];
  return f ? new TextDecoder('utf-8').decode(f) : null;
}
