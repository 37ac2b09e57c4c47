import fc from 'fast-check';
import type { z } from 'zod';

// fast-check arbitraries read off the contract's zod schemas (zod 4 internals: `_zod.def`), so
// the fuzz test covers every method as the contract defines it, also methods added later. Values
// are JSON (what crosses a door); strings mix ASCII, CJK and emoji; sizes stay small, the
// mutations (fuzz-mutations.ts) make them big.

type Def = { type: string; checks?: { _zod: { def: Record<string, any> } }[]; [key: string]: any };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const TEXT = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...'面霜直播主播秒杀福袋价格玻尿酸'), maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

function stringArb(def: Def): fc.Arbitrary<string> {
  let min = 0;
  let max = 40;
  let pattern: RegExp | null = null;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length') min = Math.max(min, d.minimum as number);
    if (d.check === 'max_length') max = Math.min(max, d.maximum as number);
    if (d.check === 'length_equals') min = max = d.length as number;
    // Our well-formedness pattern (\p{Cs}) says nothing about shape; fast-check cannot read it.
    if (d.check === 'string_format' && d.format === 'regex' && !String(d.pattern).includes('\\p{')) pattern = d.pattern as RegExp;
  }
  if (def.format === 'url') return fc.oneof(fc.webUrl(), fc.constant(''), TEXT);
  if (def.format === 'email') return fc.emailAddress();
  if (pattern) return fc.oneof(fc.stringMatching(pattern).filter((s) => s.length <= Math.max(max, 64)), TEXT);
  max = Math.max(min, max);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ unit: fc.constantFrom(...'面霜直播主播秒杀福袋价格'), minLength: min, maxLength: max }),
  );
}

function numberArb(def: Def): fc.Arbitrary<number> {
  let min = -1e9;
  let max = 1e9;
  let int = false;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'number_format') int = true;
    if (d.check === 'greater_than') min = Math.max(min, (d.value as number) + (d.inclusive ? 0 : 1));
    if (d.check === 'less_than') max = Math.min(max, (d.value as number) - (d.inclusive ? 0 : 1));
  }
  if (min > max) return fc.constant(min);
  return int ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of JSON values that mostly satisfy `schema` (refinements may still refuse them). */
export function arbitraryOf(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 8) return fc.constant(null);
  const next = (s: z.ZodType) => arbitraryOf(s, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArb(def);
    case 'number':
    case 'int':
      return numberArb(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(next(def.innerType), { nil: undefined });
    case 'nullable':
      return fc.option(next(def.innerType), { nil: null });
    case 'default':
    case 'prefault':
      return fc.option(next(def.innerType), { nil: undefined });
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return next(def.innerType);
    case 'pipe':
      return next(def.in);
    case 'lazy':
      return next(def.getter());
    case 'array': {
      let max = 4;
      let min = 0;
      for (const c of def.checks ?? []) {
        if (c._zod.def.check === 'max_length') max = Math.min(max, c._zod.def.maximum);
        if (c._zod.def.check === 'min_length') min = c._zod.def.minimum;
      }
      return fc.array(next(def.element), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map(next));
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(next));
    case 'intersection':
      return fc.tuple(next(def.left), next(def.right)).map(([a, b]) => (isObject(a) && isObject(b) ? { ...a, ...b } : a));
    case 'record':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), next(def.valueType), { maxKeys: 3 });
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, field] of Object.entries(shape)) arbs[key] = next(field);
      return fc.record(arbs).map((o) => dropUndefined(o as Record<string, unknown>));
    }
    case 'date':
      return fc.integer({ min: 0, max: 4e12 });
    default:
      // any, unknown, custom, transform...: any small JSON value
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}
