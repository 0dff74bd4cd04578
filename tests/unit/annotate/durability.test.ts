import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listHighlights, type HighlightRecord } from '../../../electron/core/annotate/index.js';
import { openLibrary } from '../../../electron/core/library.js';
import { CORPUS_DIR, REPO_ROOT, tempDir } from '../../helpers/library.js';

// A highlight the app confirmed is on disk at that moment: a process that saved one and is
// killed (SIGKILL: no exit handlers, no close) the instant it reported success loses nothing.

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'durability-child.ts');
const DOC = 'b44e6ea7410dd368';

function runUntilSaved(dataDir: string): Promise<{ saved: HighlightRecord; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, CORPUS_DIR, DOC], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let saved: HighlightRecord | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /^SAVED (.+)$/m.exec(out);
      if (m && saved === null) {
        child.kill('SIGKILL');
        saved = JSON.parse(m[1] as string) as HighlightRecord;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (saved === null) reject(new Error(`child exited (${code ?? signal}) without saving: ${err}`));
      else resolve({ saved, signal });
    });
  });
}

describe('durability', () => {
  it('finds a confirmed highlight after the process is SIGKILLed right after saving it', async () => {
    for (let round = 0; round < 2; round++) {
      const dataDir = tempDir('parallax-kill-');
      const { saved, signal } = await runUntilSaved(dataDir);
      expect(saved).toMatchObject({ docId: DOC, color: 'pink', note: 'confirmed before the kill' });
      expect(signal).toBe('SIGKILL');
      // The library was never closed: its write-ahead log is still there.
      expect(fs.existsSync(path.join(dataDir, 'library.sqlite-wal'))).toBe(true);
      const lib = await openLibrary({ dataDir, corpusDir: CORPUS_DIR });
      try {
        expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(listHighlights(lib.db).find((h) => h.id === saved.id)).toEqual(saved);
      } finally {
        await lib.close();
      }
    }
  }, 120_000);
});
