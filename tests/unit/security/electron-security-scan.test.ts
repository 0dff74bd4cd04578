import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/library.js';

// The project's outside security scan (Doyensec's electronegativity, via ../shared/tools) over
// electron/: no HIGH or MEDIUM finding may be left unaccepted. Accepted findings live in
// .electronegativity-accept with the reason each is safe here.

const SCAN = path.resolve(REPO_ROOT, '..', 'shared', 'tools', 'electron-security-scan');
const present = fs.existsSync(SCAN);

describe('electron security scan', () => {
  it(
    'finds no unaccepted HIGH or MEDIUM issue in electron/',
    (ctx) => {
      if (!present) ctx.skip(`${SCAN} is absent on this machine: the scan runs where ../shared/tools exists`);
      // The first run installs the scanner into ~/.cache (npm registry); later runs take seconds.
      const r = spawnSync('bash', [SCAN, 'electron'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000 });
      const output = `${r.stdout}${r.stderr}`;
      expect(r.error, output).toBeUndefined();
      expect(output).toMatch(/\d+ findings, 0 HIGH or MEDIUM not accepted/);
      expect(r.status, output).toBe(0);
    },
    300_000,
  );

  it('accepts findings only with a check name, a place and a reason', () => {
    const file = path.join(REPO_ROOT, '.electronegativity-accept');
    if (!fs.existsSync(file)) return;
    const lines = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    for (const line of lines) {
      const [check, where, why] = line.split('\t');
      expect(check, line).toMatch(/^[A-Z_]+_CHECK$/);
      expect(where, line).toMatch(/^electron\/[\w/.-]+\.ts:\d+$/);
      expect((why ?? '').length, `reason for ${check}`).toBeGreaterThan(40);
      const [rel, lineNo] = where!.split(':');
      expect(fs.existsSync(path.join(REPO_ROOT, rel!)), `${rel} exists`).toBe(true);
      const count = fs.readFileSync(path.join(REPO_ROOT, rel!), 'utf8').split('\n').length;
      expect(Number(lineNo), `${where} is inside the file`).toBeLessThanOrEqual(count);
    }
  });
});
