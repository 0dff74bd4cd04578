import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'Parallax';

/**
 * The per-user library folder: the same folder Electron's app.getPath('userData') gives for
 * productName "Parallax", so the desktop app, the CLI and the browser host share one library.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PARALLAX_DATA_DIR) return path.resolve(env.PARALLAX_DATA_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** The bundled corpus: <project>/corpus, found relative to this file in source and in dist. */
export function defaultCorpusDir(): string {
  if (process.env.PARALLAX_CORPUS_DIR) return path.resolve(process.env.PARALLAX_CORPUS_DIR);
  const here = path.dirname(fileURLToPath(import.meta.url));
  // electron/core (source, run by tsx/vitest) or dist/electron/core (built)
  const up = here.includes(`${path.sep}dist${path.sep}`) ? ['..', '..', '..'] : ['..', '..'];
  return path.resolve(here, ...up, 'corpus');
}
