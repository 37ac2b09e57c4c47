import type { z } from 'zod';

// A fast path for validating 100,000 imported rows with the contract's own rules. zod is the
// single source of truth: this reads the limits out of the schema (string lengths, trims,
// patterns, number bounds, enums, defaults) once, and checks plain values with them in a
// fraction of the time. Anything it does not understand it hands to zod for that one field;
// any failure returns null, and the caller re-runs zod in full for the exact error message.
// A unit test holds it to zod's answers.

/** Returned by a check that fails (a value can be null or undefined legitimately). */
const FAIL: unique symbol = Symbol('fail');
type Check = (v: unknown) => unknown;
type Def = { type: string; checks?: { _zod: { def: Record<string, unknown> } }[]; [k: string]: unknown };

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function viaZod(schema: z.ZodType): Check {
  return (v) => {
    const r = schema.safeParse(v);
    return r.success ? r.data : FAIL;
  };
}

function stringCheck(def: Def): Check | null {
  const steps: ((s: string) => string | null)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'overwrite' && typeof d.tx === 'function') steps.push(d.tx as (s: string) => string);
    else if (d.check === 'max_length') steps.push((s) => (s.length <= (d.maximum as number) ? s : null));
    else if (d.check === 'min_length') steps.push((s) => (s.length >= (d.minimum as number) ? s : null));
    else if (d.check === 'string_format' && d.format === 'regex') steps.push((s) => ((d.pattern as RegExp).test(s) ? s : null));
    else return null;
  }
  return (v) => {
    if (typeof v !== 'string') return FAIL;
    let s: string | null = v;
    for (const step of steps) if ((s = step(s)) === null) return FAIL;
    return s;
  };
}

function numberCheck(def: Def): Check | null {
  const tests: ((n: number) => boolean)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'number_format' && d.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (d.check === 'greater_than') tests.push(d.inclusive ? (n) => n >= (d.value as number) : (n) => n > (d.value as number));
    else if (d.check === 'less_than') tests.push(d.inclusive ? (n) => n <= (d.value as number) : (n) => n < (d.value as number));
    else return null;
  }
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return FAIL;
    for (const t of tests) if (!t(v)) return FAIL;
    return v;
  };
}

function arrayCheck(def: Def): Check | null {
  const element = compile(def.element as z.ZodType);
  let min = 0;
  let max = Infinity;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'max_length') max = d.maximum as number;
    else if (d.check === 'min_length') min = d.minimum as number;
    else return null;
  }
  return (v) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) return FAIL;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i += 1) {
      const r = element(v[i]);
      if (r === FAIL) return FAIL;
      out[i] = r;
    }
    return out;
  };
}

/** A checker for one schema, or zod itself where the schema is beyond this fast path. */
export function compile(schema: z.ZodType): Check {
  const def = defOf(schema);
  let check: Check | null = null;
  switch (def.type) {
    case 'string':
      check = stringCheck(def);
      break;
    case 'number':
      check = numberCheck(def);
      break;
    case 'boolean':
      check = (v) => (typeof v === 'boolean' ? v : FAIL);
      break;
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      check = (v) => (values.has(v) ? v : FAIL);
      break;
    }
    case 'array':
      check = arrayCheck(def);
      break;
    case 'nullable': {
      const inner = compile(def.innerType as z.ZodType);
      check = (v) => (v === null ? null : inner(v));
      break;
    }
    case 'optional': {
      const inner = compile(def.innerType as z.ZodType);
      check = (v) => (v === undefined ? undefined : inner(v));
      break;
    }
    case 'default': {
      const inner = compile(def.innerType as z.ZodType);
      // Read once: zod's defaultValue is a getter that clones on every read.
      const d = def.defaultValue;
      const fresh = Array.isArray(d) ? () => [...(d as unknown[])] : () => d;
      check = (v) => (v !== undefined ? inner(v) : fresh());
      break;
    }
  }
  return check ?? viaZod(schema);
}

/** Checker for a whole object schema: the parsed object (unknown keys dropped), or null. */
export function compileObject<S extends z.ZodObject>(schema: S): (input: Record<string, unknown>) => z.output<S> | null {
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, s]) => [key, compile(s)] as const);
  return (input) => {
    const out: Record<string, unknown> = {};
    for (const [key, check] of fields) {
      const r = check(input[key]);
      if (r === FAIL) return null;
      if (r !== undefined) out[key] = r;
    }
    return out as z.output<S>;
  };
}
