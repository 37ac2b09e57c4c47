// Mutations of a well-formed input, the way attackers and clumsy scripts get them wrong: wrong
// types, huge strings, lone surrogates, nesting past any limit, prototype keys, dropped fields.
// Deterministic from a seed, so a failure names the case that made it.

export type Rng = () => number;

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

type Path = (string | number)[];

/** Every path in a JSON value (the root is []). */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);
}

function set(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = next;
  return copy;
}

const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, 2 ** 53 + 2, -0.5, '', '0', 'null', true, [], {}, [null], { '': null }];

function nest(depth: number, inner: unknown): unknown {
  let v = inner;
  for (let i = 0; i < depth; i += 1) v = i % 2 ? [v] : { n: v };
  return v;
}

export const MUTATIONS = ['wrong_type', 'huge_string', 'lone_surrogate', 'deep_nesting', 'prototype_keys', 'drop_field', 'not_an_object', 'control_chars'] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** One mutation of `value`, with its name. */
export function mutate(value: unknown, r: Rng, kind: Mutation = pick(r, MUTATIONS)): { kind: Mutation; value: unknown } {
  const all = paths(value);
  const strings = all.filter((p) => typeof get(value, p) === 'string');
  const inner = all.filter((p) => p.length > 0);
  switch (kind) {
    case 'wrong_type':
      return { kind, value: inner.length ? set(value, pick(r, inner), pick(r, WRONG_TYPES)) : pick(r, WRONG_TYPES) };
    case 'huge_string': {
      const huge = pick(r, ['x', '面', '😀']).repeat(100_000);
      return { kind, value: strings.length ? set(value, pick(r, strings), huge) : addKey(value, 'title', huge) };
    }
    case 'lone_surrogate': {
      const lone = pick(r, ['\ud800', '\udfff', 'a\ud83d', '\udc00z']);
      return { kind, value: strings.length ? set(value, pick(r, strings), `${get(value, pick(r, strings))}${lone}`) : addKey(value, 'name', lone) };
    }
    case 'deep_nesting':
      return { kind, value: inner.length ? set(value, pick(r, inner), nest(80 + Math.floor(r() * 400), 'deep')) : nest(200, value) };
    case 'prototype_keys':
      // Built as JSON text by the caller: JSON.parse makes "__proto__" an own key, as a client's would.
      return { kind, value: addKey(addKey(value, '__proto__', { polluted: true }), 'constructor', { prototype: { polluted: true } }) };
    case 'drop_field':
      return { kind, value: inner.length ? dropAt(value, pick(r, inner)) : value };
    case 'not_an_object':
      return { kind, value: pick(r, [[], 'text', 42, null, [value]]) };
    case 'control_chars': {
      const junk = pick(r, ['\u0000', '\u001b[31m', '\u202e', '\r\n', '\u200b\u200b']);
      return { kind, value: strings.length ? set(value, pick(r, strings), `${junk}${get(value, pick(r, strings))}${junk}`) : value };
    }
  }
}

function addKey(value: unknown, key: string, v: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return { ...value, [key]: v };
}

function dropAt(value: unknown, path: Path): unknown {
  const parent = get(value, path.slice(0, -1));
  if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return value;
  const { [path[path.length - 1] as string]: _gone, ...rest } = parent as Record<string, unknown>;
  return set(value, path.slice(0, -1), rest);
}
