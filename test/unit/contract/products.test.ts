import { describe, expect, it } from 'vitest';
import { ProductCreateInput, ProductUpdateInput } from '../../../electron/contract';

describe('product schemas', () => {
  it('fills defaults on create', () => {
    const p = ProductCreateInput.parse({ sku: ' A-1 ', title: '面霜', listPrice: 100, livePrice: 90 });
    expect(p).toMatchObject({ sku: 'A-1', role: 'regular', currency: 'CNY', tags: [], archived: false });
  });

  it('never fills defaults into a patch (a patch must not reset other fields)', () => {
    expect(ProductUpdateInput.parse({ id: 'p1', livePrice: 80 })).toEqual({ id: 'p1', livePrice: 80 });
  });

  it('refuses money that is not whole minor units, unknown roles and non-http links', () => {
    const bad = ProductCreateInput.safeParse({ sku: 'A', title: 't', listPrice: 1.5, livePrice: 1, role: 'x', link: 'javascript:alert(1)' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['listPrice', 'role', 'link']));
  });
});
