import { describe, expect, it } from 'vitest';
import { ProductFields, ProductUpdateInput } from '../../../electron/contract';
import { compileObject } from '../../../electron/core/products/import/fast-validate';
import { rng } from '../../integration/catalog/catalog-gen';

const r = rng(99);
const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
const str = () => pick(['', ' ', '  面霜  ', 'A-1', 'x'.repeat(40), 'x'.repeat(41), 'y'.repeat(65), 'z'.repeat(201), 'CNY', 'cny', 'USD', 'hero', 'vip', 'https://example.com/a', 'javascript:alert(1)', 'a'.repeat(64)]);
const value = (): unknown =>
  pick<() => unknown>([
    str,
    () => pick([0, 1, 1999, -1, 1.5, 1e12, 1e11, Number.NaN, Infinity, 100_000_000_00]),
    () => pick([null, undefined, true, false]),
    () => Array.from({ length: pick([0, 1, 2, 31]) }, str),
    () => [{ q: 'q', a: 'a' }],
    () => [{ sku: 'V', listPrice: 1, livePrice: 1 }],
  ])();

const KEYS = Object.keys(ProductFields.shape);

describe('fast validation agrees with the zod contract', () => {
  for (const [name, schema] of [['create', ProductFields], ['patch', ProductUpdateInput.omit({ id: true })]] as const) {
    it(`${name}: accepts exactly what zod accepts, with the same output`, () => {
      const fast = compileObject(schema);
      let accepted = 0;
      for (let i = 0; i < 20_000; i += 1) {
        const input: Record<string, unknown> = { sku: 'S-1', title: 'T', listPrice: 100, livePrice: 90 };
        for (let k = Math.floor(r() * 4); k > 0; k -= 1) input[pick(KEYS)] = value();
        const z = schema.safeParse(input);
        const f = fast(input);
        if (z.success) {
          accepted += 1;
          expect(f, JSON.stringify(input)).toEqual(z.data);
        } else expect(f, JSON.stringify(input)).toBeNull();
      }
      expect(accepted).toBeGreaterThan(1000);
    });
  }
});
