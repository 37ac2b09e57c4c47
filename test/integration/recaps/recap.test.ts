import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { manualClock } from '../../../electron/core/clock';
import { tempDataDir } from '../../helpers/serve';
import { call } from '../../helpers/live';
import { MIN, SHOW_START, curveCsv, douyinProductsGbk, importFile, makeRecapFixture, totalsXlsxRow3, trafficCsv, type RecapFixture } from '../../helpers/recap-fixture';

// A show run through the real runner, its platform files imported through the real core (real
// SQLite files, real migrations), and every recap figure checked against values worked out by hand.

let core: Core;
let dir: string;
let fx: RecapFixture;
const clock = manualClock(SHOW_START - 6 * 3_600_000);

beforeAll(async () => {
  dir = tempDataDir('cuecart-recap-');
  core = createCore({ dataDir: dir, clock });
  fx = await makeRecapFixture(core, clock);
  clock.set(SHOW_START + 3 * 3_600_000);
  await call(core, 'products.update', { id: fx.productIds.p1, commissionRate: 2000, costPrice: 8_000 }); // 20 %, ¥80
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('recap imports', () => {
  it('reads Douyin product details in GBK with full-width brackets, matches products and refuses the total line', async () => {
    const preview = await importFile(core, fx.showId, 'products', '商品明细.csv', douyinProductsGbk(), {}, false);
    expect(preview).toMatchObject({ encoding: 'gb18030', preset: 'douyin-products', headerRow: 1, problems: [], accepted: 4 });
    expect(preview.refused).toEqual([expect.objectContaining({ row: 6, reason: expect.stringContaining('total line') })]);
    const rows = preview.products!.rows;
    expect(rows.map((r) => [r.platformProductId, r.gmv, r.productId, r.matchedBy])).toEqual([
      ['3700000000000000001', 2_985_000, fx.productIds.p1, 'title'], // 【直播专享】 dropped for matching
      ['3700000000000000002', 198_000, fx.productIds.p2, 'platform_id'], // the product's Douyin id
      ['3700000000000000003', 538_000, fx.productIds.p3, 'title'],
      ['3700000000000000009', 50, null, null],
    ]);
    expect(rows[0]).toMatchObject({ impressions: 12_000, clicks: 1_500, ctr: 0.125, clickToOrder: 0.0933, refund: 99_500, price: 19_900 });
    expect(rows[2]!.refund).toBeNull(); // "--"
    // A preview writes nothing.
    expect((await call(core, 'recaps.get', { id: fx.showId })).imports.products).toBeNull();
    const applied = await importFile(core, fx.showId, 'products', '商品明细.csv', douyinProductsGbk());
    expect(applied).toMatchObject({ status: 'applied', products: { matched: 3, unmatched: 1 } });
  });

  it('finds the totals header on row 3 of an XLSX', async () => {
    const preview = await importFile(core, fx.showId, 'totals', '场次概览.xlsx', await totalsXlsxRow3(), {}, false);
    expect(preview).toMatchObject({ format: 'xlsx', headerRow: 3, headerDetected: true, preset: 'douyin-totals', problems: [] });
    expect(preview.totals).toMatchObject({ gmv: 3_800_000, views: 24_000, viewers: 6_400, avgWatchMs: 88_000, likes: 15_000, durationMs: 27 * MIN, productClicks: 2_600 });
    await importFile(core, fx.showId, 'totals', '场次概览.xlsx', await totalsXlsxRow3());
  });

  it('anchors a time-of-day curve on the show day in its zone', async () => {
    const result = await importFile(core, fx.showId, 'curve', '分钟趋势.csv', curveCsv());
    expect(result.curve).toMatchObject({ points: 28, startAt: SHOW_START, endAt: SHOW_START + 27 * MIN, resolutionMs: MIN, series: ['online', 'entries', 'exits', 'gmv'] });
    await importFile(core, fx.showId, 'traffic', '渠道流量.csv', trafficCsv());
  });

  it('asks before replacing a kind, and replaces only when told', async () => {
    const again = await core.dispatch('recaps.import.apply', { id: fx.showId, kind: 'traffic', fileName: 'x.csv', contentBase64: trafficCsv().toString('base64') }, { door: 'http' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'exists' } } });
    const replaced = await importFile(core, fx.showId, 'traffic', '渠道流量2.csv', trafficCsv(), { replace: true });
    expect(replaced.existing).toMatchObject({ fileName: '渠道流量.csv' });
    expect((await call(core, 'recaps.get', { id: fx.showId })).imports.traffic).toMatchObject({ fileName: '渠道流量2.csv', rows: 3 });
  });

  it('refuses a garbage file and a file without its required column, and changes nothing', async () => {
    const before = await call(core, 'recaps.get', { id: fx.showId });
    const garbage = await core.dispatch('recaps.import.apply', { id: fx.showId, kind: 'products', fileName: 'x.csv', contentBase64: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9]).toString('base64'), replace: true }, { door: 'http' });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const noGmv = Buffer.from('商品ID,商品名称,成交件数\n1,面霜,3\n', 'utf8');
    const preview = await importFile(core, fx.showId, 'products', 'no-gmv.csv', noGmv, {}, false);
    expect(preview.problems).toEqual([expect.objectContaining({ code: 'missing_columns', fields: ['gmv'] })]);
    const refused = await core.dispatch('recaps.import.apply', { id: fx.showId, kind: 'products', fileName: 'no-gmv.csv', contentBase64: noGmv.toString('base64'), replace: true }, { door: 'http' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { reason: 'missing_columns' } } });
    const after = await call(core, 'recaps.get', { id: fx.showId });
    expect({ ...after, generatedAt: 0 }).toEqual({ ...before, generatedAt: 0 });
  });
});

describe('the recap', () => {
  it('computes every figure as worked out by hand, from the real run only', async () => {
    const r = await call(core, 'recaps.get', { id: fx.showId });
    expect(r.run?.id).toBe(fx.runId); // never the rehearsal
    expect(r.runs.map((x) => x.id)).toEqual([fx.runId]);
    expect(r.metrics).toEqual({
      gmv: 3_800_000, // the platform's total (¥38,000), not the products' ¥37,210.50
      orders: 395,
      units: 420,
      buyers: 320,
      views: 24_000,
      viewers: 6_400,
      peakOnline: 1_100,
      aov: 11_875, // ¥38,000 ÷ 320 = ¥118.75
      gpm: 158_333, // ¥38,000 × 1000 ÷ 24,000 views = ¥1,583.33
      uvValue: 594, // ¥38,000 ÷ 6,400 = ¥5.9375 → ¥5.94
      viewToOrder: 0.05, // 320 ÷ 6,400
      clickToOrder: 320 / 2_600,
      refundRate: 99_500 / 3_800_000,
      goalAchieved: 0.76, // ¥38,000 ÷ ¥50,000
      ordersGoalAchieved: 395 / 400,
      planAdherence: 0.6, // c1 +30 s, c2 −30 s, c5 ±0 within ±10 %; c3 +2 min and skipped c4 not: 3 of 5
      timeOverPlanMs: -3 * MIN, // 27 min live against 30 planned
      durationMs: 27 * MIN,
      gmvPerMinute: 140_741, // ¥38,000 ÷ 27 min = ¥1,407.41
      commission: 597_000, // ¥29,850 × 20 %, the only product with a rate
      grossMargin: 1_785_000, // ¥29,850 − ¥80 × 150
      avgOnline: 520,
      avgWatchMs: 88_000,
      newFollowers: 210,
      refund: 99_500,
    });
    expect(r.flags.map((f) => f.code).sort()).toEqual(['estimates_partial', 'gmv_mismatch', 'orders_mismatch', 'unmatched_products']);
    expect(r.flags.find((f) => f.code === 'gmv_mismatch')!.values).toEqual({ totals: 3_800_000, products: 3_721_050, difference: 78_950 });

    const cues = Object.fromEntries(r.timeline.cues.map((c) => [c.title, c]));
    expect(cues['开场']).toMatchObject({ plannedStartAt: SHOW_START, actualStartAt: SHOW_START, onAirMs: 5.5 * MIN, deltaMs: 30_000, withinPlan: true });
    expect(cues['主推 · 面霜']).toMatchObject({ plannedStartAt: SHOW_START + 10 * MIN, actualStartAt: SHOW_START + 10 * MIN, onAirMs: 12 * MIN, deltaMs: 2 * MIN, withinPlan: false, markers: 1 });
    expect(cues['主推 · 面霜']!.checklist).toEqual([{ item: '上架 1号链接', done: true }, { item: '开讲解', done: false }]);
    expect(cues['精华']).toMatchObject({ status: 'skipped', onAirMs: 0 });
    expect(r.timeline.segments.map((s) => [s.title, s.plannedMs, s.actualMs])).toEqual([
      ['开场', 5 * MIN, 5.5 * MIN],
      ['过款', 20 * MIN, 16.5 * MIN],
      ['收尾', 5 * MIN, 5 * MIN],
    ]);
    expect(r.timeline.markers).toEqual([expect.objectContaining({ label: '库存告急', at: SHOW_START + 15 * MIN })]);

    const byKey = Object.fromEntries(r.products.map((p) => [p.productId ?? p.key, p]));
    // 面霜: 12 min on air, ¥29,850 → ¥2,487.50 a minute; its card up from 20:10 to the end at 20:27.
    expect(byKey[fx.productIds.p1]).toMatchObject({ gmv: 2_985_000, onAirMs: 12 * MIN, cardMs: 17 * MIN, pitches: 1, gmvPerMinute: 248_750, role: 'hero', commission: 597_000, grossMargin: 1_785_000 });
    expect(byKey[fx.productIds.p2]).toMatchObject({ gmv: 198_000, onAirMs: 4.5 * MIN, cardMs: 4.5 * MIN, gmvPerMinute: 44_000 });
    expect(byKey[fx.productIds.p3]).toMatchObject({ gmv: 538_000, onAirMs: 0, gmvPerMinute: null, inPlan: true });
    expect(byKey['platform:3700000000000000009']).toMatchObject({ productId: null, gmv: 50, role: null });
    expect(r.roles.map((x) => [x.role, x.gmv])).toEqual([
      ['hero', 2_985_000],
      ['traffic', 198_000],
      ['profit', 538_000],
      ['unmatched', 50],
    ]);
    expect(r.funnel.map((s) => [s.stage, s.value])).toEqual([
      ['views', 24_000],
      ['viewers', 6_400],
      ['productImpressions', 18_000],
      ['productClicks', 2_600],
      ['buyers', 320],
    ]);
    expect(r.curve!.online[12]).toBe(1_092);
    expect(r.traffic).toHaveLength(3);
  });

  it('refuses to recap a rehearsal run', async () => {
    const res = await core.dispatch('recaps.get', { id: fx.showId, runId: fx.rehearsalRunId }, { door: 'http' });
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { reason: 'rehearsal' } } });
  });

  it('fixes a match by hand and remembers it for the next file', async () => {
    const r0 = await call(core, 'recaps.get', { id: fx.showId });
    const row = (await importFile(core, fx.showId, 'products', 'p.csv', douyinProductsGbk(), {}, false)).products!.rows.find((x) => x.productId === null)!;
    await call(core, 'recaps.matches.set', { id: fx.showId, matches: [{ row: row.row, productId: fx.productIds.p3 }] });
    const r1 = await call(core, 'recaps.get', { id: fx.showId });
    expect(r1.products.find((p) => p.productId === fx.productIds.p3)!.gmv).toBe(538_050);
    expect(r1.flags.map((f) => f.code)).not.toContain('unmatched_products');
    const again = await importFile(core, fx.showId, 'products', 'p.csv', douyinProductsGbk(), {}, false);
    expect(again.products!.rows.find((x) => x.platformProductId === '3700000000000000009')).toMatchObject({ productId: fx.productIds.p3, matchedBy: 'remembered' });
    // The catalog learned the product's Douyin id (it had none).
    expect((await call(core, 'products.get', { id: fx.productIds.p3 })).platformIds).toEqual({ douyin: '3700000000000000009' });
    expect(r0.products.length).toBe(r1.products.length + 1);
  });

  it('keeps conclusions and typed totals with the show', async () => {
    await call(core, 'recaps.conclusions.set', { id: fx.showId, worked: '面霜讲解节奏好', problems: '精华被跳过', actions: [{ text: '精华放到前半场', owner: '小林' }] });
    await call(core, 'recaps.totals.set', { id: fx.showId, totals: { newFollowers: 250 } });
    const r = await call(core, 'recaps.get', { id: fx.showId });
    expect(r.conclusions).toMatchObject({ worked: '面霜讲解节奏好', actions: [{ text: '精华放到前半场', owner: '小林', done: false }] });
    expect(r.metrics.newFollowers).toBe(250); // typed over the imported 210
    expect(r.metrics.gmv).toBe(3_800_000);
  });

  it('lists the show in the history and the product across shows', async () => {
    const list = await call(core, 'recaps.list', { platform: 'douyin' });
    expect(list).toEqual([expect.objectContaining({ showId: fx.showId, gmv: 3_800_000, orders: 395, planAdherence: 0.6, durationMs: 27 * MIN, runId: fx.runId })]);
    expect(await call(core, 'recaps.list', { platform: 'taobao' })).toEqual([]);
    const h = await call(core, 'products.history', { id: fx.productIds.p1 });
    expect(h.shows).toEqual([expect.objectContaining({ showId: fx.showId, slot: 2, slots: 2, offsetMs: 10 * MIN, onAirMs: 12 * MIN, gmv: 2_985_000, price: 19_900, gmvPerMinute: 248_750 })]);
    expect(h.best.slot).toEqual([expect.objectContaining({ key: 'late', shows: 1 })]);
  });
});

describe('recap exports (one model, every format)', () => {
  const file = async (format: string, lang = 'zh-CN') => {
    const out = await call(core, 'recaps.export', { id: fx.showId, format, lang });
    return { ...out, bytes: Buffer.from(out.contentBase64, 'base64') };
  };

  it('writes an XLSX whose sheets read back as the source figures', async () => {
    const out = await file('xlsx', 'en');
    expect(out.fileName).toMatch(/复盘测试专场 recap 2026-11-20\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Timeline', 'Products', 'Curve', 'Log']);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('Summary')!.eachRow((row) => summary.set(String(row.getCell(6).value ?? ''), row.getCell(2).value));
    expect(summary.get('gmv')).toBe(38_000); // yuan, as a number
    expect(summary.get('orders')).toBe(395);
    expect(summary.get('gpm')).toBe(1_583.33);
    expect(summary.get('viewToOrder')).toBe(0.05);
    expect(summary.get('planAdherence')).toBe(0.6);
    expect(summary.get('durationMs')).toEqual(new Date(Date.UTC(1899, 11, 30, 0, 27))); // an Excel time (27 min), read back as a date
    const products = wb.getWorksheet('Products')!;
    const gmvByTitle = new Map<string, unknown>();
    products.eachRow((row, n) => n > 1 && gmvByTitle.set(String(row.getCell(1).value), row.getCell(7).value));
    expect(gmvByTitle.get('玻尿酸保湿面霜 50ml')).toBe(29_850);
    expect(gmvByTitle.get('烟酰胺精华 30ml')).toBe(5_380.5); // with the hand-matched 福袋 row
    expect(wb.getWorksheet('Curve')!.rowCount).toBe(29); // header + 28 minutes
    expect(wb.getWorksheet('Curve')!.getRow(14).getCell(2).value).toBe(1_092); // 20:12
    const log = wb.getWorksheet('Log')!;
    expect(log.rowCount - 1).toBe((await call(core, 'recaps.get', { id: fx.showId })).run!.logCount);
    expect(String(log.getRow(2).getCell(6).value)).toMatch(/^Armed/);
  });

  it('writes a self-contained HTML report with its charts as inline SVG', async () => {
    const html = (await file('html')).bytes.toString('utf8');
    expect(html).toContain('复盘测试专场');
    expect(html).toContain('¥38,000.00');
    expect(html).not.toMatch(/<script|<link|src="http|href="http/i);
    expect(html.match(/<div class="chart" data-chart="(\w+)"><h3>[^<]*<\/h3><svg/g)?.length).toBe(6);
    expect(html).toContain('平台场次成交额与商品明细合计不一致'); // the flag is shown, not hidden
  });

  it('writes the metrics as CSV and JSON', async () => {
    const csv = (await file('csv', 'en')).bytes.toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('gmv,GMV,3800000,分,"¥38,000.00",totals');
    expect(csv).toContain('planAdherence,Plan adherence (cues within ±10 %),0.6,fraction,60.0%,run');
    const json = JSON.parse((await file('json')).bytes.toString('utf8'));
    expect(json).toMatchObject({ format: 'cuecart.recap.metrics', metrics: { gmv: 3_800_000, planAdherence: 0.6 } });
  });

  it('prints a PDF with the products and totals in it (system Chromium)', async () => {
    const out = await file('pdf', 'zh-CN');
    expect(out.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = path.join(dir, 'recap.pdf');
    fs.writeFileSync(pdf, out.bytes);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('玻尿酸保湿面霜 50ml');
    expect(text).toContain('氨基酸洁面乳 120g');
    expect(text).toContain('¥38,000.00');
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/); // page numbers (pdftotext drops the spaces)
  });
});
