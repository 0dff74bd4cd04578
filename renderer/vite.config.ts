import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// This file configures the build and runs in Node, not in the renderer.
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY_META } from '../electron/common/web-policy.js';

/**
 * The built page carries the desktop window's Content Security Policy as a meta tag too
 * (nothing from any other origin, no inline script). Dev mode needs inline scripts for hot
 * reload, so the tag is added at build only. The browser host and the Electron protocol
 * handler send the same policy as a header.
 */
export const RENDERER_CSP = CONTENT_SECURITY_POLICY_META;

function cspMeta(): Plugin {
  return {
    name: 'parallax-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' }],
  };
}

// The renderer is served from file:// (Electron) and from the browser host, so every
// asset path is relative and nothing is fetched from another origin.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  resolve: {
    // The renderer reaches the shared contract through this alias only (see views/README.md).
    alias: [{ find: /^@contract$/, replacement: fileURLToPath(new URL('../electron/api/contract.ts', import.meta.url)) }],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Fonts and icons stay files (a data: URL would need a looser CSP).
    assetsInlineLimit: 0,
  },
});
