// The one window: locked-down web preferences, restored bounds, the renderer from app://.

import { BrowserWindow, nativeTheme, screen } from 'electron';
import { preloadOpsArgument } from './ipc.js';
import { RENDERER_ENTRY_URL } from '../common/web-policy.js';
import { debounce, loadWindowState, MIN_SIZE, saveWindowState } from './window-state.js';

export interface MainWindowOptions {
  preloadPath: string;
  /** Where window-state.json lives (userData). */
  stateDir: string;
  title: string;
  iconPath?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(
    options.stateDir,
    screen.getAllDisplays().map((d) => d.workArea),
  );

  const win = new BrowserWindow({
    title: options.title,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1b19' : '#faf8f3',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      additionalArguments: [preloadOpsArgument()],
    },
  });

  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const save = debounce(() => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const maximized = win.isMaximized();
    // While maximized keep the last normal bounds, so un-maximizing next time restores them.
    const b = maximized ? win.getNormalBounds() : win.getBounds();
    saveWindowState(options.stateDir, { x: b.x, y: b.y, width: b.width, height: b.height, maximized });
  }, 400);
  for (const event of ['move', 'resize', 'maximize', 'unmaximize'] as const) win.on(event as 'move', () => save.trigger());
  win.on('close', () => {
    save.trigger();
    save.flush();
  });

  win.loadURL(RENDERER_ENTRY_URL).catch((e: unknown) => {
    // The page itself shows what it can; this only records why loading stopped.
    process.stderr.write(`[parallax] loading ${RENDERER_ENTRY_URL} failed: ${String(e)}\n`);
  });
  return win;
}
