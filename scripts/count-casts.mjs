// Counts type assertions (`x as T`, `<T>x`; `as const` excluded) in TypeScript sources, with the
// TypeScript parser (no type check), so comments and strings never count.
// Usage: node scripts/count-casts.mjs [--files] [dir-or-file ...]   (default: electron renderer)
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const perFile = args.includes('--files');
const roots = args.filter((a) => !a.startsWith('--'));
const files = [];
const walk = (p) => {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    if (/node_modules|dist/.test(path.basename(p))) return;
    for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  } else if (/\.(ts|tsx|mts)$/.test(p) && !p.endsWith('.d.ts')) files.push(p);
};
for (const r of roots.length ? roots : ['electron', 'renderer']) if (fs.existsSync(r)) walk(r);

let total = 0;
const counts = [];
for (const file of files) {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  let n = 0;
  const visit = (node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !(ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(src) === 'const')) n++;
    ts.forEachChild(node, visit);
  };
  visit(src);
  total += n;
  if (n) counts.push([n, file]);
}
if (perFile) for (const [n, f] of counts.sort((a, b) => b[0] - a[0])) console.log(`${String(n).padStart(5)}  ${f}`);
console.log(`${total} casts in ${files.length} files`);
