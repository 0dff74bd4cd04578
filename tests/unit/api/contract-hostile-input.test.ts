import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, OP_NAMES, type OpName } from '../../../electron/api/contract.js';
import { createDispatcher, type Dispatcher } from '../../../electron/api/handlers.js';
import type { Library } from '../../../electron/core/library.js';
import { freshLibrary, snapshot } from '../../helpers/library.js';

// Every operation, from any transport, answers hostile input with INVALID_INPUT or NOT_FOUND
// and changes nothing. The list of operations comes from the contract, so new ones are covered.

interface ZodDefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
}
const defOf = (s: z.ZodType): ZodDefLike => (s as unknown as { _zod: { def: ZodDefLike } })._zod.def;

function shapeOf(name: OpName): Record<string, z.ZodType> {
  const def = defOf(contract[name].input);
  return def.type === 'object' && def.shape ? def.shape : {};
}

function baseType(s: z.ZodType): string {
  let d = defOf(s);
  while ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType) d = defOf(d.innerType);
  return d.type;
}

function wrongValueFor(s: z.ZodType): unknown {
  switch (baseType(s)) {
    case 'string':
    case 'enum':
    case 'literal':
      return 12345;
    case 'number':
    case 'int':
    case 'boolean':
    case 'array':
    case 'object':
    case 'record':
      return 'not the right type';
    default:
      return Symbol.for('unrepresentable') as unknown as string;
  }
}

// Plausible values for fields, so that an unknown id is the only thing wrong with a request.
const PLAUSIBLE: Record<string, unknown> = {
  start: 0,
  end: 5,
  color: 'yellow',
  note: 'a note',
  format: 'md',
  query: 'nato',
  rating: 3,
  position: 0,
  progress: 0.5,
  body: 'text',
  text: 'text',
  value: 'v',
  key: 'k',
};
const ID_FIELDS = ['id', 'docId', 'a', 'b', 'cardId', 'highlightId'];

let lib: Library;
let api: Dispatcher;
beforeAll(async () => {
  lib = await freshLibrary();
  // The search index is built and merged in the background after opening; let it settle so
  // that "nothing changed" compares the library with itself, not with a merge in flight.
  await lib.search.flush?.();
  api = createDispatcher(lib, () => {});
});
afterAll(async () => lib.close());

describe.each(OP_NAMES.map((n) => [n]))('%s', (name) => {
  it('rejects non-object input with INVALID_INPUT', async () => {
    const before = snapshot(lib);
    for (const input of [42, 'a string', [], true]) {
      const res = await api.callByName(name, input);
      expect(res.ok, JSON.stringify(input)).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('INVALID_INPUT');
    }
    expect(snapshot(lib)).toBe(before);
  });

  it('rejects unknown fields with INVALID_INPUT naming the field', async () => {
    const before = snapshot(lib);
    const res = await api.callByName(name, { surprise: 1 });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INVALID_INPUT');
      expect(res.error.message.length).toBeGreaterThan(10);
    }
    expect(snapshot(lib)).toBe(before);
  });

  it('rejects a request missing a required field with INVALID_INPUT naming it', async () => {
    const shape = shapeOf(name);
    const required = Object.entries(shape).filter(([, s]) => !['optional', 'default'].includes(defOf(s).type)).map(([f]) => f);
    if (required.length === 0) return;
    const before = snapshot(lib);
    for (const missing of required) {
      const input: Record<string, unknown> = {};
      for (const f of required) if (f !== missing) input[f] = PLAUSIBLE[f] ?? 'nonexistent-id';
      const res = await api.callByName(name, input);
      expect(res.ok, `${name} without ${missing}`).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('INVALID_INPUT');
        expect(res.error.message).toContain(missing);
      }
    }
    expect(snapshot(lib)).toBe(before);
  });

  it('rejects a wrong type in every field with INVALID_INPUT naming that field', async () => {
    const before = snapshot(lib);
    for (const [field, schema] of Object.entries(shapeOf(name))) {
      const input: Record<string, unknown> = {};
      for (const [f, s] of Object.entries(shapeOf(name))) input[f] = f === field ? wrongValueFor(s) : PLAUSIBLE[f] ?? 'x';
      const res = await api.callByName(name, input);
      expect(res.ok, `${name}.${field}`).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('INVALID_INPUT');
        expect(res.error.message).toContain(field);
      }
      void schema;
    }
    expect(snapshot(lib)).toBe(before);
  });

  it('answers huge strings without changing anything it should not', async () => {
    const before = snapshot(lib);
    const huge = 'x'.repeat(200_000);
    for (const field of Object.keys(shapeOf(name))) {
      const input: Record<string, unknown> = {};
      for (const f of Object.keys(shapeOf(name))) input[f] = f === field ? huge : PLAUSIBLE[f] ?? 'nonexistent-id';
      const res = await api.callByName(name, input);
      if (!res.ok) expect(['INVALID_INPUT', 'NOT_FOUND', 'TOO_LARGE', 'UNSUPPORTED_FILE']).toContain(res.error.code);
    }
    // Anything accepted must not have created rows out of a 200,000-character id.
    expect(snapshot(lib).includes(huge)).toBe(before.includes(huge));
  });

  it('answers unknown ids with NOT_FOUND (or INVALID_INPUT) and changes nothing', async () => {
    const fields = Object.keys(shapeOf(name));
    const idFields = fields.filter((f) => ID_FIELDS.includes(f));
    if (idFields.length === 0) return;
    const before = snapshot(lib);
    const input: Record<string, unknown> = {};
    for (const f of fields) input[f] = ID_FIELDS.includes(f) ? 'nonexistent0000' : PLAUSIBLE[f];
    for (const f of fields) if (input[f] === undefined) delete input[f];
    const res = await api.callByName(name, input);
    expect(res.ok, JSON.stringify(input)).toBe(false);
    if (!res.ok) expect(['NOT_FOUND', 'INVALID_INPUT']).toContain(res.error.code);
    expect(snapshot(lib)).toBe(before);
  });
});

describe('dispatcher', () => {
  it('refuses unknown operation names', async () => {
    const res = await api.callByName('docs.dropEverything', {});
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Unknown operation') } });
    const proto = await api.callByName('__proto__', {});
    expect(proto.ok).toBe(false);
  });

  it('cancels a request superseded on the same channel', async () => {
    const [first, second] = await Promise.all([
      api.call('search.query', { query: 'nato', channel: 'palette' }),
      api.call('search.query', { query: 'ukraine', channel: 'palette' }),
    ]);
    expect(second.ok).toBe(true);
    // The first call is still awaiting the engine when the second arrives on its channel.
    expect(first.ok ? 'ok' : first.error.code).toBe('CANCELLED');
    const alone = await api.call('search.query', { query: 'nato', channel: 'other' });
    expect(alone.ok).toBe(true);
  });
});
