import Database from 'better-sqlite3';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { backupDatabase, listBackups, restoreLibrary, verifyLibraryFile } from '../../core/db/backup.js';
import { assertSqliteFile, checkIntegrity } from '../../core/db/integrity.js';
import { pragmaNumber } from '../../core/db/pragma.js';
import { ParallaxError } from '../../core/errors.js';
import { UsageError, type FileCommand, type FileContext } from '../command.js';

// Commands on the library file itself. None goes through openLibrary: the file may be damaged
// (check, backup rescue what reads) or about to be replaced (restore).

function openReadOnly(ctx: FileContext): Database.Database {
  if (!fs.existsSync(ctx.dbPath)) throw new ParallaxError('NOT_FOUND', `There is no library at ${ctx.dbPath} yet.`);
  assertSqliteFile(ctx.dbPath);
  return new Database(ctx.dbPath, { readonly: true, fileMustExist: true });
}

const out = (ctx: FileContext, value: unknown, text: string): void => {
  if (ctx.json) ctx.io.out(JSON.stringify(value, null, 2) + '\n');
  else ctx.io.out(text);
};

const check: FileCommand = {
  name: 'check',
  summary: 'Check the library file with SQLite’s full integrity check.',
  usage: 'parallax check [--json]',
  onFile: true,
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false });
    const db = openReadOnly(ctx);
    try {
      const report = checkIntegrity(db, 'full', 50);
      const schema = pragmaNumber(db, 'user_version');
      out(
        ctx,
        { file: ctx.dbPath, ok: report.ok, schema, problems: report.problems },
        report.ok
          ? `The library at ${ctx.dbPath} passed SQLite’s full integrity check (schema ${schema}).\n`
          : `The library at ${ctx.dbPath} is damaged. SQLite’s check found:\n${report.problems.map((p) => `  ${p}`).join('\n')}\n` +
              'Read and export what is left with `parallax --read-only …`, or restore a backup (`parallax backups`, `parallax restore FILE`).\n',
      );
      return report.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
};

const backup: FileCommand = {
  name: 'backup',
  summary: 'Copy the library (SQLite online backup) to FILE, or to backups/ beside it.',
  usage: 'parallax backup [FILE] [--json]',
  onFile: true,
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
    if (positionals.length > 1) throw new UsageError('backup takes at most one file name.');
    const db = openReadOnly(ctx);
    try {
      const dest = await backupDatabase(db, ctx.dbPath, 'manual', positionals[0] ? { dest: positionals[0] } : {});
      const bytes = fs.statSync(dest).size;
      out(ctx, { file: dest, bytes }, `Backed up the library to ${dest} (${(bytes / 1048576).toFixed(1)} MB).\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};

const backups: FileCommand = {
  name: 'backups',
  summary: 'List the automatic and manual backups beside the library, oldest first.',
  usage: 'parallax backups [--json]',
  onFile: true,
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false });
    const list = listBackups(ctx.dbPath);
    out(
      ctx,
      list,
      list.length === 0 ? `There are no backups of ${ctx.dbPath} yet.\n` : list.map((b) => `${b.at}  ${b.reason.padEnd(18)} ${b.file}\n`).join(''),
    );
    return 0;
  },
};

const restore: FileCommand = {
  name: 'restore',
  summary: 'Make FILE (a backup) the library; the current one is kept in backups/. Close the app first.',
  usage: 'parallax restore FILE [--json]',
  onFile: true,
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('restore takes one file: a backup (see `parallax backups`).');
    const src = positionals[0];
    if (!fs.existsSync(src)) throw new ParallaxError('NOT_FOUND', `${src} does not exist.`);
    verifyLibraryFile(src);
    const { restored, previous } = await restoreLibrary(src, ctx.dbPath);
    out(
      ctx,
      { file: ctx.dbPath, from: src, documents: restored.documents, schema: restored.schema, previous },
      `Restored ${restored.documents} document(s) from ${src} into ${ctx.dbPath}.` + (previous ? ` The library as it was is kept at ${previous}.` : '') + '\n',
    );
    return 0;
  },
};

export const maintenanceCommands: FileCommand[] = [check, backup, backups, restore];
