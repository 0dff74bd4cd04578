import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/library.js';

// docs/architecture.md must match the tree: every repository path it names (in backticks)
// exists, and the layer table it shows is the one eslint.config.js enforces.

const DOC = fs.readFileSync(path.join(REPO_ROOT, 'docs/architecture.md'), 'utf8');
const ROOTS = ['electron/', 'renderer/', 'tests/', 'bench/', 'docs/', 'scripts/'];

function namedPaths(markdown: string): string[] {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/`([^`\s]+)`/g)) {
    const p = (m[1] ?? '').replace(/[*]+$/, '').replace(/\/$/, '');
    if (ROOTS.some((r) => p.startsWith(r)) && !/[<>*{}]/.test(p)) out.add(p);
  }
  return [...out];
}

describe('docs/architecture.md', () => {
  it('names paths (the check finds them)', () => {
    expect(namedPaths('see `electron/core/text/` and `electron/api/contract*` but not `index.ts`')).toEqual(['electron/core/text', 'electron/api/contract']);
    expect(namedPaths(DOC).length).toBeGreaterThan(40);
  });

  it.each(namedPaths(DOC))('names %s, which exists', (p) => {
    const hit = fs.existsSync(path.join(REPO_ROOT, p)) || fs.readdirSync(path.join(REPO_ROOT, path.dirname(p))).some((f) => f.startsWith(path.basename(p)));
    expect(hit).toBe(true);
  });

  it('shows the layers eslint.config.js enforces', () => {
    const config = fs.readFileSync(path.join(REPO_ROOT, 'eslint.config.js'), 'utf8');
    const layers = [...config.matchAll(/^\s+\['([\w-]+)', \/\^/gm)].map((m) => m[1]);
    expect(layers.length).toBeGreaterThan(8);
    for (const layer of layers) expect(DOC, `layer ${layer}`).toMatch(new RegExp(`\\| ${layer.replace('-', '[- ]')} \\(`));
  });
});
