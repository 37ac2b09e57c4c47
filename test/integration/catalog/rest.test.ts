import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServe, type ServeProcess } from '../../helpers/serve';
import { FIXTURES } from './helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let s: ServeProcess;

beforeAll(async () => {
  s = await startServe();
});
afterAll(async () => {
  await s?.stop();
  if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
});

async function raw(method: string, route: string, body?: Buffer, type = 'text/csv', token = s.token) {
  const res = await fetch(new URL(`api/v1${route}`, s.url), {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': type } : {}) },
    body: body ? new Uint8Array(body) : undefined,
  });
  return res;
}

describe('control API: catalog files and search (real serve process)', () => {
  it('imports the raw bytes of a CSV (Shopify) and answers with counts and refused rows', async () => {
    const res = await raw('POST', '/products/import?apply=valid', fs.readFileSync(path.join(FIXTURES, 'shopify-product-template.csv')));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'applied', layout: 'shopify', products: { create: 2 }, variants: 3, refused: [] });
  });

  it('previews without apply, and all-or-nothing answers 422 with every refused row and writes nothing', async () => {
    const gbk = iconv.encode('商品编码,商品名称,价格\nG-1,保湿面霜,99\nG-2,,10\nG-3,洁面乳,abc\n', 'gbk');
    const preview = await raw('POST', '/products/import', gbk);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ encoding: 'gb18030', products: { create: 1 }, refused: [{ row: 3 }, { row: 4 }] });
    const none = await raw('POST', '/products/import?apply=all-or-nothing', gbk);
    expect(none.status).toBe(422);
    expect((await none.json()).refused).toHaveLength(2);
    expect((await api(s, 'GET', '/products?q=G-1')).body.total).toBe(0);
    const some = await raw('POST', '/products/import?apply=valid', gbk);
    expect(await some.json()).toMatchObject({ status: 'applied', products: { create: 1 } });
  });

  it('searches with ?q= in Chinese and pinyin through the same index', async () => {
    expect((await api(s, 'GET', `/products?q=${encodeURIComponent('霜')}`)).body.items.map((p: { sku: string }) => p.sku)).toEqual(['G-1']);
    expect((await api(s, 'GET', '/products?q=bsms')).body.items.map((p: { sku: string }) => p.sku)).toEqual(['G-1']);
    expect((await api(s, 'GET', '/products?q=shirt&sort=sku')).body.items.map((p: { sku: string }) => p.sku)).toEqual(['black-t-shirt-os', 'example-t-shirt']);
  });

  it('exports CSV and XLSX files that import back', async () => {
    const csv = await raw('GET', '/products/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="cuecart-products-.*\.csv"/);
    const csvBytes = Buffer.from(await csv.arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = await raw('GET', '/products/export?format=xlsx');
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    const back = await raw('POST', '/products/import?apply=all-or-nothing', Buffer.from(await xlsx.arrayBuffer()), XLSX);
    expect(await back.json()).toMatchObject({ status: 'applied', layout: 'cuecart', products: { create: 0, update: 3 }, refused: [] });
  });

  it('refuses bad input with 400 and a reason, and wrong tokens with 401', async () => {
    const bin = await raw('POST', '/products/import?apply=valid', Buffer.from([0, 1, 2, 3, 0, 0, 7, 8]));
    expect(bin.status).toBe(400);
    expect((await bin.json()).error).toMatchObject({ code: 'BAD_INPUT', details: { reason: 'binary' } });
    expect((await raw('POST', '/products/import?apply=sometimes', Buffer.from('a'))).status).toBe(400);
    expect((await raw('POST', '/products/import', Buffer.from('{}'), 'application/json')).status).toBe(415);
    expect((await raw('GET', '/products/export?format=pdf')).status).toBe(400);
    expect((await raw('GET', '/products/export', undefined, 'text/csv', 'wrong-token')).status).toBe(401);
    expect((await raw('DELETE', '/products/export')).status).toBe(405);
  });
});
