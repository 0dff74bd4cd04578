import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { setup, type Setup } from './helpers.js';

// The compare operations through the contract (as the app and the CLI call them).

const JOINT = 'b44e6ea7410dd368';
const FREE_PRESS = 'da58ee4863b15816';
const UWC = '4435434e06963c7c';

let s: Setup;
beforeAll(async () => {
  s = await setup({ corpus: true });
});
afterAll(async () => s.lib.close());

async function fails(name: 'compare.pair' | 'compare.matrix' | 'compare.counterparts', input: unknown): Promise<string> {
  const res = await s.api.call(name, input);
  if (res.ok) throw new Error(`${name} should have failed`);
  return res.error.code;
}

describe('compare operations', () => {
  it('compare.pair gives links with sentence indexes and word differences', async () => {
    const pair = await s.call('compare.pair', { a: JOINT, b: FREE_PRESS });
    const doc = await s.call('docs.get', { id: JOINT });
    expect(pair.a).toBe(JOINT);
    expect(pair.links.length).toBeGreaterThan(5);
    for (const l of pair.links) {
      expect(doc.text.slice(l.a.start, l.a.end)).toBe(l.a.text);
      for (const i of l.a.sentenceIndexes) {
        const sentence = doc.sentences.find((x) => x.index === i);
        expect(sentence && sentence.start >= l.a.start && sentence.end <= l.a.end).toBe(true);
      }
      for (const p of l.diff.parts) if (p.a) expect(doc.text.slice(p.a.start, p.a.end)).toBe(p.aText);
    }
  });

  it('checks ids: unknown is NOT_FOUND, malformed is INVALID_INPUT, the same twice is refused', async () => {
    expect(await fails('compare.pair', { a: JOINT, b: 'nope0000' })).toBe('NOT_FOUND');
    expect(await fails('compare.pair', { a: '../etc', b: JOINT })).toBe('INVALID_INPUT');
    expect(await fails('compare.pair', { a: JOINT })).toBe('INVALID_INPUT');
    expect(await fails('compare.pair', { a: JOINT, b: JOINT })).toBe('INVALID_INPUT');
    expect(await fails('compare.matrix', { docIds: ['missing1'] })).toBe('NOT_FOUND');
    expect(await fails('compare.counterparts', { docId: 'missing1', start: 0, end: 1 })).toBe('NOT_FOUND');
    expect(await fails('compare.counterparts', { docId: JOINT, start: 10, end: 5 })).toBe('INVALID_INPUT');
    expect(await fails('compare.counterparts', { docId: JOINT, start: 0, end: 10_000_000 })).toBe('INVALID_INPUT');
  });

  it('compare.matrix gives statements x documents with present / variant / absent', async () => {
    const m = await s.call('compare.matrix', {});
    expect(m.documents.map((d) => d.id).sort()).toEqual([JOINT, FREE_PRESS, UWC, 'db710659ffeaf388', 'f707968108d80172'].sort());
    expect(m.statements.length).toBeGreaterThan(10);
    for (const st of m.statements) {
      expect(Object.keys(st.cells).sort()).toEqual(m.documents.map((d) => d.id).sort());
      const carried = Object.entries(st.cells).filter(([, c]) => c !== 'absent').map(([id]) => id);
      expect(new Set(st.sources.map((x) => x.docId))).toEqual(new Set(carried));
      expect(carried.length).toBe(st.documents);
    }
    const only = await s.call('compare.matrix', { docIds: [FREE_PRESS, UWC] });
    expect(only.documents.map((d) => d.id)).toEqual([FREE_PRESS, UWC]);
    expect(only.statements.length).toBeGreaterThanOrEqual(2);
    for (const st of only.statements) expect(Object.values(st.cells).every((c) => c !== 'absent')).toBe(true);
  });

  it('compare.counterparts lists the passage in the other sources, with titles', async () => {
    const doc = await s.call('docs.get', { id: UWC });
    const at = doc.text.indexOf('Bucharest summit in 2008');
    const found = await s.call('compare.counterparts', { docId: UWC, start: at, end: at + 10 });
    expect(found.map((c) => c.docId)).toEqual([JOINT]);
    expect(found[0]?.text).toContain('Bucharest Summit in 2008');
    expect(found[0]?.title).toMatch(/joint statement/i);
  });
});

describe('the CLI', () => {
  const run = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const code = await runCli(['--data', s.lib.dataDir, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  it('compare --json prints links whose text is the slice of each document', async () => {
    const r = await run('compare', JOINT, UWC, '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as {
      a: string;
      b: string;
      links: Array<{ a: { start: number; end: number; text: string }; b: { start: number; end: number; text: string }; score: number; kind: string }>;
    };
    expect([parsed.a, parsed.b]).toEqual([JOINT, UWC]);
    const ta = (await s.call('docs.get', { id: JOINT })).text;
    const tb = (await s.call('docs.get', { id: UWC })).text;
    expect(parsed.links.length).toBeGreaterThan(3);
    for (const l of parsed.links) {
      expect(Object.keys(l).sort()).toEqual(['a', 'b', 'kind', 'score']);
      expect(Object.keys(l.a).sort()).toEqual(['end', 'start', 'text']);
      expect(ta.slice(l.a.start, l.a.end)).toBe(l.a.text);
      expect(tb.slice(l.b.start, l.b.end)).toBe(l.b.text);
      expect(['same', 'variant']).toContain(l.kind);
    }
  });

  it('statements --json prints statements with their sources', async () => {
    const r = await run('statements', '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as Array<{ id: string; sources: Array<{ docId: string; start: number; end: number; text: string }> }>;
    expect(parsed.length).toBeGreaterThan(10);
    expect(Object.keys(parsed[0] ?? {}).sort()).toEqual(['id', 'sources']);
    expect(Object.keys(parsed[0]?.sources[0] ?? {}).sort()).toEqual(['docId', 'end', 'start', 'text']);
  });

  it('prints readable output, and a usage error for a wrong number of ids', async () => {
    const r = await run('compare', JOINT, FREE_PRESS);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/linked passage/);
    expect(r.out).toContain('A: ');
    const st = await run('statements');
    expect(st.out).toContain('■');
    const bad = await run('compare', JOINT);
    expect(bad.code).toBe(2);
    const missing = await run('compare', JOINT, 'nothere1');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No document with id nothere1/);
  });
});
