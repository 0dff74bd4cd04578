#!/usr/bin/env node
// The `parallax` command: runs the compiled CLI (npm run build first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/electron/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('parallax: the CLI is not built yet. Run `npm run build` in the Parallax folder first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
