import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/library.js';

// "Handlers are thin": an api handler validates nothing itself (the dispatcher does), touches
// no SQL and calls core. SQL found in a handler belongs in a core function.

const HANDLERS = [path.join(REPO_ROOT, 'electron/api/handlers.ts'), ...fs.readdirSync(path.join(REPO_ROOT, 'electron/api/handlers')).filter((f) => f.endsWith('.ts')).map((f) => path.join(REPO_ROOT, 'electron/api/handlers', f))];

/** SQL a handler could hold: a statement keyword followed by SQL syntax, or a prepared statement. */
const SQL = [
  /\bSELECT\b[\s\S]{0,200}?\bFROM\b/,
  /\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b/i,
  /\bUPDATE\s+\w+\s+SET\b/i,
  /\bDELETE\s+FROM\b/i,
  /\bCREATE\s+(?:TABLE|INDEX|VIEW|TRIGGER|UNIQUE)\b/i,
  /\b(?:DROP|ALTER)\s+TABLE\b/i,
  /\bPRAGMA\b/i,
  /\.prepare\s*[<(]/,
  /\.exec\s*\(\s*['"`]/,
  /\.transaction\s*\(/,
];

function sqlIn(source: string): string[] {
  return SQL.filter((re) => re.test(source)).map((re) => re.source);
}

describe('api handlers', () => {
  it('the SQL detector catches what it should and passes plain code', () => {
    expect(sqlIn("db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id)")).not.toEqual([]);
    expect(sqlIn('lib.db.prepare<[string]>(sql)')).not.toEqual([]);
    expect(sqlIn("const q = `INSERT INTO settings (key) VALUES (?)`")).not.toEqual([]);
    expect(sqlIn("run('update cards set due = ?')")).not.toEqual([]);
    expect(sqlIn("// Update the card, then set its due date; select from the deck")).toEqual([]);
    expect(sqlIn('run("UPDATE cards SET due = ?")')).not.toEqual([]);
    expect(sqlIn("db.exec('DELETE FROM x')")).not.toEqual([]);
    expect(sqlIn("return listHighlights(lib.db, { docId }); // select the first one from the list")).toEqual([]);
  });

  it.each(HANDLERS.map((f) => [path.relative(REPO_ROOT, f), f]))('%s holds no SQL (it calls core)', (_rel, file) => {
    expect(sqlIn(fs.readFileSync(file, 'utf8'))).toEqual([]);
  });
});
