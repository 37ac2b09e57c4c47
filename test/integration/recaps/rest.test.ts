import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServe, type ServeProcess } from '../../helpers/serve';
import { curveCsv, douyinProductsGbk, totalsXlsxRow3, trafficCsv } from '../../helpers/recap-fixture';

// The recap's control API on the BUILT app (out/main/serve.js, as `npm run serve` runs it): raw
// platform files in, the recap as JSON, every export format out, history and product history.

let s: ServeProcess;
let showId: string;
let productId: string;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function raw(method: string, route: string, body?: Buffer, type = 'text/csv') {
  return fetch(new URL(`api/v1${route}`, s.url), {
    method,
    headers: { Authorization: `Bearer ${s.token}`, ...(body ? { 'Content-Type': type } : {}) },
    body: body ? new Uint8Array(body) : undefined,
  });
}

beforeAll(async () => {
  s = await startServe();
  const p = await api(s, 'POST', '/products', { sku: 'FX-001', title: '玻尿酸保湿面霜 50ml', listPrice: 29_900, livePrice: 19_900, role: 'hero' });
  productId = p.body.id;
  const show = await api(s, 'POST', '/shows', {
    title: 'REST 复盘专场',
    platform: 'douyin',
    startAt: Date.now() - 60_000,
    timeZone: 'Asia/Shanghai',
    plannedLengthMs: 600_000,
    goalGmv: 5_000_000,
    segments: [{ id: 'seg1', title: '过款', cues: [{ id: 'c1', kind: 'pitch', title: '面霜', productId, durationMs: 300_000 }, { id: 'c2', kind: 'generic', title: '下播', durationMs: 300_000 }] }],
  });
  showId = show.body.id;
  await api(s, 'PATCH', '/live/settings', { doubleGoMs: 0 }); // the Gos below follow each other within ms
  await api(s, 'POST', `/shows/${showId}/arm`, {});
  await api(s, 'POST', '/show/go', { expectedCueId: null });
  await api(s, 'POST', '/markers', { label: '福袋开奖' });
  const cues = (await api(s, 'GET', '/show')).body.cues;
  await api(s, 'POST', '/show/go', { expectedCueId: cues[0].id });
  await api(s, 'POST', '/show/end', {});
});
afterAll(async () => {
  await s?.stop();
  if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
});

describe('recap control API (built serve)', () => {
  it('previews a platform file sent as the body, then applies it; a second apply asks to replace', async () => {
    const preview = await raw('POST', `/shows/${showId}/recap/imports?kind=products&fileName=${encodeURIComponent('商品明细.csv')}`, douyinProductsGbk());
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body).toMatchObject({ encoding: 'gb18030', preset: 'douyin-products', accepted: 4, products: { matched: 1, unmatched: 3 } }); // only 面霜 is in this catalog
    expect(body.refused).toHaveLength(1);
    const applied = await raw('POST', `/shows/${showId}/recap/imports?kind=products&apply=1`, douyinProductsGbk());
    expect(applied.status).toBe(200);
    expect((await applied.json()).status).toBe('applied');
    const again = await raw('POST', `/shows/${showId}/recap/imports?kind=products&apply=1`, douyinProductsGbk());
    expect(again.status).toBe(409);
    expect((await raw('POST', `/shows/${showId}/recap/imports?kind=products&apply=1&replace=1`, douyinProductsGbk())).status).toBe(200);
    expect((await raw('POST', `/shows/${showId}/recap/imports?kind=totals&apply=1`, await totalsXlsxRow3(), XLSX)).status).toBe(200);
    expect((await raw('POST', `/shows/${showId}/recap/imports?kind=traffic&apply=1`, trafficCsv())).status).toBe(200);
  });

  it('answers 4xx with reasons for a file that does not fit, and changes nothing', async () => {
    const before = (await api(s, 'GET', `/shows/${showId}/recap`)).body;
    const noGmv = Buffer.from('商品ID,商品名称,成交件数\n1,面霜,3\n');
    const preview = await raw('POST', `/shows/${showId}/recap/imports?kind=products`, noGmv);
    expect(preview.status).toBe(422);
    expect((await preview.json()).problems[0]).toMatchObject({ code: 'missing_columns' });
    const apply = await raw('POST', `/shows/${showId}/recap/imports?kind=products&apply=1&replace=1`, noGmv);
    expect(apply.status).toBe(400);
    expect((await apply.json()).error).toMatchObject({ code: 'BAD_INPUT', details: { reason: 'missing_columns' } });
    const garbage = await raw('POST', `/shows/${showId}/recap/imports?kind=curve&apply=1`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 0, 1]), 'application/octet-stream');
    expect(garbage.status).toBe(400);
    expect((await raw('POST', `/shows/${showId}/recap/imports?kind=bananas`, curveCsv())).status).toBe(400);
    expect((await raw('POST', `/shows/${showId}/recap/imports?kind=curve`, curveCsv(), 'image/png')).status).toBe(415);
    const after = (await api(s, 'GET', `/shows/${showId}/recap`)).body;
    expect({ ...after, generatedAt: 0 }).toEqual({ ...before, generatedAt: 0 });
  });

  it('answers the recap as JSON with the promised metric keys', async () => {
    const r = await api(s, 'GET', `/shows/${showId}/recap`);
    expect(r.status).toBe(200);
    for (const key of ['gmv', 'orders', 'units', 'buyers', 'views', 'viewers', 'peakOnline', 'aov', 'gpm', 'uvValue', 'viewToOrder', 'refundRate', 'goalAchieved', 'planAdherence', 'commission', 'grossMargin']) {
      expect(r.body.metrics).toHaveProperty(key);
    }
    expect(r.body.metrics).toMatchObject({ gmv: 3_800_000, views: 24_000, gpm: 158_333, goalAchieved: 0.76, commission: null });
    expect(r.body.timeline.cues.map((c: { title: string; status: string }) => [c.title, c.status])).toEqual([
      ['面霜', 'aired'],
      ['下播', 'aired'],
    ]);
    expect(r.body.timeline.markers[0].label).toBe('福袋开奖');
    expect(r.body.products.find((p: { productId: string }) => p.productId === productId).gmv).toBe(2_985_000);
    expect((await api(s, 'GET', '/shows/nope/recap')).status).toBe(404);
  });

  it('exports every format, zh-CN and en', async () => {
    const get = async (format: string, lang = 'zh-CN') => {
      const res = await raw('GET', `/shows/${showId}/recap/export?format=${format}&lang=${lang}`);
      expect(res.status, `${format} ${lang}`).toBe(200);
      return { res, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const html = await get('html', 'en');
    expect(html.res.headers.get('content-disposition')).toMatch(/^inline; .*recap/);
    expect(html.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html.bytes.toString()).toContain('<svg');
    expect(html.bytes.toString()).toContain('Plan adherence');
    const xlsx = await get('xlsx');
    expect(xlsx.res.headers.get('content-type')).toBe(XLSX);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await get('csv')).bytes.toString()).toContain('gmv,成交金额 GMV,3800000');
    expect(JSON.parse((await get('json', 'en')).bytes.toString()).metrics.gmv).toBe(3_800_000);
    const pdf = await get('pdf');
    expect(pdf.res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(s.dataDir, 'r.pdf');
    fs.writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('玻尿酸保湿面霜 50ml');
    expect(text).toContain('¥38,000.00');
    expect((await raw('GET', `/shows/${showId}/recap/export?format=docx`)).status).toBe(400);
  });

  it('lists past shows with filters, and a product across shows', async () => {
    const all = await api(s, 'GET', '/recaps?platform=douyin');
    expect(all.body).toEqual([expect.objectContaining({ showId, gmv: 3_800_000, imports: expect.arrayContaining(['products', 'totals', 'traffic']) })]);
    expect((await api(s, 'GET', '/recaps?platform=taobao')).body).toEqual([]);
    expect((await api(s, 'GET', `/recaps?from=${Date.now() + 86_400_000}`)).body).toEqual([]);
    const h = await api(s, 'GET', `/products/${productId}/history`);
    expect(h.status).toBe(200);
    expect(h.body.shows).toEqual([expect.objectContaining({ showId, gmv: 2_985_000, slot: 1, pitches: 1 })]);
  });

  it('needs the operator token to apply, and any token to read', async () => {
    const noToken = await fetch(new URL(`api/v1/shows/${showId}/recap`, s.url));
    expect(noToken.status).toBe(401);
    const file = await fetch(new URL(`api/v1/shows/${showId}/recap/export?format=csv`, s.url));
    expect(file.status).toBe(401);
  });
});
