import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Core } from '../../electron/core';
import { call } from './live';

// A fixture show for recaps, run through the real show runner with a hand-moved clock, and its
// platform files in real header layouts (products: Douyin's 商品明细 in GBK with full-width
// brackets; totals: an XLSX whose header is on row 3; curve and traffic: UTF-8 CSV). The
// figures the recap must compute from them are worked out by hand in the tests.

export const SHOW_START = Date.UTC(2026, 10, 20, 12, 0, 0); // 20:00 in Asia/Shanghai
export const MIN = 60_000;

export interface RecapFixture {
  showId: string;
  productIds: { p1: string; p2: string; p3: string };
  cueIds: string[];
  runId: string;
  rehearsalRunId: string;
}

type Clock = { set(ms: number): void };

/** Products, the show and its plan; then a rehearsal and the real run through the runner. */
export async function makeRecapFixture(core: Core, clock: Clock): Promise<RecapFixture> {
  const p1 = await call(core, 'products.create', { sku: 'FX-001', title: '玻尿酸保湿面霜 50ml', listPrice: 29_900, livePrice: 19_900, role: 'hero' });
  const p2 = await call(core, 'products.create', { sku: 'FX-002', title: '氨基酸洁面乳 120g', listPrice: 1_990, livePrice: 990, role: 'traffic', platformIds: { douyin: '3700000000000000002' } });
  const p3 = await call(core, 'products.create', { sku: 'FX-003', title: '烟酰胺精华 30ml', listPrice: 29_900, livePrice: 26_900, role: 'profit' });
  const card = (productId: string) => ({ scene: '', overlays: [{ op: 'show', overlay: { kind: 'product-card', productId } }], sources: [], texts: [] });
  const show = await call(core, 'shows.create', {
    title: '复盘测试专场',
    platform: 'douyin',
    startAt: SHOW_START,
    timeZone: 'Asia/Shanghai',
    plannedLengthMs: 30 * MIN,
    goalGmv: 5_000_000,
    goalOrders: 400,
    segments: [
      { id: 'seg_open', title: '开场', cues: [{ id: 'c1', kind: 'generic', title: '开场', durationMs: 5 * MIN }] },
      {
        id: 'seg_sell',
        title: '过款',
        cues: [
          { id: 'c2', kind: 'pitch', title: '引流 · 洁面', productId: p2.id, durationMs: 5 * MIN, livePrice: 990, actions: card(p2.id) },
          { id: 'c3', kind: 'pitch', title: '主推 · 面霜', productId: p1.id, durationMs: 10 * MIN, livePrice: 19_900, actions: card(p1.id), checklist: ['上架 1号链接', '开讲解'] },
          { id: 'c4', kind: 'pitch', title: '精华', productId: p3.id, durationMs: 5 * MIN, livePrice: 26_900, actions: card(p3.id) },
        ],
      },
      { id: 'seg_close', title: '收尾', cues: [{ id: 'c5', kind: 'generic', title: '下播', durationMs: 5 * MIN }] },
    ],
  });
  const detail = await call(core, 'shows.get', { id: show.id });
  const cueIds = detail.segments.flatMap((s) => s.cues.map((c) => c.id));
  const [c1, c2, c3, c4, c5] = cueIds as [string, string, string, string, string];

  // A rehearsal the afternoon before: never part of the recap.
  clock.set(SHOW_START - 5 * 3_600_000);
  const rehearsal = await call(core, 'live.arm', { id: show.id, rehearsal: true });
  clock.set(SHOW_START - 5 * 3_600_000 + MIN);
  await call(core, 'live.go', { expectedCueId: null });
  clock.set(SHOW_START - 5 * 3_600_000 + 40 * MIN);
  await call(core, 'live.go', { expectedCueId: c1 });
  await call(core, 'live.end');
  await call(core, 'live.close');

  // The show: on air at 20:00, cue by cue.
  clock.set(SHOW_START - 2 * MIN);
  const armed = await call(core, 'live.arm', { id: show.id });
  clock.set(SHOW_START);
  await call(core, 'live.go', { expectedCueId: null }); // c1 20:00:00
  clock.set(SHOW_START + 5 * MIN + 30_000);
  await call(core, 'live.go', { expectedCueId: c1 }); // c2 20:05:30 (c1 ran 5:30, +30 s)
  clock.set(SHOW_START + 10 * MIN);
  await call(core, 'live.go', { expectedCueId: c2 }); // c3 20:10:00 (c2 ran 4:30, −30 s)
  clock.set(SHOW_START + 11 * MIN);
  await call(core, 'live.checklist.tick', { cueId: c3, index: 0 });
  await call(core, 'live.skip', { cueId: c4 });
  clock.set(SHOW_START + 15 * MIN);
  await call(core, 'live.marker', { label: '库存告急' });
  clock.set(SHOW_START + 22 * MIN);
  await call(core, 'live.go', { expectedCueId: c3 }); // c5 20:22:00 (c3 ran 12:00, +2 min; c4 skipped)
  clock.set(SHOW_START + 27 * MIN);
  await call(core, 'live.end'); // 20:27:00 (c5 ran 5:00)
  await call(core, 'live.close');
  void c5;
  return { showId: show.id, productIds: { p1: p1.id, p2: p2.id, p3: p3.id }, cueIds, runId: armed.runId!, rehearsalRunId: rehearsal.runId! };
}

/**
 * Douyin 商品明细, GBK, full-width brackets, values as the console prints them (GBK has no ¥:
 * Chinese exports write the full-width ￥), a 合计 line at the end.
 */
export function douyinProductsGbk(): Buffer {
  const csv = [
    '商品ID,商品名称,直播间价格,用户支付金额,成交件数,成交订单数,商品曝光人数,商品点击人数,商品曝光-点击率（人数）,商品点击-成交转化率（人数）,退款金额',
    '3700000000000000001,【直播专享】玻尿酸保湿面霜 50ml,￥199.00,"￥29,850.00",150,140,1.2万,"1,500",12.50%,9.33%,￥995.00',
    '3700000000000000002,氨基酸洁面乳 120g,9.9,"￥1,980.00",200,180,8000,900,11.25%,20.00%,0',
    '3700000000000000003,烟酰胺精华 30ml,269.00,"￥5,380.00",20,20,3000,200,6.67%,10.00%,--',
    '3700000000000000009,神秘福袋赠品,0.01,￥0.50,50,50,500,100,20%,50%,',
    '合计,,,"￥37,210.50",420,390,,,,,',
  ].join('\r\n');
  return iconv.encode(csv, 'gbk');
}

/** The show's overview as an XLSX with a title and a date line above the header (row 3). */
export async function totalsXlsxRow3(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('场次概览');
  ws.addRow(['小溪的美妆间 · 直播间数据']);
  ws.addRow(['统计时间：2026-11-20']);
  ws.addRow(['直播间名称', '开播时间', '直播时长', '用户支付金额', '成交订单数', '成交件数', '成交人数', '直播间观看人次', '直播间观看人数', '最高在线人数', '平均在线人数', '人均看播时长', '新增粉丝数', '评论次数', '点赞次数', '分享次数', '直播间退款金额', '商品曝光人数', '商品点击人数']);
  ws.addRow(['小溪的美妆间', '2026-11-20 20:00', '00:27:00', '¥38,000.00', 395, 420, 320, '2.4万', '6,400', 1100, 520, '1分28秒', 210, 3300, '1.5万', 180, '¥995.00', '1.8万', 2600]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A per-minute curve, times of day only (as 抖音's minute trend prints them). */
export function curveCsv(): Buffer {
  const lines = ['时间,实时在线人数,进入直播间人数,离开直播间人数,用户支付金额'];
  for (let m = 0; m <= 27; m += 1) {
    const online = m <= 12 ? 300 + m * 66 : 1100 - (m - 12) * 40; // peaks at 20:12 with 1,092
    lines.push(`20:${String(m).padStart(2, '0')},${online},${40 + m},${30 + m},${m * 1000}.00`);
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** 渠道流量, with a total line. */
export function trafficCsv(): Buffer {
  return Buffer.from(
    ['渠道名称,观看次数,观看人数,用户支付金额,成交订单数', '直播推荐,"14,000",3800,"¥21,000.00",220', '短视频引流,6000,1600,"¥9,000.00",100', '关注,4000,1000,"¥8,000.00",75', '合计,"24,000",6400,"¥38,000.00",395'].join('\n'),
    'utf8',
  );
}

/** Import one platform file through the core, as the app does. */
export function importFile(core: Core, showId: string, kind: string, fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}, apply = true) {
  return call(core, apply ? 'recaps.import.apply' : 'recaps.import.preview', { id: showId, kind, fileName, contentBase64: bytes.toString('base64'), ...extra });
}
