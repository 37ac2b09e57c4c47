import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, FIXTURES, fingerprint, importFile, newCore, previewFile } from './helpers';

const shopify = fs.readFileSync(path.join(FIXTURES, 'shopify-product-template.csv'));

describe('import: the Shopify product export', () => {
  it('previews the layout, mapping, counts and warnings without writing', async () => {
    const core = newCore();
    const p = await previewFile(core, 'products_export.csv', shopify);
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', layout: 'shopify', totalRows: 4, products: { create: 2, update: 0 }, variants: 3, refused: [], mappingSource: 'suggested' });
    expect(p.columns.find((c: { header: string }) => c.header === 'Variant SKU').field).toBe('variantSku');
    expect(p.warnings.join(' ')).toMatch(/Image URLs are not downloaded/);
    expect(p.sample.map((s: { sku: string }) => s.sku)).toEqual(['black-t-shirt-os', 'example-t-shirt']);
    expect((await call(core, 'app.status', {})).counts.products).toBe(0);
  });

  it('imports products, variants under the same Handle, prices in minor units and the barcode', async () => {
    const core = newCore();
    const r = await importFile(core, 'products_export.csv', shopify);
    expect(r).toMatchObject({ ok: true, output: { status: 'applied', products: { create: 2, update: 0 }, variants: 3 } });
    const [black, example] = (await call(core, 'products.list', { sort: 'sku' })).items;
    expect(black).toMatchObject({
      sku: 'black-t-shirt-os',
      title: 'Black T-Shirt OS',
      brand: 'Acme',
      category: 'Shirts',
      tags: ['mens t-shirt'],
      notes: 'Product Description Goes Here',
      livePrice: 1999,
      listPrice: 1999,
      stock: 1,
      barcode: '3212483', // the leading apostrophe is Excel's "keep as text", not data
      variants: [],
    });
    expect(example).toMatchObject({ sku: 'example-t-shirt', title: 'Example T-Shirt', livePrice: 2500, listPrice: 2500, stock: 3 });
    expect(example.variants).toEqual([
      { sku: 'example-t-shirt-1', title: 'Lithograph - Height: 9" x Width: 12"', options: [{ name: 'Size', value: 'Lithograph - Height: 9" x Width: 12"' }], listPrice: 2500, livePrice: 2500, stock: 1, barcode: '' },
      { sku: 'example-shirt-s', title: 'Small', options: [{ name: 'Size', value: 'Small' }], listPrice: 2499, livePrice: 1999, stock: 1, barcode: '' },
      { sku: 'example-shirt-m', title: 'Medium', options: [{ name: 'Size', value: 'Medium' }], listPrice: 2499, livePrice: 1999, stock: 1, barcode: '' },
    ]);
    // Importing again updates by SKU: no duplicates, variants replaced not appended.
    const again = await importFile(core, 'products_export.csv', shopify);
    expect(again).toMatchObject({ ok: true, output: { products: { create: 0, update: 2 } } });
    expect((await call(core, 'products.list', {})).total).toBe(2);
    expect((await call(core, 'products.get', { id: example.id })).variants).toHaveLength(3);
  });
});

describe('import: Chinese spreadsheets', () => {
  const rows = [
    '商品编码,商品名称,直播价,划线价,库存,品牌,标签,卖点,商品角色',
    'ZH-001,润研 玻尿酸保湿面霜 50ml,199.00,299,800,润研,保湿、秋冬,五重玻尿酸；48小时锁水,主推款',
    'ZH-002,清屿 氨基酸洁面乳,9.9,69,2000,清屿,洁面,温和不紧绷,引流款',
    'ZH-003,绮梦 丝绒雾面口红 #316,129,159,0,绮梦,"口红,新品",显白,利润款',
  ].join('\r\n');

  it('detects GBK bytes from Chinese Excel and imports them ungarbled', async () => {
    const core = newCore();
    const gbk = iconv.encode(rows, 'gbk');
    const p = await previewFile(core, '商品.csv', gbk);
    expect(p).toMatchObject({ encoding: 'gb18030', layout: 'generic', products: { create: 3 } });
    expect(p.columns.map((c: { field: string }) => c.field)).toEqual(['sku', 'title', 'livePrice', 'listPrice', 'stock', 'brand', 'tags', 'sellingPoints', 'role']);
    expect(await importFile(core, '商品.csv', gbk)).toMatchObject({ ok: true, output: { status: 'applied' } });
    const list = await call(core, 'products.list', { q: '面霜' });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ title: '润研 玻尿酸保湿面霜 50ml', livePrice: 19900, listPrice: 29900, stock: 800, tags: ['保湿', '秋冬'], sellingPoints: ['五重玻尿酸', '48小时锁水'], role: 'hero' });
    expect((await call(core, 'products.list', { q: 'kh' })).items[0].sku).toBe('ZH-003'); // 口红
  });

  it('reads the same sheet as UTF-8 with a BOM, tab-separated UTF-16 and semicolon CSV', async () => {
    const core = newCore();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows, 'utf8')]);
    expect((await previewFile(core, 'a.csv', bom)).encoding).toBe('utf-8-bom');
    const tsv = rows.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t').replace(/"口红\t新品"/, '"口红,新品"');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv, 'utf16le')]);
    expect(await previewFile(core, 'a.txt', utf16)).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', products: { create: 3 }, refused: [] });
    const semi = rows.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';');
    expect(await previewFile(core, 'a.csv', semi)).toMatchObject({ delimiter: ';', products: { create: 3 }, refused: [] });
  });

  it('updates only the columns a file has (a stock sheet leaves titles alone)', async () => {
    const core = newCore();
    await importFile(core, 'a.csv', rows);
    const r = await importFile(core, 'stock.csv', '商品编码,库存\nZH-001,5\nZH-002,0\n');
    expect(r).toMatchObject({ ok: true, output: { products: { create: 0, update: 2 } } });
    const p = (await call(core, 'products.list', { q: 'ZH-001' })).items[0];
    expect(p).toMatchObject({ title: '润研 玻尿酸保湿面霜 50ml', stock: 5, livePrice: 19900, role: 'hero' });
  });
});

describe('import: refused rows, modes, one transaction', () => {
  const mixed = [
    'SKU,Title,Price,Stock',
    'M-1,Good one,10.00,1',
    'M-2,Bad price,ten,1',
    'M-3,Good two,12.50,',
    'M-4,,5,1',
    'M-5,Good three,1.5,3',
    'M-6,Too many decimals,1.555,1',
  ].join('\n');

  it('lists every refused row with its number and reason in the preview', async () => {
    const core = newCore();
    const p = await previewFile(core, 'm.csv', mixed);
    expect(p.refused).toEqual([
      { row: 3, sku: 'M-2', field: 'Price', reason: '"ten" is not a price' },
      { row: 5, sku: 'M-4', field: 'Title', reason: 'title is required for a new product' },
      { row: 7, sku: 'M-6', field: 'Price', reason: '"1.555" has more than 2 decimals' },
    ]);
    expect(p.products.create).toBe(3);
  });

  it('all-or-nothing writes nothing when any row is refused; valid writes the valid rows', async () => {
    const core = newCore();
    await importFile(core, 'seed.csv', 'SKU,Title,Price\nM-1,Old title,1\n');
    const before = fingerprint(core);
    const none = await importFile(core, 'm.csv', mixed, 'all-or-nothing');
    expect(none).toMatchObject({ ok: true, output: { status: 'refused', products: { create: 0, update: 0 } } });
    expect((none as { output: { refused: unknown[] } }).output.refused).toHaveLength(3);
    expect(fingerprint(core)).toBe(before);
    const some = await importFile(core, 'm.csv', mixed, 'valid');
    expect(some).toMatchObject({ ok: true, output: { status: 'applied', products: { create: 2, update: 1 } } });
    expect((await call(core, 'products.list', { sort: 'sku' })).items.map((p: { sku: string; livePrice: number }) => [p.sku, p.livePrice])).toEqual([
      ['M-1', 1000],
      ['M-3', 1250],
      ['M-5', 150],
    ]);
  });

  it('refuses a cut-off row rather than importing half of it, and a variant SKU owned elsewhere', async () => {
    const core = newCore();
    await call(core, 'products.create', { sku: 'A', title: 'A', listPrice: 1, livePrice: 1, variants: [{ sku: 'V-1', listPrice: 1, livePrice: 1 }] });
    const p = await previewFile(core, 'v.csv', 'SKU,Title,Price,Variant SKU,Variant Price\nB,B,1,V-1,1\nC,C,1,V-2,1\nD,D,1\n');
    expect(p.refused).toEqual([
      { row: 2, sku: 'B', field: 'variantSku', reason: 'variant SKU V-1 already belongs to another product' },
      { row: 4, reason: 'has 3 cells but the header has 5: a cut-off row or a stray delimiter' },
    ]);
    const dup = await call(core, 'products.create', { sku: 'E', title: 'E', listPrice: 1, livePrice: 1, variants: [{ sku: 'V-1', listPrice: 1, livePrice: 1 }] }).catch((e) => e.shape);
    expect(dup).toMatchObject({ code: 'CONFLICT', details: { field: 'variants.0.sku' } });
  });

  it('remembers a mapping the user fixed, per header layout', async () => {
    const core = newCore();
    const file = 'Artikel,Bezeichnung,Preis\nX-1,Lampe,9.90\n';
    const first = await previewFile(core, 'de.csv', file);
    expect(first.columns.map((c: { field: string | null }) => c.field)).toEqual([null, null, null]);
    const mapping = ['sku', 'title', 'livePrice'];
    expect(await importFile(core, 'de.csv', file, 'valid', { mapping })).toMatchObject({ ok: true, output: { products: { create: 1 } } });
    const next = await previewFile(core, 'de2.csv', 'Artikel,Bezeichnung,Preis\nX-2,Tisch,20\n');
    expect(next.mappingSource).toBe('saved');
    expect(next.columns.map((c: { field: string }) => c.field)).toEqual(mapping);
  });

  it('reports progress and can be cancelled, leaving the catalog as it was', async () => {
    const core = newCore();
    const lines = ['SKU,Title,Price'];
    for (let i = 0; i < 60_000; i += 1) lines.push(`P-${i},Product ${i} with a longer title to make the file big,${i % 500}.99`);
    const before = fingerprint(core);
    const phases: string[] = [];
    const bytes: number[] = [];
    core.bus.subscribe((e) => {
      if (e.topic !== 'import.progress' || e.payload.importId !== 'big-1') return;
      phases.push(e.payload.phase);
      if (e.payload.unit === 'bytes') bytes.push(e.payload.total);
      if (e.payload.phase === 'write' && e.payload.done > 0) void core.dispatch('products.import.cancel', { importId: 'big-1' }, { door: 'internal' });
    });
    const r = await importFile(core, 'big.csv', lines.join('\n'), 'valid', { importId: 'big-1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'cancelled' } } });
    expect(phases).toContain('write');
    // Counted in the file's bytes while it is read (the bar reads "1.2 MB / 4.1 MB").
    expect(new Set(bytes)).toEqual(new Set([Buffer.byteLength(lines.join('\n'))]));
    expect(fingerprint(core)).toBe(before);
    expect(await call(core, 'products.import.cancel', { importId: 'big-1' })).toEqual({ importId: 'big-1', cancelled: false });
  });
});
