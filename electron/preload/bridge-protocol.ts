// The protocol between Electron main and the preload, besides the contract's own channels.
// Plain data and pure functions only: main, the preload bundle and the renderer (types) share it,
// so it never imports 'electron', zod or the contract's runtime.

import type { ImportOutcome, ParallaxApi, Result } from '../api/contract.js';

/**
 * Main passes the contract's operation names and channels to the sandboxed preload on the
 * renderer's command line (webPreferences.additionalArguments -> process.argv). The preload
 * therefore builds window.parallax from the one table in electron/api/contract.ts without
 * bundling zod, and without a second list of names that could drift from the contract.
 */
export const OPS_ARG_PREFIX = '--parallax-ops=';

/** Channel on which main sends menu events to the window (main -> renderer only). */
export const MENU_CHANNEL = 'parallax-shell:menu';

/** Commands the application menu sends. Each means "show/do this", so a repeat is harmless. */
export const MENU_COMMANDS = [
  'search.open',
  'paste.document',
  'view.library',
  'view.compare',
  'view.study',
  'view.notes',
  'theme.system',
  'theme.light',
  'theme.sepia',
  'theme.dark',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * What window.parallax.onMenu delivers:
 * - `command`: a menu item or its shortcut was used.
 * - `imported`: File > Import… finished in main (native dialog, files read in main, imported
 *   through the contract's docs.import); `result` holds one outcome per picked file.
 */
export type MenuEvent =
  | { kind: 'command'; command: MenuCommand }
  | { kind: 'imported'; result: Result<ImportOutcome[]> };

export type MenuListener = (event: MenuEvent) => void;

/** window.parallax under Electron: one method per contract operation, plus onMenu. */
export type ParallaxBridge = ParallaxApi & {
  /** Subscribe to menu events; returns the unsubscribe function. */
  onMenu(listener: MenuListener): () => void;
};

/** Names of window.parallax members that are not contract operations. */
export const BRIDGE_EXTRAS = ['onMenu'] as const;

export interface OpChannel {
  name: string;
  channel: string;
}

const OP_NAME = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
const CHANNEL = /^parallax:[a-z][A-Za-z0-9.]*$/;

/** The renderer command-line argument carrying every operation and its IPC channel. */
export function encodeOpsArg(ops: readonly OpChannel[]): string {
  for (const op of ops) {
    if (!OP_NAME.test(op.name) || !CHANNEL.test(op.channel)) throw new Error(`Operation ${op.name} (${op.channel}) cannot be bridged.`);
    if ((BRIDGE_EXTRAS as readonly string[]).includes(op.name)) throw new Error(`Operation name ${op.name} is reserved by the bridge.`);
  }
  return OPS_ARG_PREFIX + encodeURIComponent(JSON.stringify(ops.map((o) => [o.name, o.channel])));
}

/** Read the operations back from argv; anything malformed is dropped, never trusted. */
export function decodeOpsArg(argv: readonly string[]): OpChannel[] {
  const arg = argv.find((a) => a.startsWith(OPS_ARG_PREFIX));
  if (!arg) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeURIComponent(arg.slice(OPS_ARG_PREFIX.length)));
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: OpChannel[] = [];
  const seen = new Set<string>();
  for (const pair of parsed as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2) continue;
    const [name, channel] = pair as unknown[];
    if (typeof name !== 'string' || typeof channel !== 'string') continue;
    if (!OP_NAME.test(name) || !CHANNEL.test(channel) || seen.has(name)) continue;
    if ((BRIDGE_EXTRAS as readonly string[]).includes(name)) continue;
    seen.add(name);
    out.push({ name, channel });
  }
  return out;
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Shape check for what arrives on MENU_CHANNEL before it reaches page code. */
export function isMenuEvent(value: unknown): value is MenuEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { kind?: unknown; command?: unknown; result?: unknown };
  if (v.kind === 'command') return isMenuCommand(v.command);
  if (v.kind === 'imported') return typeof v.result === 'object' && v.result !== null && typeof (v.result as { ok?: unknown }).ok === 'boolean';
  return false;
}
