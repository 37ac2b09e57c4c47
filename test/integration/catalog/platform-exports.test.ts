import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, PICTURES } from '../../fixtures/import/make-fixtures';
import { importRaw, XLSX_TYPE } from '../../helpers/import-load';
import { api, startServe, type ServeProcess } from '../../helpers/serve';

// Issue 13: the files shops and affiliate marketplaces really export, imported through the built
// serve (as `npm run serve` runs it) and checked field by field.
let s: ServeProcess;
beforeAll(async () => {
  s = await startServe();
});
afterAll(async () => {
  await s?.stop();
  if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
});

type P = Record<string, unknown> & { id: string; images: string[] };
async function bySku(sku: string): Promise<P> {
  const r = await api(s, 'GET', `/products?q=${encodeURIComponent(sku)}&includeArchived=true`);
  const p = (r.body.items as P[]).find((x) => x.sku === sku);
  if (!p) throw new Error(`no product ${sku}`);
  return p;
}
const DEMO = path.join(import.meta.dirname, '..', '..', '..', 'resources', 'demo', 'images');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** What the 淘宝助理 fixture holds, field by field (the same whatever its encoding and delimiter). */
function expectTaobaoItems(cream: P, coffee: P, kaleido: P) {
  expect(cream).toMatchObject({
    sku: 'RY-CREAM-50', // 商家编码
    title: '润研 玻尿酸保湿面霜 50ml',
    listPrice: 19900, livePrice: 19900, // 宝贝价格 199.00
    stock: 800,
    sellingPoints: ['五重玻尿酸, 48小时锁水'], // 宝贝卖点
    notes: '五重玻尿酸，一抹就吸收 & 48小时锁水\n敏感肌可用\n无香精', // 宝贝描述, HTML stripped
    barcode: '6901234567892',
    platformIds: { taobao: '652300000001' }, // 数字ID
    category: '', // 宝贝类目 is a numeric category id: not taken as a name
    commissionRate: null, couponAmount: null, priceAfterCoupon: null, shopName: '', costPrice: null, monthlySales: null,
  });
  // 商家编码 empty: the item id is the SKU; the quotes in the title survive.
  expect(coffee).toMatchObject({ sku: '652300000002', title: '山野 手冲咖啡豆 "耶加雪菲" 454g', livePrice: 8990, stock: 0, notes: '浅烘焙\n花香、柑橘', platformIds: { taobao: '652300000002' } });
  expect(kaleido).toMatchObject({ sku: 'KL-01', livePrice: 3900, stock: 120, sellingPoints: ['手工黄铜', '送礼首选'], notes: '', images: [] });
}

describe('淘宝助理 / 千牛 item exports (built serve)', () => {
  it('reads the GBK comma file: header on row 3 below `version 1.00` and the English keys', async () => {
    const preview = await importRaw(s, fs.readFileSync(FIXTURES.gbkCsv), 'text/csv');
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ encoding: 'gb18030', delimiter: ',', layout: 'taobao-assistant', platform: 'taobao', headerRow: 3, headerDetected: true, totalRows: 3, refused: [] });
    const candidates = preview.json.headerCandidates as { row: number; cells: string[] }[];
    expect(candidates.slice(0, 3).map((c) => [c.row, c.cells[0]])).toEqual([[1, 'version 1.00'], [2, 'title'], [3, '宝贝名称']]);
    const columns = preview.json.columns as { header: string; field: string | null }[];
    const field = (h: string) => columns.find((c) => c.header === h)?.field;
    expect([field('宝贝名称'), field('宝贝价格'), field('宝贝数量'), field('商家编码'), field('数字ID'), field('宝贝卖点'), field('宝贝描述'), field('新图片'), field('宝贝类目')]).toEqual([
      'title', 'livePrice', 'stock', 'sku', 'platformId', 'sellingPoints', 'bodyHtml', 'pictures', null,
    ]);
    expect(preview.json.warnings).toContain('The pictures named in 新图片 were not given: import the export as a ZIP with its picture folder to add them.');
    const applied = await importRaw(s, fs.readFileSync(FIXTURES.gbkCsv), 'text/csv', '?apply=all-or-nothing');
    expect(applied.json).toMatchObject({ status: 'applied', products: { create: 3, update: 0 } });
    expectTaobaoItems(await bySku('RY-CREAM-50'), await bySku('652300000002'), await bySku('KL-01'));
  });

  it('takes the ZIP with its .tbi picture folder: the pictures named in 新图片 become the images, in order', async () => {
    const r = await importRaw(s, fs.readFileSync(FIXTURES.gbkZip), 'application/zip', '?apply=valid&fileName=taobao.zip');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'applied', layout: 'taobao-assistant', pictures: 3, products: { create: 0, update: 3 }, refused: [], warnings: [] });
    const cream = await bySku('RY-CREAM-50');
    const coffee = await bySku('652300000002');
    // The .tbi files are the demo JPEGs 1, 2 (cream, positions 0 and 1) and 3 (coffee).
    expect(cream.images).toEqual([sha(path.join(DEMO, 'cc-sk-001.jpg')), sha(path.join(DEMO, 'cc-sk-002.jpg'))]);
    expect(coffee.images).toEqual([sha(path.join(DEMO, 'cc-sk-003.jpg'))]);
    // Stored by the media store: served from /media/<hash> as JPEG.
    const media = await fetch(new URL(`media/${cream.images[0]}`, s.url));
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await media.arrayBuffer()).equals(fs.readFileSync(path.join(DEMO, 'cc-sk-001.jpg')))).toBe(true);
    expect(PICTURES.a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reads the same export as UTF-16 tab-separated text', async () => {
    const r = await importRaw(s, fs.readFileSync(FIXTURES.utf16), 'text/tab-separated-values', '?apply=all-or-nothing');
    expect(r.json).toMatchObject({ status: 'applied', encoding: 'utf-16le', delimiter: '\t', layout: 'taobao-assistant', headerRow: 3, products: { update: 3 } });
    const cream = await bySku('RY-CREAM-50');
    expectTaobaoItems(cream, await bySku('652300000002'), await bySku('KL-01'));
    // Re-importing without pictures leaves the images the ZIP gave.
    expect(cream.images).toHaveLength(2);
  });
});

describe('header row (built serve)', () => {
  it('takes the row the user picks, and remembers it for the next file of that layout', async () => {
    // Row 1 is an English legend line that scores as well as the real header on row 2: the
    // higher one wins the tie, so the user picks row 2.
    const csv = Buffer.from('SKU,Title,Price\n商品编码,商品名称,价格\nHR-1,面霜,99\nHR-2,洁面乳,59\n');
    const first = await importRaw(s, csv, 'text/csv');
    expect(first.json).toMatchObject({ headerRow: 1, headerDetected: true, totalRows: 3 });
    const picked = await importRaw(s, csv, 'text/csv', '?headerRow=2');
    expect(picked.json).toMatchObject({ headerRow: 2, headerDetected: false, totalRows: 2, products: { create: 2 }, refused: [] });
    const applied = await importRaw(s, csv, 'text/csv', '?headerRow=2&apply=valid');
    expect(applied.json).toMatchObject({ status: 'applied', headerRow: 2, products: { create: 2 } });
    // The next file with these top rows opens on row 2 by itself, with the mapping that imported it.
    const next = await importRaw(s, Buffer.from('SKU,Title,Price\n商品编码,商品名称,价格\nHR-3,眼霜,129\n'), 'text/csv');
    expect(next.json).toMatchObject({ headerRow: 2, headerDetected: false, mappingSource: 'saved', products: { create: 1 } });
    const bad = await importRaw(s, csv, 'text/csv', '?headerRow=40');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { details: { reason: 'header_row' } } });
  });
});

describe('affiliate marketplace lists (built serve)', () => {
  it('reads a 淘宝联盟 selection (XLSX, a title line above the header): 商品id as SKU and Taobao id, commission, coupon, price after coupon', async () => {
    const preview = await importRaw(s, fs.readFileSync(FIXTURES.affiliate), XLSX_TYPE);
    expect(preview.json).toMatchObject({ layout: 'affiliate', platform: 'taobao', headerRow: 2, totalRows: 3, products: { create: 2 } });
    const r = await importRaw(s, fs.readFileSync(FIXTURES.affiliate), XLSX_TYPE, '?apply=valid');
    expect(r.json).toMatchObject({
      status: 'applied',
      products: { create: 2, update: 0 },
      refused: [{ row: 5, sku: '701234567892', field: '商品名称', reason: 'title is required for a new product' }],
    });
    expect(await bySku('701234567890')).toMatchObject({
      title: '花西子 空气蜜粉 定妆持久',
      platformIds: { taobao: '701234567890' },
      listPrice: 14900, livePrice: 14900, // 商品价格(单位：元)
      commissionRate: 2050, // 收入比率(%) 20.5
      couponAmount: 3000, // 优惠券面额 满149元减30元
      priceAfterCoupon: 11900, // 券后价
      shopName: '花西子官方旗舰店',
      monthlySales: 12000, // 1.2万
      category: '彩妆/香水/美妆工具',
      link: 'https://item.taobao.com/item.htm?id=701234567890',
      images: [], // 商品主图 is never downloaded
    });
    // No detail-page address: the main-image address is kept as the link; 无 is no coupon.
    expect(await bySku('701234567891')).toMatchObject({
      link: 'https://img.alicdn.com/bao/uploaded/i2/701234567891.jpg',
      commissionRate: 800, couponAmount: null, priceAfterCoupon: 9990, monthlySales: 35000, shopName: '三只松鼠旗舰店',
    });
  });

  it('fills the product card and price sticker with the price after coupon', async () => {
    const p = await bySku('701234567890');
    for (const kind of ['product-card', 'price-sticker']) {
      const r = await api(s, 'POST', `/overlays/${kind}/show`, { productId: p.id });
      expect(r.status).toBe(200);
    }
    const state = (await api(s, 'GET', '/overlays')).body as { layers: Record<string, { content: { priceAfterCoupon: number | null; livePrice: number } }> };
    const layers = Object.values(state.layers ?? state) as { content?: { priceAfterCoupon?: number | null } }[];
    const prices = JSON.stringify(state).match(/"priceAfterCoupon":(\d+|null)/g);
    expect(prices).toEqual(['"priceAfterCoupon":11900', '"priceAfterCoupon":11900']);
    expect(layers.length).toBeGreaterThan(0);
    await api(s, 'POST', '/overlays/clear');
  });

  it('finds products by platform id and filters by shop; the API reads and writes the new fields', async () => {
    const found = await api(s, 'GET', '/products?q=701234567890');
    expect((found.body.items as P[]).map((p) => p.sku)).toEqual(['701234567890']);
    const byTaobaoId = await api(s, 'GET', '/products?q=652300000003');
    expect((byTaobaoId.body.items as P[]).map((p) => p.sku)).toEqual(['KL-01']);
    const shop = await api(s, 'GET', `/products?shop=${encodeURIComponent('三只松鼠旗舰店')}`);
    expect((shop.body.items as P[]).map((p) => p.sku)).toEqual(['701234567891']);
    const created = await api(s, 'POST', '/products', {
      sku: 'AF-1', title: '联盟好物', listPrice: 9900, livePrice: 7900, commissionRate: 2000, couponAmount: 1000, priceAfterCoupon: 6900,
      shopName: '好物小店', platformIds: { douyin: '3720001', kuaishou: 'ks-88' }, costPrice: 3000, monthlySales: 1500,
    });
    expect(created.status).toBe(201);
    const patched = await api(s, 'PATCH', `/products/${created.body.id}`, { commissionRate: 2500, platformIds: { douyin: '3720001' } });
    expect(patched.body).toMatchObject({ commissionRate: 2500, couponAmount: 1000, priceAfterCoupon: 6900, platformIds: { douyin: '3720001' }, costPrice: 3000, monthlySales: 1500 });
    const bad = await api(s, 'POST', '/products', { sku: 'AF-2', title: 'x', listPrice: 1, livePrice: 1, commissionRate: 10001 });
    expect(bad.status).toBe(400);
    const badPlatform = await api(s, 'POST', '/products', { sku: 'AF-3', title: 'x', listPrice: 1, livePrice: 1, platformIds: { amazon: '1' } });
    expect(badPlatform.status).toBe(400);
  });
});
