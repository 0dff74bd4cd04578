// The application menu: the standard roles on every platform plus Parallax's own commands,
// which reach the renderer as menu events (see ../preload/bridge-protocol.ts). Only a type is
// imported from Electron, so the template is tested in Node.

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../preload/bridge-protocol.js';

export interface MenuActions {
  /** Send a command to the window's renderer. */
  command(command: MenuCommand): void;
  /** File > Import…: the native dialog and the import run in main. */
  importFiles(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Show developer tools items (not in packaged builds). */
  developer: boolean;
}

/** Ids of our own items, for tests and for enabling/disabling them later. */
export const MENU_IDS = {
  import: 'parallax.import',
  paste: 'parallax.paste',
  search: 'parallax.search',
  library: 'parallax.view.library',
  compare: 'parallax.view.compare',
  study: 'parallax.view.study',
  notes: 'parallax.view.notes',
  themeSystem: 'parallax.theme.system',
  themeLight: 'parallax.theme.light',
  themeSepia: 'parallax.theme.sepia',
  themeDark: 'parallax.theme.dark',
} as const;

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.command(command);

  const appMenu: MenuItemConstructorOptions = { label: options.appName, role: 'appMenu' };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: MENU_IDS.import, label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      { id: MENU_IDS.paste, label: 'Paste as Document…', accelerator: 'CmdOrCtrl+Shift+V', click: send('paste.document') },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = { label: '&Edit', role: 'editMenu' };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { id: MENU_IDS.search, label: 'Search…', accelerator: 'CmdOrCtrl+K', click: send('search.open') },
      { type: 'separator' },
      { id: MENU_IDS.library, label: 'Library', accelerator: 'CmdOrCtrl+1', click: send('view.library') },
      { id: MENU_IDS.compare, label: 'Compare', accelerator: 'CmdOrCtrl+2', click: send('view.compare') },
      { id: MENU_IDS.study, label: 'Study', accelerator: 'CmdOrCtrl+3', click: send('view.study') },
      { id: MENU_IDS.notes, label: 'Notes', accelerator: 'CmdOrCtrl+4', click: send('view.notes') },
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: [
          { id: MENU_IDS.themeSystem, label: 'Follow System', click: send('theme.system') },
          { type: 'separator' },
          { id: MENU_IDS.themeLight, label: 'Light', click: send('theme.light') },
          { id: MENU_IDS.themeSepia, label: 'Sepia', click: send('theme.sepia') },
          { id: MENU_IDS.themeDark, label: 'Dark', click: send('theme.dark') },
        ],
      },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.developer
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
        : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { label: '&Window', role: 'windowMenu' };

  const helpMenu: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ role: 'about', label: `About ${options.appName}` }],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
