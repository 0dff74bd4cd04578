import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { tempDir } from '../../helpers/library.js';
import { BLANK } from './helpers.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('parallax cards / study (in process)', () => {
  const data = tempDir();

  it('cards --json lists the deck with exactly the documented keys', async () => {
    const r = await cli(['--data', data, 'cards', '--json']);
    expect(r.code).toBe(0);
    const cards = JSON.parse(r.out) as Array<{ id: string; kind: string; prompt: string; answer: string; docIds: string[]; passage: string }>;
    expect(cards.length).toBeGreaterThan(30);
    for (const c of cards) {
      expect(Object.keys(c).sort()).toEqual(['answer', 'docIds', 'id', 'kind', 'passage', 'prompt']);
      if (c.kind === 'cloze') expect(c.passage.replace(c.answer, BLANK)).toBe(c.prompt);
    }
    // The same deck (same ids) the second time.
    const again = JSON.parse((await cli(['--data', data, 'cards', '--json'])).out) as Array<{ id: string }>;
    expect(again.map((c) => c.id)).toEqual(cards.map((c) => c.id));
  });

  it('cards export --format anki writes one file per note type', async () => {
    const out = path.join(tempDir(), 'deck.txt');
    const r = await cli(['--data', data, 'cards', 'export', '--format', 'anki', '--out', out]);
    expect(r.code).toBe(0);
    const cloze = fs.readFileSync(out, 'utf8');
    expect(cloze.split('\n').slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#notetype:Cloze']);
    const basic = fs.readFileSync(path.join(path.dirname(out), 'deck.basic.txt'), 'utf8');
    expect(basic).toContain('#notetype:Basic');
    expect(r.err).toContain('deck.basic.txt');
  });

  it('cards export --format json writes the deck and the log', async () => {
    const dir = tempDir();
    const r = await cli(['--data', data, 'cards', 'export', '--format', 'json', '--out', `${dir}/`]);
    expect(r.code).toBe(0);
    const j = JSON.parse(fs.readFileSync(path.join(dir, 'parallax-cards.json'), 'utf8')) as { cards: unknown[]; reviews: unknown[] };
    expect(j.cards.length).toBeGreaterThan(30);
    expect(j.reviews).toEqual([]);
  });

  it('study --due --json lists what is due, new cards within the daily limit', async () => {
    const r = await cli(['--data', data, 'study', '--due', '--json']);
    expect(r.code).toBe(0);
    const due = JSON.parse(r.out) as Array<{ id: string; reason: string }>;
    expect(due).toHaveLength(20);
    expect(due.every((d) => d.reason === 'new')).toBe(true);
  });

  it('rejects bad arguments with a usage error', async () => {
    expect((await cli(['--data', data, 'cards', 'export', '--format', 'pdf'])).code).toBe(2);
    expect((await cli(['--data', data, 'study'])).code).toBe(2);
    expect((await cli(['--data', data, 'study', '--due', '--limit', '0'])).code).toBe(2);
  });
});
