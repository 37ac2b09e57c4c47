import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { call, catalogOf, importFile, newCore } from './helpers';

/** A catalog with everything a spreadsheet can get wrong: formulas, quotes, newlines, Chinese. */
async function seed(core: Core) {
  const products = [
    { sku: 'RT-1', title: '润研 玻尿酸保湿面霜 50ml', shortTitle: '保湿面霜', brand: '润研', category: '美妆', tags: ['保湿', '秋冬'], listPrice: 29900, livePrice: 19900, floorPrice: 17900, stock: 800, limitPerBuyer: 2, role: 'hero', sellingPoints: ['五重玻尿酸, 一抹就吸收', '48小时锁水'], talkingPoints: '家人们看过来！\n今晚主推。', faq: [{ q: '敏感肌能用吗？', a: '可以, "无香精"' }], link: 'https://example.com/p/1', notes: '第一行\n第二行', barcode: '6901234567892' },
    { sku: 'RT-2', title: '=HYPERLINK("http://evil.example","click")', listPrice: 100, livePrice: 100, notes: '+1 555 0100', brand: '@brand', tags: ['-sale'], talkingPoints: '\tindented' },
    { sku: 'RT-3', title: "'quoted title", listPrice: 1999, livePrice: 999, currency: 'USD', archived: true, stock: null, variants: [
      { sku: 'RT-3-S', title: 'Small / Red', options: [{ name: 'Size', value: 'Small' }, { name: 'Colour', value: 'Red' }], listPrice: 1999, livePrice: 999, stock: 3, barcode: '0001' },
      { sku: 'RT-3-M', options: [{ name: 'Size', value: 'Medium' }], listPrice: 2099, livePrice: 1099, stock: 0 },
    ] },
    { sku: 'RT-4', title: 'Yen priced', listPrice: 1500, livePrice: 1200, currency: 'JPY', role: 'perk' },
  ];
  for (const p of products) await call(core, 'products.create', p);
}

describe('export and re-import', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`round-trips the catalog through ${format.toUpperCase()}: export → import gives the same catalog`, async () => {
      const a = newCore();
      await seed(a);
      const out = await call(a, 'products.export', { format });
      expect(out).toMatchObject({ count: 4, fileName: expect.stringMatching(new RegExp(`\\.${format}$`)) });
      const bytes = Buffer.from(out.contentBase64, 'base64');
      const b = newCore();
      const r = await importFile(b, out.fileName, bytes, 'all-or-nothing');
      expect(r).toMatchObject({ ok: true, output: { status: 'applied', layout: 'cuecart', refused: [], products: { create: 4 } } });
      expect(await catalogOf(b)).toEqual(await catalogOf(a));
      // And importing the export back into the same catalog changes nothing but timestamps.
      const again = await importFile(a, out.fileName, bytes, 'all-or-nothing');
      expect(again).toMatchObject({ ok: true, output: { products: { create: 0, update: 4 } } });
      expect(await catalogOf(a)).toEqual(await catalogOf(b));
    });
  }

  it('writes CSV as UTF-8 with a BOM and neutralises cells that a spreadsheet would run', async () => {
    const core = newCore();
    await seed(core);
    const out = await call(core, 'products.export', { format: 'csv' });
    const bytes = Buffer.from(out.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const cells = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true }).data.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(cells).toContain("'+1 555 0100");
    expect(cells).toContain("'@brand");
    expect(cells).toContain("''quoted title");
    expect(bytes.toString('utf8')).toContain('润研 玻尿酸保湿面霜 50ml');
  });

  it('can leave archived products out', async () => {
    const core = newCore();
    await seed(core);
    expect((await call(core, 'products.export', { format: 'csv', includeArchived: false })).count).toBe(3);
  });
});
