import { describe, expect, it } from 'vitest';
import { analyzePlan, CUE_SCHEMAS, type Cue, type ProductFacts } from '../../../electron/contract';

const product = (id: string, extra: Partial<ProductFacts> = {}): ProductFacts => ({
  id,
  title: id,
  role: 'regular',
  listPrice: 10000,
  livePrice: 8000,
  floorPrice: null,
  stock: 100,
  archived: false,
  ...extra,
});
const cue = (kind: Cue['kind'], extra: Record<string, unknown> = {}): Cue =>
  CUE_SCHEMAS[kind].parse({ id: `c${Math.random().toString(36).slice(2, 8)}`, kind, durationMs: 60_000, ...extra });

describe('plan analysis', () => {
  const catalog = new Map([
    ['hero', product('hero', { role: 'hero' })],
    ['traffic', product('traffic', { role: 'traffic' })],
    ['archived', product('archived', { archived: true })],
    ['empty', product('empty', { stock: 0 })],
    ['floor', product('floor', { floorPrice: 7000 })],
  ]);
  const codes = (cues: Cue[]) => analyzePlan(cues, (id) => catalog.get(id)).warnings.map((w) => w.code);

  it('warns about archived and sold-out products, prices above list or below floor, too much stock', () => {
    expect(codes([cue('pitch', { productId: 'archived' })])).toEqual(['product_archived']);
    expect(codes([cue('pitch', { productId: 'empty' })])).toEqual(['out_of_stock']);
    expect(codes([cue('pitch', { productId: 'hero', livePrice: 12000 })])).toEqual(['price_above_list']);
    expect(codes([cue('flash_sale', { productId: 'floor', price: 5000 })])).toEqual(['price_below_floor']);
    expect(codes([cue('pitch', { productId: 'hero', stock: 500 })])).toEqual(['stock_short']);
    expect(codes([cue('pitch', { productId: 'gone' })])).toEqual(['product_missing']);
  });

  it('warns about the same product twice in a row, a pitch without product, a cue without duration', () => {
    expect(codes([cue('pitch', { productId: 'hero' }), cue('flash_sale', { productId: 'hero' })])).toEqual(['repeat_product']);
    expect(codes([cue('pitch', { productId: 'hero' }), cue('generic'), cue('pitch', { productId: 'hero' })])).toEqual([]);
    expect(codes([cue('pitch')])).toEqual(['no_product']);
    expect(codes([cue('generic', { durationMs: 0 })])).toEqual(['no_duration']);
    expect(codes([cue('interaction')])).toEqual([]);
  });

  it('counts cues, distinct products and time share by product role', () => {
    const { mix } = analyzePlan(
      [
        cue('pitch', { productId: 'hero', durationMs: 600_000 }),
        cue('generic', { durationMs: 300_000 }),
        cue('pitch', { productId: 'traffic', durationMs: 300_000 }),
        cue('pitch', { productId: 'hero', durationMs: 300_000 }),
      ],
      (id) => catalog.get(id),
    );
    const row = (role: string) => mix.find((r) => r.role === role)!;
    expect(row('hero')).toEqual({ role: 'hero', cues: 2, products: 1, durationMs: 900_000, share: 0.6 });
    expect(row('traffic')).toMatchObject({ cues: 1, share: 0.2 });
    expect(row('none')).toMatchObject({ cues: 1, products: 0, share: 0.2 });
    expect(mix.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1);
  });
});
