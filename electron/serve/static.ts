import fs from 'node:fs';
import path from 'node:path';

// One table of content types for both hosts of the renderer (app:// in Electron, HTTP here).
export { mimeTypeFor as mimeFor } from '../common/content-types.js';

/**
 * The file under `root` a URL path names, or null when it names nothing there (including any
 * attempt to climb out with .., encoded slashes or NUL bytes).
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, rel);
  const rootResolved = path.resolve(root);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) return null;
  try {
    const real = fs.realpathSync(full);
    const realRoot = fs.realpathSync(rootResolved);
    if (!real.startsWith(realRoot + path.sep)) return null;
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}
