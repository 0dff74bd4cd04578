import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, MENU_IDS } from '../../../electron/main/menu.js';
import { MENU_COMMANDS, type MenuCommand } from '../../../electron/preload/bridge-protocol.js';

// (Main-process module; kept with the shell's other tests.)

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(platform: NodeJS.Platform, developer = false) {
  const sent: MenuCommand[] = [];
  let imports = 0;
  const template = buildMenuTemplate(
    { command: (c) => sent.push(c), importFiles: () => imports++ },
    { platform, appName: 'Parallax', developer },
  );
  return { template, items: flatten(template), sent, imports: () => imports };
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('the application menu', () => {
  it('has the standard menus, with the app menu on macOS only', () => {
    expect(build('linux').template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const mac = build('darwin').template;
    expect(mac[0]).toMatchObject({ role: 'appMenu' });
    expect(mac).toHaveLength(6);
    const roles = build('linux').items.map((i) => i.role).filter(Boolean);
    for (const role of ['quit', 'editMenu', 'windowMenu', 'help', 'about', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']) {
      expect(roles, role).toContain(role);
    }
  });

  it('keeps developer tools out of packaged builds', () => {
    expect(build('linux', false).items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build('linux', true).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it("offers the app's own shortcuts, each sending its command", () => {
    const { items, sent } = build('win32');
    const byId = new Map(items.filter((i) => i.id).map((i) => [i.id!, i]));
    const expected: Array<[string, string | undefined, MenuCommand]> = [
      [MENU_IDS.search, 'CmdOrCtrl+K', 'search.open'],
      [MENU_IDS.paste, 'CmdOrCtrl+Shift+V', 'paste.document'],
      [MENU_IDS.library, 'CmdOrCtrl+1', 'view.library'],
      [MENU_IDS.compare, 'CmdOrCtrl+2', 'view.compare'],
      [MENU_IDS.study, 'CmdOrCtrl+3', 'view.study'],
      [MENU_IDS.notes, 'CmdOrCtrl+4', 'view.notes'],
      [MENU_IDS.themeSystem, undefined, 'theme.system'],
      [MENU_IDS.themeLight, undefined, 'theme.light'],
      [MENU_IDS.themeSepia, undefined, 'theme.sepia'],
      [MENU_IDS.themeDark, undefined, 'theme.dark'],
    ];
    for (const [id, accelerator, command] of expected) {
      const item = byId.get(id);
      expect(item, id).toBeDefined();
      expect(item!.accelerator).toBe(accelerator);
      click(item!);
      expect(sent.at(-1)).toBe(command);
    }
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
  });

  it('imports through main with Ctrl/Cmd+O, and no two items share a shortcut', () => {
    const { items, imports, sent } = build('linux');
    const item = items.find((i) => i.id === MENU_IDS.import)!;
    expect(item.accelerator).toBe('CmdOrCtrl+O');
    click(item);
    expect(imports()).toBe(1);
    expect(sent).toEqual([]);
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
