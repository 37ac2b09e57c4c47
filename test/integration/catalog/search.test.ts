import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { pinyinMatchesRun } from '../../../electron/core/products/search/pinyin';
import { compactSku, fold } from '../../../electron/core/products/search/text';
import { catalogCsv, generateCatalog, type GenProduct } from './catalog-gen';
import { call, importFile, newCore } from './helpers';

const N = 3000;
const products = generateCatalog(N, 7);

async function seeded(): Promise<Core> {
  const core = newCore();
  const r = await importFile(core, 'catalog.csv', catalogCsv(products), 'all-or-nothing');
  expect(r).toMatchObject({ ok: true, output: { products: { create: N } } });
  return core;
}

async function skus(core: Core, input: object): Promise<string[]> {
  const out = await call(core, 'products.list', { limit: 1000, ...input });
  return out.items.map((p: { sku: string }) => p.sku);
}

// Oracles, written the slow obvious way, that the index must agree with exactly.
const fields = (p: GenProduct) => [p.title, p.brand, p.sku, ...p.tags].map(fold);
const han = (p: GenProduct) => fields(p).flatMap((f) => f.match(/[\u4e00-\u9fff]+/g) ?? []);
const bySubstring = (q: string) => products.filter((p) => fields(p).some((f) => f.includes(q))).map((p) => p.sku).sort();
const byWordPrefix = (q: string) =>
  products
    .filter((p) => [...fields(p).flatMap((f) => f.split(/[^\p{L}\p{N}]+/u)).flatMap((w) => [w, ...(w.match(/\p{L}+|\p{N}+/gu) ?? [])]), compactSku(p.sku)].some((w) => w.startsWith(q)))
    .map((p) => p.sku);
const byPinyin = (q: string) => products.filter((p) => han(p).some((run) => pinyinMatchesRun(q, run))).map((p) => p.sku);

describe('catalog search over a generated catalog (through products.list)', () => {
  it('finds every product containing a Chinese substring of 1, 2 or 3 characters, and no other', async () => {
    const core = await seeded();
    for (const q of ['霜', '面霜', '洁面乳', '收纳盒', '秒杀']) {
      const expected = bySubstring(q);
      expect(expected.length, q).toBeGreaterThan(0);
      const { total } = await call(core, 'products.list', { q, limit: 1 });
      expect(total, q).toBe(expected.length);
      expect((await skus(core, { q })).sort().slice(0, 1000), q).toEqual(expected.slice(0, 1000));
    }
  });

  it('finds by pinyin (full, initials, partial) exactly as the character-by-character rule says', async () => {
    const core = await seeded();
    for (const q of ['mianshuang', 'ms', 'mians', 'jiemianru', 'jmr', 'shounahe', 'baoshi']) {
      const expected = new Set([...byPinyin(q), ...byWordPrefix(q)]);
      expect(byPinyin(q).length, q).toBeGreaterThan(0);
      const { total } = await call(core, 'products.list', { q, limit: 1 });
      expect(total, q).toBe(expected.size);
      if (total <= 1000) expect(new Set(await skus(core, { q })), q).toEqual(expected);
    }
  });

  it('ANDs mixed Chinese and Latin tokens, case-blind', async () => {
    const core = await seeded();
    const expected = products.filter((p) => p.title.includes('面霜') && /50ml/i.test(p.title)).map((p) => p.sku).sort();
    expect((await skus(core, { q: '面霜 50ML' })).sort()).toEqual(expected);
    const acme = products.filter((p) => p.brand === 'Acme' && /\bmug\b/i.test(p.title)).map((p) => p.sku).sort();
    expect((await skus(core, { q: 'acme MUG' })).sort()).toEqual(acme);
    expect(await skus(core, { q: 'CC-000042' })).toEqual(['CC-000042']); // exact SKU first (and only)
  });

  it('filters and sorts, and follows edits and deletions at once', async () => {
    const core = await seeded();
    const priced = await call(core, 'products.list', { q: '霜', sort: 'livePrice', order: 'asc', limit: 5 });
    const prices = priced.items.map((p: { livePrice: number }) => p.livePrice);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const cheapest = Math.min(...products.filter((p) => fold(p.title).includes('霜')).map((p) => p.livePrice));
    expect(prices[0]).toBe(cheapest);
    const zero = products.filter((p) => p.stock === 0).length;
    expect((await call(core, 'products.list', { inStock: false, limit: 1 })).total).toBe(zero);
    expect((await call(core, 'products.list', { tag: '新品', limit: 1 })).total).toBe(products.filter((p) => p.tags.includes('新品')).length);

    const first = (await call(core, 'products.list', { q: 'CC-000001' })).items[0];
    await call(core, 'products.update', { id: first.id, title: '景泰蓝 掐丝珐琅 手镯', tags: ['非遗'] });
    expect(await skus(core, { q: 'qsfl' })).toEqual(['CC-000001']);
    expect(await skus(core, { q: '非遗' })).toEqual(['CC-000001']);
    await call(core, 'products.delete', { id: first.id });
    expect(await skus(core, { q: 'qsfl' })).toEqual([]);
    await call(core, 'products.update', { id: (await call(core, 'products.list', { q: 'CC-000002' })).items[0].id, archived: true });
    expect(await skus(core, { q: 'CC-000002' })).toEqual([]);
    expect(await skus(core, { q: 'CC-000002', includeArchived: true })).toEqual(['CC-000002']);
  });

  it('keeps edits made while a big index is still being built in the background', async () => {
    const core = newCore();
    await importFile(core, 'big.csv', catalogCsv(generateCatalog(12_000, 9)));
    const id = async (sku: string) => (await call(core, 'products.list', { q: sku, limit: 1 })).items[0].id as string;
    const [early, late, gone] = [await id('CC-000001'), await id('CC-011000'), await id('CC-000002')];
    core.catalogSearch.invalidate();
    const building = core.catalogSearch.ready(); // reads the first chunk now, the rest on later turns
    await call(core, 'products.update', { id: early, title: '早到的掐丝珐琅' });
    await call(core, 'products.update', { id: late, title: '晚到的掐丝珐琅' });
    await call(core, 'products.delete', { id: gone });
    await call(core, 'products.create', { sku: 'NEW-1', title: '新来的掐丝珐琅', listPrice: 1, livePrice: 1 });
    await building;
    expect((await skus(core, { q: '掐丝珐琅' })).sort()).toEqual(['CC-000001', 'CC-011000', 'NEW-1']);
    expect(await skus(core, { q: 'CC-000002' })).toEqual([]);
    expect((await call(core, 'products.list', { limit: 1 })).total).toBe(12_000);
  });

  it('sees products the demo loader wrote straight to the database', async () => {
    const core = newCore();
    expect((await call(core, 'products.list', { q: '面霜' })).total).toBe(0);
    await call(core, 'demo.load', {});
    expect((await call(core, 'products.list', { q: 'mianshuang' })).total).toBeGreaterThan(0);
  });
});
