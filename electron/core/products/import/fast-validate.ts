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

/**
 * A value's guard, then its steps one after the other (each gets the last one's value; null
 * fails), generated as straight-line code so that each step has a call site of its own: a loop's
 * one call site would see every step of every field and slow them all down. The generated text
 * holds only our schema's own field names (JSON-quoted), indices and fixed guards — never any
 * imported data — and this module runs in the core only (the renderer's CSP forbids eval).
 */
function straight<T>(guard: string, steps: ((v: T) => T | null)[]): Check {
  const body = steps.map((_, i) => `v = s[${i}](v); if (v === null) return FAIL;`).join('\n');
  const make = new Function('s', 'FAIL', `return function check(v) {\nif (!(${guard})) return FAIL;\n${body}\nreturn v;\n};`) as (
    s: ((v: T) => T | null)[],
    fail: typeof FAIL,
  ) => Check;
  return make(steps, FAIL);
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
  return straight("typeof v === 'string'", steps);
}

function numberCheck(def: Def): Check | null {
  const steps: ((n: number) => number | null)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    const limit = d.value as number;
    if (d.check === 'number_format' && d.format === 'safeint') steps.push((n) => (Number.isSafeInteger(n) ? n : null));
    else if (d.check === 'greater_than') steps.push(d.inclusive ? (n) => (n >= limit ? n : null) : (n) => (n > limit ? n : null));
    else if (d.check === 'less_than') steps.push(d.inclusive ? (n) => (n <= limit ? n : null) : (n) => (n < limit ? n : null));
    else return null;
  }
  return straight("typeof v === 'number' && Number.isFinite(v)", steps);
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

/**
 * Checker for a whole object schema: the parsed object (unknown keys dropped), or null.
 *
 * It runs once per imported row, so it is generated as straight-line code: every field's check
 * gets its own call site, and the result is one object literal, so all results share one shape
 * (and the writer that reads 100,000 of them stays fast). A field that comes out undefined (an
 * optional one not given) is left out of the result, as zod leaves it out.
 */
export function compileObject<S extends z.ZodObject>(schema: S): (input: Record<string, unknown>) => z.output<S> | null {
  const entries = Object.entries(schema.shape as Record<string, z.ZodType>);
  const keys = entries.map(([key]) => key);
  const prop = (i: number) => JSON.stringify(keys[i]);
  // A field with a default checks only a given value: the default is filled in right here.
  const checks: Check[] = [];
  const defaults: unknown[] = [];
  const line = entries.map(([, schema], i) => {
    const def = defOf(schema);
    if (def.type !== 'default') {
      checks.push(compile(schema));
      return `const r${i} = c[${i}](input[${prop(i)}]); if (r${i} === FAIL) return null;`;
    }
    checks.push(compile(def.innerType as z.ZodType));
    // Read once: zod's defaultValue is a getter that clones on every read.
    const d = def.defaultValue;
    defaults[i] = d;
    const fill = Array.isArray(d) ? (d.length === 0 ? '[]' : `[...d[${i}]]`) : `d[${i}]`;
    return `const v${i} = input[${prop(i)}]; const r${i} = v${i} === undefined ? ${fill} : c[${i}](v${i}); if (r${i} === FAIL) return null;`;
  });
  const body = [
    ...line,
    `const out = { ${keys.map((_, i) => `${prop(i)}: r${i}`).join(', ')} };`,
    `if (${keys.map((_, i) => `r${i} === undefined`).join(' || ') || 'false'}) return prune(out);`,
    'return out;',
  ].join('\n');
  const make = new Function('c', 'd', 'FAIL', 'prune', `return function check(input) {\n${body}\n};`) as (
    c: Check[],
    d: unknown[],
    fail: typeof FAIL,
    prune: (o: Record<string, unknown>) => Record<string, unknown>,
  ) => (input: Record<string, unknown>) => z.output<S> | null;
  return make(checks, defaults, FAIL, prune);
}

function prune(out: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(out)) if (out[key] !== undefined) kept[key] = out[key];
  return kept;
}
