// Electron main entry (ESM). Order matters: the scheme, the app name and the data folder are
// set at top level, before the 'ready' event; everything else waits for whenReady().

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { createDispatcher, type Dispatcher } from '../api/handlers.js';
import { listBackups, restoreLibrary } from '../core/db/backup.js';
import { DamagedLibraryError } from '../core/db/integrity.js';
import { DB_FILE_NAME } from '../core/db/open.js';
import { errorStack } from '../core/errors.js';
import { openLibrary, type Library } from '../core/library.js';
import { startStudyBackground } from '../core/study/index.js';
import { APP_NAME, defaultDataDir } from '../core/paths.js';
import { MENU_CHANNEL, type MenuEvent } from '../preload/bridge-protocol.js';
import { registerContractIpc } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { IMPORT_DIALOG_FILTERS, importPickedFiles } from './native-import.js';
import { serveRendererRequest } from './renderer-files.js';
import { hardenSession, hardenWebContents } from './security.js';
import {
  bindingLoadMessage,
  damagedLibraryPrompt,
  electronSqliteBindingPath,
  libraryOpenMessage,
  missingBindingMessage,
  type StartupMessage,
} from './startup.js';
import { APP_SCHEME, isRendererUrl } from '../common/web-policy.js';
import { createMainWindow } from './window.js';

const log = (message: string): void => {
  process.stderr.write(message + '\n');
};

// dist/electron/main -> project (or app.asar) root
const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.resolve(here, '..', '..', '..');
const rendererRoot = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(appRoot, 'dist', 'preload', 'index.cjs');
const iconPath = path.join(appRoot, 'build', 'icon.png');

const STOP_DEADLINE_MS = 1700;

// --- before ready -------------------------------------------------------------------------

protocol.registerSchemesAsPrivileged([
  // standard + secure: a real origin (app://parallax) with 'self' in the CSP and storage;
  // no bypassCSP, no corsEnabled: nothing else may read it.
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

app.setName(APP_NAME);
// The desktop app, the CLI and the browser host share one library folder (PARALLAX_DATA_DIR
// overrides it, e.g. for tests); userData is set before anything reads it.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
app.enableSandbox();

// Another Parallax already owns this library: it gets focus (its second-instance handler)
// and this process leaves without opening anything.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.quit();

// --- state ---------------------------------------------------------------------------------

let mainWindow: BrowserWindow | null = null;
let library: Library | null = null;
let dispatcher: Dispatcher | null = null;
let readOnlyTitle = false;
let resolveDispatcher: (d: Dispatcher) => void = () => {};
const dispatcherReady = new Promise<Dispatcher>((resolve) => {
  resolveDispatcher = resolve;
});

function fatal(msg: StartupMessage): never {
  log(`[parallax] ${msg.title}: ${msg.message}`);
  dialog.showErrorBox(msg.title, msg.message);
  app.exit(1);
  throw new Error(msg.title);
}

function sendMenuEvent(event: MenuEvent): void {
  const win = mainWindow;
  if (!win || win.isDestroyed()) return;
  if (!isRendererUrl(win.webContents.getURL())) return;
  win.webContents.send(MENU_CHANNEL, event);
}

async function importFromDialog(): Promise<void> {
  const win = mainWindow;
  if (!win || !dispatcher) return;
  const picked = await dialog.showOpenDialog(win, {
    title: 'Import documents',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: IMPORT_DIALOG_FILTERS,
  });
  if (picked.canceled || picked.filePaths.length === 0) return;
  const result = await importPickedFiles(dispatcher, picked.filePaths);
  sendMenuEvent({ kind: 'imported', result });
}

function useElectronSqlite(): void {
  const binding = electronSqliteBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron ?? '',
  });
  if (!fs.existsSync(binding)) fatal(missingBindingMessage(binding, app.isPackaged));
  try {
    // Load it once here so an ABI mismatch is reported as what it is, not as a bad database.
    createRequire(import.meta.url)(binding);
  } catch (e) {
    fatal(bindingLoadMessage(binding, e));
  }
  process.env.PARALLAX_SQLITE_BINDING = binding;
}

/**
 * A damaged library is never written: the person chooses to open it read-only (read and export
 * what is left), to restore the newest backup (the damaged file is kept), or to quit.
 */
async function openDamaged(error: unknown, dbPath: string): Promise<Library> {
  const prompt = damagedLibraryPrompt(error, dbPath, listBackups(dbPath), error instanceof DamagedLibraryError);
  if (!prompt) fatal(libraryOpenMessage(error, dbPath));
  log(`[parallax] ${prompt.title}: ${prompt.detail}`);
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: prompt.title,
    message: prompt.message,
    detail: prompt.detail,
    buttons: prompt.buttons,
    defaultId: 0,
    cancelId: prompt.buttons.length - 1,
    noLink: true,
  });
  const choice = prompt.choices[response] ?? 'quit';
  if (choice === 'read-only') {
    readOnlyTitle = true;
    return openLibrary({ dataDir: app.getPath('userData'), readonly: true, allowDamaged: true });
  }
  if (choice === 'restore' && prompt.restoreFrom) {
    await restoreLibrary(prompt.restoreFrom, dbPath);
    return openLibrary({ dataDir: app.getPath('userData') });
  }
  app.exit(1);
  throw new Error('quit');
}

async function openTheLibrary(): Promise<void> {
  const dbPath = path.join(dataDir, DB_FILE_NAME);
  try {
    library = await openLibrary({ dataDir: app.getPath('userData') });
  } catch (e) {
    try {
      library = await openDamaged(e, dbPath);
    } catch (again) {
      fatal(libraryOpenMessage(again, dbPath));
    }
  }
  dispatcher = createDispatcher(library, log);
  // Cards are prepared off the event loop, after changes and at first start (ended by library.close()).
  startStudyBackground(library, { log });
  resolveDispatcher(dispatcher);
}

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow({
    preloadPath,
    stateDir: dataDir,
    title: readOnlyTitle ? `${APP_NAME} (read-only: the library is damaged)` : APP_NAME,
    ...(process.platform === 'linux' && fs.existsSync(iconPath) ? { iconPath } : {}),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// --- lifecycle -------------------------------------------------------------------------------

if (isFirstInstance) start();

function start(): void {
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openInBrowser: (url) => shell.openExternal(url), log });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && library) showMainWindow();
  });

  // SIGTERM / Ctrl+C in the terminal: quit the way the menu does (the library closes cleanly
  // below), and leave within 2 s whatever runs.
  const onSignal = (sig: string): void => {
    log(`[parallax] ${sig}: quitting.`);
    setTimeout(() => app.exit(0), STOP_DEADLINE_MS).unref();
    app.quit();
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));

  let closing = false;
  app.on('will-quit', (event) => {
    if (!library || closing) return;
    // Close the database cleanly (WAL checkpoint) before the process goes.
    event.preventDefault();
    closing = true;
    const lib = library;
    library = null;
    lib
      .close()
      .catch((e: unknown) => log(`[parallax] closing the library failed: ${String(e)}`))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, log);
      protocol.handle(APP_SCHEME, (request) => serveRendererRequest(rendererRoot, request));
      registerContractIpc(ipcMain, {
        dispatcher: () => dispatcherReady,
        trusted: () => ({ webContentsId: mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null }),
        log,
      });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate(
            {
              command: (command) => sendMenuEvent({ kind: 'command', command }),
              importFiles: () => {
                importFromDialog().catch((e: unknown) => log(`[parallax] import failed: ${String(e)}`));
              },
            },
            { platform: process.platform, appName: APP_NAME, developer: !app.isPackaged },
          ),
        ),
      );
      app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });

      useElectronSqlite();
      await openTheLibrary();
      showMainWindow();
    })
    .catch((e: unknown) => {
      if (!app.isReady()) return;
      log(`[parallax] start-up failed: ${errorStack(e)}`);
      if (!closing) app.exit(1);
    });
}
