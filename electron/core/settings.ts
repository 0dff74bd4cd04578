import type { Db } from './db/open.js';

// The reader's settings: a flat key -> string table (theme, study retention, ...). Each
// feature validates its own keys (the contract checks what the renderer sends).

interface SettingRow {
  key: string;
  value: string;
}

/** Every stored setting. */
export function getSettings(db: Db): Record<string, string> {
  const rows = db.prepare<[], SettingRow>('SELECT key, value FROM settings').all();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** Store one setting (insert or replace) and return them all. */
export function setSetting(db: Db, key: string, value: string): Record<string, string> {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  return getSettings(db);
}
