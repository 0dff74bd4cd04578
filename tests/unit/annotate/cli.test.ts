import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { tempDir } from '../../helpers/library.js';

// `parallax highlights ...` in process, through the same contract as the app.

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const DOC = 'b44e6ea7410dd368';
const ROW_KEYS = ['color', 'docId', 'end', 'exact', 'id', 'note', 'orphan', 'start'];

describe('parallax highlights', () => {
  const data = tempDir();

  it('adds, lists (with the documented JSON keys), edits and deletes highlights', async () => {
    const empty = await cli(['--data', data, 'highlights', '--json']);
    expect(empty).toMatchObject({ code: 0, out: '[]\n' });

    const added = await cli(['--data', data, 'highlights', 'add', DOC, '5', '21', '--color', 'green', '--note', 'From the CLI', '--json']);
    expect(added.code).toBe(0);
    const h = JSON.parse(added.out) as Record<string, unknown>;
    expect(Object.keys(h).sort()).toEqual(ROW_KEYS);
    expect(h).toMatchObject({ docId: DOC, start: 5, end: 21, color: 'green', note: 'From the CLI', orphan: false });
    const show = JSON.parse((await cli(['--data', data, 'show', DOC, '--json'])).out) as { text: string };
    expect(h.exact).toBe(show.text.slice(5, 21));

    const list = await cli(['--data', data, 'highlights', '--json']);
    const rows = JSON.parse(list.out) as Array<Record<string, unknown>>;
    expect(rows).toEqual([h]);
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(ROW_KEYS);

    const human = await cli(['--data', data, 'highlights']);
    expect(human.out).toContain(`${h.id}  ${DOC}  5-21  green`);
    expect(human.out).toContain('note: From the CLI');

    const edited = await cli(['--data', data, 'highlights', 'edit', String(h.id), '--note', '', '--color', 'blue', '--json']);
    expect(JSON.parse(edited.out)).toMatchObject({ note: null, color: 'blue' });
    expect(JSON.parse((await cli(['--data', data, 'highlights', '--color', 'green', '--json'])).out)).toEqual([]);

    const deleted = await cli(['--data', data, 'highlights', 'delete', String(h.id)]);
    expect(deleted.code).toBe(0);
    expect(JSON.parse((await cli(['--data', data, 'highlights', '--json'])).out)).toEqual([]);
  });

  it('reports bad arguments and bad offsets with a non-zero status', async () => {
    expect((await cli(['--data', data, 'highlights', 'add', DOC, '5'])).code).toBe(2);
    expect((await cli(['--data', data, 'highlights', 'add', DOC, '5', 'x'])).code).toBe(2);
    expect((await cli(['--data', data, 'highlights', 'add', DOC, '5', '9', '--color', 'orange'])).code).toBe(2);
    const outside = await cli(['--data', data, 'highlights', 'add', DOC, '5', '99999999']);
    expect(outside.code).toBe(1);
    expect(outside.err).toMatch(/not inside the document/);
    expect((await cli(['--data', data, 'highlights', 'add', 'nosuchdoc', '1', '2'])).err).toMatch(/No document/);
    expect((await cli(['--data', data, 'highlights', 'frobnicate'])).code).toBe(2);
    expect((await cli(['--data', data, 'highlights', 'export', '--format', 'pdf'])).code).toBe(2);
  });

  it('exports Markdown and W3C to stdout or a file, and imports the W3C file into another library', async () => {
    await cli(['--data', data, 'highlights', 'add', DOC, '5', '21', '--note', 'exported']);
    const md = await cli(['--data', data, 'highlights', 'export', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Highlights and notes/);
    expect(md.out).toContain('**Note:** exported');

    const file = path.join(tempDir(), 'out.jsonld');
    const w3c = await cli(['--data', data, 'highlights', 'export', '--format', 'w3c', '--out', file]);
    expect(w3c).toMatchObject({ code: 0, out: '' });
    expect(w3c.err).toMatch(/wrote 1 annotation/);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ type: 'AnnotationCollection', total: 1 });

    const other = tempDir();
    const imported = await cli(['--data', other, 'highlights', 'import', file, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toEqual({ imported: 1, orphans: 0, skipped: 0, messages: [] });
    const there = JSON.parse((await cli(['--data', other, 'highlights', '--json'])).out) as Array<Record<string, unknown>>;
    const here = JSON.parse((await cli(['--data', data, 'highlights', '--json'])).out) as Array<Record<string, unknown>>;
    expect(there).toEqual(here);

    const again = await cli(['--data', other, 'highlights', 'import', file]);
    expect(again.out).toBe('imported 0, could not be placed 0, skipped 1\n');
  });

  it('refuses a malformed import file and changes nothing', async () => {
    const bad = path.join(tempDir(), 'bad.json');
    fs.writeFileSync(bad, '{"type": "Annotation"}');
    const before = (await cli(['--data', data, 'highlights', '--json'])).out;
    const res = await cli(['--data', data, 'highlights', 'import', bad]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/cannot be imported: annotation 1 has no target/);
    expect((await cli(['--data', data, 'highlights', '--json'])).out).toBe(before);
    expect((await cli(['--data', data, 'highlights', 'import', path.join(tempDir(), 'missing.json')])).err).toMatch(/could not be read/);
  });
});
