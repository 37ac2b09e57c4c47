import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../../electron/contract';
import { bulkPatch, runBulk } from '../../../renderer/src/features/catalog/bulk/bulk-edit';
import { listQuery, nextSort } from '../../../renderer/src/features/catalog/catalog-filters';
import { parseOptions, formatOptions } from '../../../renderer/src/features/catalog/drawer/variant-form';
import { copyFields, copySku } from '../../../renderer/src/features/catalog/duplicate';
import { importErrorText, reasonText } from '../../../renderer/src/features/catalog/import/import-text';
import { checkLivePrice, checkStock, parseNumber } from '../../../renderer/src/features/catalog/table/inline-values';
import en from '../../../renderer/src/i18n/en';
import zhCN from '../../../renderer/src/i18n/zh-CN';
import { AppError } from '../../../electron/contract';

let tEn: TFunction;
let tZh: TFunction;
beforeAll(async () => {
  const make = async (lng: string) => {
    const i = i18next.createInstance();
    await i.init({ lng, resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
    return i.t;
  };
  tEn = await make('en');
  tZh = await make('zh-CN');
});

const product = (over: Partial<Product> = {}): Product => ({
  id: 'p1', sku: 'CC-1', title: 'T', shortTitle: '', brand: '', category: '', tags: ['a', 'B'], listPrice: 10000, livePrice: 9000,
  floorPrice: null, currency: 'CNY', stock: 3, limitPerBuyer: null, role: 'regular', sellingPoints: [], talkingPoints: '', faq: [],
  link: '', images: [], notes: '', archived: false, barcode: '', variants: [], commissionRate: null, couponAmount: null, priceAfterCoupon: null,
  shopName: '', platformIds: {}, costPrice: null, monthlySales: null, createdAt: 1, updatedAt: 1, ...over,
});

describe('catalog UI logic', () => {
  it('turns filters into a products.list query and cycles header sorts', () => {
    expect(listQuery({ q: ' 霜 ', archived: 'active' })).toEqual({ q: '霜' });
    expect(listQuery({ q: '', archived: 'all', role: 'hero', tag: 'x', brand: '', inStock: false, sort: 'sku', order: 'asc' })).toEqual({
      includeArchived: true, role: 'hero', tag: 'x', inStock: false, sort: 'sku', order: 'asc',
    });
    expect(listQuery({ q: '', archived: 'archived' })).toEqual({ archived: true });
    const f = { q: '', archived: 'active' as const };
    expect(nextSort(f, 'sku', 'asc')).toEqual({ sort: 'sku', order: 'asc' });
    expect(nextSort({ ...f, sort: 'sku', order: 'asc' }, 'sku', 'asc')).toEqual({ sort: 'sku', order: 'desc' });
    expect(nextSort({ ...f, sort: 'sku', order: 'desc' }, 'sku', 'asc')).toEqual({ sort: undefined, order: undefined });
  });

  it('bulk patches only what changes; % of list price covers variants', () => {
    const p = product({ variants: [{ sku: 'V1', title: '', options: [], listPrice: 2999, livePrice: 2999, stock: null, barcode: '' }] });
    expect(bulkPatch(p, { role: 'regular', addTags: ['b'], removeTags: [] })).toBeNull(); // same role, tag already there (any case)
    expect(bulkPatch(p, { role: 'hero', addTags: ['新品'], removeTags: ['A'], livePricePercent: 80 })).toEqual({
      id: 'p1', role: 'hero', tags: ['B', '新品'], livePrice: 8000, variants: [{ ...p.variants[0], livePrice: 2399 }],
    });
  });

  it('runs a bulk change one call per product and reports what failed', async () => {
    const steps: number[] = [];
    const out = await runBulk(
      ['a', 'b', 'c'],
      { role: 'hero', addTags: [], removeTags: [] },
      {
        get: async (id) => product({ id, sku: id.toUpperCase(), role: id === 'c' ? 'hero' : 'regular' }),
        update: async (patch) => {
          if (patch.id === 'b') throw new AppError('CONFLICT', 'x');
        },
      },
      (d) => steps.push(d),
    );
    expect(out).toMatchObject({ changed: 1, unchanged: 1, failed: [{ sku: 'B' }] });
    expect(steps.sort()).toEqual([1, 2, 3]);
  });

  it('names copies -copy, -copy-2, … within 64 characters, variants too', () => {
    expect(copySku('CC-1', 1)).toBe('CC-1-copy');
    expect(copySku('CC-1', 3)).toBe('CC-1-copy-3');
    expect(copySku('x'.repeat(64), 1)).toHaveLength(64);
    const copy = copyFields(product({ variants: [{ sku: 'V1', title: '', options: [], listPrice: 1, livePrice: 1, stock: null, barcode: '' }] }), 2);
    expect(copy).not.toHaveProperty('id');
    expect([copy.sku, copy.variants[0]!.sku]).toEqual(['CC-1-copy-2', 'V1-copy-2']);
  });

  it('reads variant options typed with Chinese or Latin punctuation', () => {
    expect(parseOptions('颜色：红；尺码: M')).toEqual([{ name: '颜色', value: '红' }, { name: '尺码', value: 'M' }]);
    expect(parseOptions('Red')).toEqual([{ name: '', value: 'Red' }]);
    expect(formatOptions([{ name: '颜色', value: '红' }, { name: '', value: 'M' }])).toBe('颜色: 红; M');
  });

  it('checks inline values with the contract and says why in the user language', () => {
    expect(parseNumber('¥1,299.50')).toBe(1299.5);
    expect(checkLivePrice('159.5', 'CNY', tEn)).toEqual({ ok: true, value: 15950 });
    expect(checkLivePrice('-1', 'CNY', tZh)).toEqual({ ok: false, message: '至少 0' });
    expect(checkLivePrice('', 'CNY', tEn)).toEqual({ ok: false, message: 'Required' });
    expect(checkLivePrice('abc', 'CNY', tEn)).toEqual({ ok: false, message: 'Must be a number' });
    expect(checkStock('', tEn)).toEqual({ ok: true, value: null });
    expect(checkStock('1.5', tZh)).toMatchObject({ ok: false });
  });

  it('localizes every refused-row reason shape the importer writes, and bad-file errors', () => {
    const reasons = [
      ['belongs to a product refused at row 7', '所属商品在第 7 行被拒绝'],
      ['has 6 cells but the header has 5: a cut-off row or a stray delimiter', '有 6 个单元格，但表头有 5 列：行被截断或有多余的分隔符'],
      ['SKU A-1 appears again (first at row 2)', 'SKU A-1 重复出现（首次在第 2 行）'],
      ['title is required for a new product', '新商品必须填写 商品名称'],
      ['商品编码 is empty', '商品编码 为空'],
      ['"abc" is not a price', '“abc” 不是有效价格'],
      ['"-1" is negative; prices must be 0 or more', '“-1” 是负数：价格必须大于或等于 0'],
      ['"1.234" has more than 2 decimals', '“1.234” 的小数位超过 2 位'],
      ['"x" is not a whole number', '“x” 不是整数'],
      ['"maybe" is not yes/no (true/false, 是/否)', '“maybe” 不是 是/否'],
      ['"vip" is not a product role (引流款/…)', '“vip” 不是有效的商品定位'],
      ['the variant has no price', '该规格没有价格'],
      ['variant SKU V-1 already belongs to another product', '规格编码 V-1 已属于其他商品'],
    ];
    for (const [server, zh] of reasons) expect(reasonText(server!, tZh), server).toBe(zh);
    expect(reasonText('something new', tZh)).toBe('something new');
    expect(importErrorText(new AppError('BAD_INPUT', 'This is a PDF, not a spreadsheet.', { reason: 'binary' }), tZh)).toEqual({
      title: '这不是表格文件（含有二进制数据）。',
      detail: 'This is a PDF, not a spreadsheet.',
    });
  });
});
