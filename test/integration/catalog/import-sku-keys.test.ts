import { describe, expect, it } from 'vitest';
import { call, importFile, newCore } from './helpers';

// The import compares SKUs the way every other door does (issue 11, finding 4): by their key
// (NFKC, no invisible characters, case-folded), and it writes that key with every row.

const csv = (rows: string[]) => Buffer.from(`商品编码,商品名称,日常价,直播价\n${rows.join('\n')}\n`, 'utf8');

describe('import: SKUs that only look alike', () => {
  it('updates the product whose SKU looks like the file\'s (ＯＫ１ for OK1) instead of adding a twin', async () => {
    const core = newCore();
    await call(core, 'products.create', { sku: 'OK1', title: '原来的', listPrice: 10_000, livePrice: 9_000 });
    const r = await importFile(core, 'catalog.csv', csv(['ＯＫ１,改过的,120,99', 'NEW-1,新的,10,9']));
    expect(r).toMatchObject({ ok: true, output: { status: 'applied', products: { create: 1, update: 1 } } });
    const list = (await call(core, 'products.list', { sort: 'sku' })).items as { sku: string; title: string }[];
    expect(list.map((p) => [p.sku, p.title])).toEqual([
      ['NEW-1', '新的'],
      ['OK1', '改过的'],
    ]);
    // The new row was written with its key: a look-alike through the API is refused.
    expect((await core.dispatch('products.create', { sku: 'new-1', title: 'x', listPrice: 1, livePrice: 1 }, { door: 'internal' })).ok).toBe(false);
  });

  it('refuses a look-alike of a SKU earlier in the same file as a repeat', async () => {
    const core = newCore();
    const r = await importFile(core, 'catalog.csv', csv(['AB-7,一,10,9', 'ab-7\u200b,二,10,9']));
    expect(r.ok && (r.output as { refused: { row: number; reason: string }[] }).refused).toEqual([expect.objectContaining({ row: 3, reason: expect.stringMatching(/appears again/) })]);
  });
});
