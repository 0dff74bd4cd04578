import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, OP_NAMES, type OpName } from '../../../electron/api/contract.js';
import { createDispatcher, type Dispatcher } from '../../../electron/api/handlers.js';
import type { Library } from '../../../electron/core/library.js';
import { freshLibrary, snapshot } from '../../helpers/library.js';

// Property-based fuzzing of every contract operation: inputs are generated from each
// operation's own zod schema (mostly well-formed, so calls reach the handlers; sometimes
// off-shape), with ids drawn from the library. Whatever comes in: never INTERNAL, and a
// refusal changes nothing. The operations come from the contract, so new ones are covered.

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
  checks?: Array<{ _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; format?: string } } }>;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const RUNS_PER_OP = Number(process.env.PARALLAX_FUZZ_RUNS ?? 6);
const ID_FIELDS = new Set(['id', 'docId', 'a', 'b', 'cardId', 'highlightId', 'ids', 'docIds']);

let lib: Library;
let api: Dispatcher;
const ids: string[] = [];

function limits(d: Def): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const c of d.checks ?? []) {
    const k = c._zod.def;
    if (k.check === 'min_length') out.min = k.minimum;
    if (k.check === 'max_length') out.max = k.maximum;
    if (k.check === 'greater_than' && typeof k.value === 'number') out.min = k.value;
    if (k.check === 'less_than' && typeof k.value === 'number') out.max = k.value;
  }
  return out;
}

const textish = fc.oneof(
  fc.constantFrom('nato', 'Bucharest', 'yellow', 'md', 'json', '"energy blackmail"', 'annex*', '', ' ', 'x'.repeat(300)),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }), // lone surrogates included
);

function arb(s: z.ZodType, field = ''): fc.Arbitrary<unknown> {
  const d = defOf(s);
  switch (d.type) {
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(arb(d.innerType as z.ZodType, field), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arb(d.innerType as z.ZodType, field), { nil: null, freq: 4 });
    case 'readonly':
    case 'pipe':
    case 'catch':
      return d.innerType ? arb(d.innerType, field) : fc.anything();
    case 'string': {
      const { min, max } = limits(d);
      const bounded = fc.string({ minLength: Math.min(min ?? 0, 20), maxLength: Math.max(min ?? 0, Math.min(max ?? 40, 40)) });
      if (ID_FIELDS.has(field)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom('nonexistent-id', 'x') });
      return fc.oneof(textish, bounded);
    }
    case 'number': {
      const { min, max } = limits(d);
      const int = (d.checks ?? []).some((c) => c._zod.def.format === 'safeint' || c._zod.def.format === 'int32');
      const lo = min ?? -10;
      const hi = Math.min(max ?? 5000, 1e6);
      return int
        ? fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi, 0, 1))
        : fc.oneof(fc.double({ min: lo, max: hi, noNaN: true }), fc.constantFrom(lo, hi));
    }
    case 'int':
      return fc.integer({ min: -10, max: 5000 });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...(d.values ?? [null]));
    case 'array': {
      const { min, max } = limits(d);
      return fc.array(arb(d.element as z.ZodType, field), { minLength: Math.min(min ?? 0, 3), maxLength: Math.min(max ?? 3, 3) });
    }
    case 'object': {
      const shape = d.shape ?? {};
      const parts: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(shape)) parts[k] = arb(v, k);
      return fc.record(parts).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), arb(d.valueType as z.ZodType), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(d.options ?? []).map((o) => arb(o, field)));
    case 'null':
      return fc.constant(null);
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** Mostly schema-shaped input; sometimes an extra field, a dropped field, or anything at all. */
function inputFor(name: OpName): fc.Arbitrary<unknown> {
  const base = arb(contract[name].input);
  return fc.oneof(
    { weight: 6, arbitrary: base },
    { weight: 1, arbitrary: base.map((o) => (o && typeof o === 'object' ? { ...o, surprise: 1 } : o)) },
    { weight: 1, arbitrary: base.map((o) => (o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).slice(1)) : o)) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}

beforeAll(async () => {
  lib = await freshLibrary();
  // Background index merges write too: settle them so "nothing changed" compares like with like.
  await lib.search.flush?.();
  api = createDispatcher(lib, () => {});
  const docs = await api.call('docs.list', {});
  if (docs.ok) ids.push(...docs.value.map((d) => d.id));
  const first = ids[0]!;
  const h = await api.call('highlights.create', { docId: first, start: 0, end: 20, color: 'yellow', note: 'fuzz' });
  if (h.ok) ids.push(h.value.id);
});
const outcomes = new Map<string, number>();
afterAll(async () => {
  // How far the generated calls got (ok, or each refusal code): a fuzz that only ever hits
  // INVALID_INPUT would test the schemas, not the handlers.
  if (process.env.PARALLAX_FUZZ_REPORT) process.stderr.write(`fuzz outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}\n`);
  await lib.close();
});

const changes = (): number => (lib.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('fuzzing every contract operation', () => {
  it.each(OP_NAMES.map((n) => [n]))('%s: never INTERNAL, nothing changed on a refusal', async (name) => {
    await fc.assert(
      fc.asyncProperty(inputFor(name), async (input) => {
        const before = changes();
        const snap = snapshot(lib);
        const res = await api.callByName(name, input);
        const key = res.ok ? 'ok' : res.error.code;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        if (!res.ok) {
          expect(res.error.code, `${name} ${JSON.stringify(input)?.slice(0, 300)}: ${res.error.message}`).not.toBe('INTERNAL');
          // total_changes moves with any row this connection writes: only then compare every row.
          if (changes() !== before) expect(snapshot(lib), `${name} changed the library and then refused`).toBe(snap);
        }
      }),
      { numRuns: RUNS_PER_OP, seed: Number(process.env.PARALLAX_FUZZ_SEED ?? 13), endOnFailure: true },
    );
  }, 60_000);

  it('reached the handlers, not only the schemas', () => {
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(OP_NAMES.length / 2);
  });
});
