// Writes the demo's platform files (resources/demo/recap/*): what Douyin's consoles would export
// for the two past demo shows, in their real header layouts — 商品明细 as GBK CSV and as XLSX,
// 直播间数据, a per-minute trend XLSX with its header on row 3, 渠道流量. The per-minute curve is
// timed from the same run spec the demo loader writes the as-run log from (runs.json), so the
// viewer peaks and GMV land on the cues that caused them. Run it again: the same figures (the XLSX
// files differ only in their zip timestamps).
//
//   npx tsx scripts/make-demo-recap.ts

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import type { RunCue } from '../electron/contract';
import { demoRundown } from '../electron/core/demo/demo-rundown';
import { DemoRuns, demoRunRows } from '../electron/core/demo/demo-run';
import { DemoWorkspace } from '../electron/core/demo/demo.schema';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = path.join(ROOT, 'resources', 'demo', 'recap');
const ws = DemoWorkspace.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'resources', 'demo', 'workspace.json'), 'utf8')));
const runs = DemoRuns.parse(JSON.parse(fs.readFileSync(path.join(DIR, 'runs.json'), 'utf8')));

/** A small deterministic noise source (same files every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const yuan = (minor: number) => `￥${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const wan = (n: number) => (n >= 10_000 ? `${(n / 10_000).toFixed(1)}万` : n.toLocaleString('en-US'));
const hms = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 3600)}小时${Math.floor((s % 3600) / 60)}分${s % 60}秒`;
};

/** A workbook with fixed dates, so the files only change when their content does. */
function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  return wb;
}

interface Sale {
  sku: string | null;
  platformId: string;
  title: string;
  price: number; // 分
  units: number;
  orders: number;
  gmv: number; // 分
  impressions: number;
  clicks: number;
  pitches: number;
}

/** Per show: what each product sold (hand-set, in line with its time on air). */
const SALES: Record<string, Omit<Sale, 'pitches'>[]> = {
  'douyin-past-2': [
    { sku: 'CC-SK-002', platformId: '3712450010020001', title: '【9.9秒杀】清屿 氨基酸温和洁面乳 120g', price: 990, units: 2_360, orders: 1_720, gmv: 2_336_400, impressions: 51_200, clicks: 9_860 },
    { sku: 'CC-SK-001', platformId: '3712450010010001', title: '润研 玻尿酸保湿面霜 50ml 补水保湿秋冬', price: 19_900, units: 1_186, orders: 1_102, gmv: 23_601_400, impressions: 42_300, clicks: 6_230 },
    { sku: 'CC-SK-003', platformId: '3712450010030001', title: '光研所 5%烟酰胺焕亮精华液 30ml', price: 26_900, units: 248, orders: 190, gmv: 5_018_300, impressions: 19_400, clicks: 1_870 },
    { sku: 'CC-SK-006', platformId: '3712450010060001', title: '【秒杀】绮梦 丝绒雾面口红 #316 豆沙玫瑰', price: 4_990, units: 1_020, orders: 498, gmv: 5_089_800, impressions: 26_100, clicks: 4_120 },
    { sku: 'CC-SK-010', platformId: '3712450010100001', title: '果园小站 每日坚果混合装 25g×30包', price: 8_990, units: 612, orders: 455, gmv: 5_351_300, impressions: 15_200, clicks: 2_340 },
    { sku: 'CC-SK-005', platformId: '3712450010050001', title: '绮梦 轻薄持妆气垫粉底 SPF50+ PA+++ 15g', price: 15_900, units: 402, orders: 389, gmv: 6_391_800, impressions: 17_400, clicks: 2_010 },
    { sku: 'CC-SK-008', platformId: '3712450010080001', title: '茶语 白茶香氛身体乳 250ml', price: 8_900, units: 236, orders: 171, gmv: 1_753_300, impressions: 9_800, clicks: 1_120 },
    { sku: 'CC-SK-004', platformId: '3712450010040001', title: '润研 多效修护淡纹眼霜 15g', price: 18_900, units: 118, orders: 115, gmv: 2_173_500, impressions: 8_600, clicks: 760 },
    { sku: null, platformId: '3712450019990001', title: '小溪同款 化妆刷5件套', price: 8_950, units: 46, orders: 44, gmv: 411_700, impressions: 3_100, clicks: 420 },
  ],
  'douyin-past-1': [
    { sku: 'CC-SK-002', platformId: '3712450010020001', title: '清屿 氨基酸温和洁面乳 120g', price: 990, units: 1_880, orders: 1_410, gmv: 1_861_200, impressions: 43_800, clicks: 7_900 },
    { sku: 'CC-SK-001', platformId: '3712450010010001', title: '润研 玻尿酸保湿面霜 50ml 补水保湿秋冬', price: 19_900, units: 842, orders: 790, gmv: 16_755_800, impressions: 36_200, clicks: 5_020 },
    { sku: 'CC-SK-003', platformId: '3712450010030001', title: '光研所 5%烟酰胺焕亮精华液 30ml', price: 26_900, units: 205, orders: 161, gmv: 4_144_000, impressions: 16_900, clicks: 1_610 },
    { sku: 'CC-SK-006', platformId: '3712450010060001', title: '绮梦 丝绒雾面口红 #316 豆沙玫瑰', price: 4_990, units: 730, orders: 371, gmv: 3_642_700, impressions: 21_400, clicks: 3_240 },
    { sku: 'CC-SK-010', platformId: '3712450010100001', title: '果园小站 每日坚果混合装 25g×30包', price: 8_990, units: 430, orders: 322, gmv: 3_759_900, impressions: 12_600, clicks: 1_900 },
    { sku: 'CC-SK-005', platformId: '3712450010050001', title: '绮梦 轻薄持妆气垫粉底 SPF50+ PA+++ 15g', price: 15_900, units: 312, orders: 301, gmv: 4_960_800, impressions: 14_800, clicks: 1_690 },
    { sku: 'CC-SK-008', platformId: '3712450010080001', title: '茶语 白茶香氛身体乳 250ml', price: 8_900, units: 190, orders: 140, gmv: 1_411_500, impressions: 8_200, clicks: 930 },
    { sku: 'CC-SK-004', platformId: '3712450010040001', title: '润研 多效修护淡纹眼霜 15g', price: 18_900, units: 131, orders: 128, gmv: 2_412_900, impressions: 9_100, clicks: 840 },
  ],
};

function timedRun(key: string) {
  const show = ws.shows.find((s) => s.key === key)!;
  const spec = runs.runs.find((r) => r.show === key)!;
  const skuToId = new Map(ws.products.map((p) => [p.sku, p.sku]));
  const plan: RunCue[] = demoRundown(show.cues, skuToId).flatMap((s) => s.cues.map((c) => ({ ...c, segmentId: s.id, segmentTitle: s.title, adHoc: false }) as RunCue));
  const start = Date.UTC(2026, 0, 1, 20, 0, 0); // any day at 20:00: the files carry times of day only
  const encore = (sku: string, after: RunCue) => {
    const like = plan.find((c) => c.productId === sku);
    return like ? { ...like, segmentId: after.segmentId, segmentTitle: after.segmentTitle } : null;
  };
  return { show, run: demoRunRows(spec, plan, start, encore), start };
}

function productsCsvGbk(key: string): Buffer {
  const { run } = timedRun(key);
  const header = '商品ID,商品名称,直播间价格,用户支付金额,成交件数,成交订单数,商品曝光人数,商品点击人数,商品曝光-点击率（人数）,商品点击-成交转化率（人数）,退款金额,讲解次数';
  const lines = SALES[key]!.map((s) => {
    const pitches = run.turns.filter((t) => t.cue.productId === s.sku).length;
    const cells = [s.platformId, s.title, yuan(s.price), yuan(s.gmv), s.units, s.orders, wan(s.impressions), s.clicks.toLocaleString('en-US'), pct(s.clicks / s.impressions), pct((s.orders * 0.92) / s.clicks), yuan(Math.round(s.gmv * 0.031)), pitches];
    return cells.map((c) => (/[,"]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
  });
  const total = SALES[key]!.reduce((n, s) => n + s.gmv, 0);
  lines.push(`合计,,,"${yuan(total)}",,,,,,,,`);
  return iconv.encode([header, ...lines].join('\r\n') + '\r\n', 'gbk');
}

async function productsXlsx(key: string): Promise<Buffer> {
  const { run } = timedRun(key);
  const wb = workbook();
  const sheet = wb.addWorksheet('商品明细');
  sheet.addRow(['商品ID', '商品名称', '直播间价格', '用户支付金额', '成交件数', '成交订单数', '商品曝光人数', '商品点击人数', '商品曝光-点击率(人数)', '商品点击-成交转化率(人数)', '退款金额', '讲解次数']);
  for (const s of SALES[key]!) {
    const pitches = run.turns.filter((t) => t.cue.productId === s.sku).length;
    sheet.addRow([s.platformId, s.title, s.price / 100, s.gmv / 100, s.units, s.orders, s.impressions, s.clicks, pct(s.clicks / s.impressions), pct((s.orders * 0.92) / s.clicks), Math.round(s.gmv * 0.028) / 100, pitches]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Online viewers, entries, exits and GMV per minute, shaped by what was on air. */
function curveOf(key: string) {
  const { run } = timedRun(key);
  const rand = rng(key === 'douyin-past-2' ? 7 : 14);
  const minutes = Math.ceil((run.endedAt - run.startedAt) / 60_000) + 2; // 20:00 until just after the end
  const t0 = run.startedAt - (run.startedAt % 3_600_000); // 20:00
  const lift: Record<string, number> = { giveaway: 1.55, flash_sale: 1.3, interaction: 0.85, generic: 0.9 };
  const sales = SALES[key]!;
  const out: { at: number; online: number; entries: number; exits: number; gmv: number }[] = [];
  let online = 180;
  for (let m = 0; m < minutes; m += 1) {
    const at = t0 + m * 60_000;
    const turn = run.turns.find((t) => t.startAt <= at + 30_000 && at + 30_000 < t.endAt);
    const warm = Math.min(1, m / 14);
    const target = turn ? (600 + 1_700 * warm) * (lift[turn.cue.kind] ?? 1) * (turn.cue.productId === 'CC-SK-001' ? 1.12 : 1) : 200;
    const next = Math.max(40, Math.round(online + (target - online) * 0.35 + (rand() - 0.5) * 90));
    const exits = Math.round(next * (0.06 + rand() * 0.03));
    const entries = Math.max(0, next - online + exits);
    // 85 % of a product's GMV while it is on air, the rest spread over the show (people buy later).
    let gmv = 0;
    for (const s of sales) {
      const onAir = run.turns.filter((t) => t.cue.productId === s.sku);
      const airMin = onAir.reduce((n, t) => n + (t.endAt - t.startAt) / 60_000, 0);
      const now = onAir.some((t) => t.startAt <= at && at < t.endAt);
      gmv += airMin > 0 ? (now ? (0.85 * s.gmv) / airMin : 0) + (0.15 * s.gmv) / minutes : s.gmv / minutes;
    }
    online = next;
    out.push({ at, online: next, entries, exits, gmv: Math.round(gmv) });
  }
  return { out, run };
}

async function curveXlsx(key: string): Promise<Buffer> {
  const { out } = curveOf(key);
  const wb = workbook();
  const sheet = wb.addWorksheet('分钟级趋势');
  sheet.addRow(['小溪的美妆间 · 直播间分钟级趋势']);
  sheet.addRow(['数据更新日期：下播后 T+1']);
  sheet.addRow(['时间', '实时在线人数', '进入直播间人数', '离开直播间人数', '用户支付金额']);
  for (const p of out) {
    const d = new Date(p.at);
    sheet.addRow([`${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`, p.online, p.entries, p.exits, p.gmv / 100]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function totals(key: string) {
  const sales = SALES[key]!;
  const productGmv = sales.reduce((n, s) => n + s.gmv, 0);
  const orders = sales.reduce((n, s) => n + s.orders, 0) + 58;
  const { out, run } = curveOf(key);
  const gmv = Math.round(productGmv * 1.016); // 橱窗 and other links the product export leaves out
  const views = key === 'douyin-past-2' ? 71_400 : 58_900;
  return {
    gmv,
    orders,
    units: sales.reduce((n, s) => n + s.units, 0) + 64,
    buyers: Math.round(orders * 0.9),
    views,
    viewers: Math.round(views / 3),
    peak: Math.max(...out.map((p) => p.online)),
    avg: Math.round(out.reduce((n, p) => n + p.online, 0) / out.length),
    refund: Math.round(gmv * 0.032),
    durationMs: run.endedAt - run.startedAt,
  };
}

function totalsCsv(key: string): Buffer {
  const t = totals(key);
  const header = ['直播间名称', '直播时长', '成交金额', '成交订单数', '成交件数', '成交人数', '直播间退款金额', '直播间观看人数', '直播间观看人次', '最高在线人数', '平均在线人数', '人均看播时长', '评论次数', '点赞次数', '分享次数', '新增粉丝数', '商品曝光人数', '商品点击人数'];
  const row = ['小溪的美妆间', hms(t.durationMs), yuan(t.gmv), t.orders, t.units, t.buyers, yuan(t.refund), t.viewers.toLocaleString('en-US'), wan(t.views), t.peak, t.avg, '1分52秒', 6_240, '13.8万', 1_020, 1_380, '6.1万', 11_900];
  const q = (c: unknown) => (/[,"]/.test(String(c)) ? `"${String(c)}"` : String(c));
  return Buffer.from(`\ufeff${header.join(',')}\r\n${row.map(q).join(',')}\r\n`, 'utf8');
}

function trafficCsv(key: string): Buffer {
  const t = totals(key);
  const channels: [string, number, number][] = [
    ['直播推荐', 0.52, 0.48],
    ['短视频引流', 0.18, 0.21],
    ['关注', 0.12, 0.17],
    ['搜索', 0.05, 0.05],
    ['个人主页&店铺&橱窗', 0.04, 0.04],
    ['千川PC版', 0.07, 0.04],
    ['其他', 0.02, 0.01],
  ];
  const lines = ['渠道名称,观看次数,观看人数,用户支付金额,成交订单数'];
  for (const [name, viewShare, gmvShare] of channels) {
    lines.push(`${name},${Math.round(t.views * viewShare)},${Math.round(t.viewers * viewShare)},"${yuan(Math.round(t.gmv * gmvShare))}",${Math.round(t.orders * gmvShare)}`);
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

fs.writeFileSync(path.join(DIR, '宠粉福利专场_商品明细.csv'), productsCsvGbk('douyin-past-2'));
fs.writeFileSync(path.join(DIR, '宠粉福利专场_直播间数据.csv'), totalsCsv('douyin-past-2'));
fs.writeFileSync(path.join(DIR, '宠粉福利专场_分钟级趋势.xlsx'), await curveXlsx('douyin-past-2'));
fs.writeFileSync(path.join(DIR, '宠粉福利专场_渠道流量.csv'), trafficCsv('douyin-past-2'));
fs.writeFileSync(path.join(DIR, '换季护肤专场_商品明细.xlsx'), await productsXlsx('douyin-past-1'));
fs.writeFileSync(path.join(DIR, '换季护肤专场_直播间数据.csv'), totalsCsv('douyin-past-1'));
console.log('wrote', fs.readdirSync(DIR).join(', '));
