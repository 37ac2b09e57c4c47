import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import * as echarts from 'echarts';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Papa from 'papaparse';
import type { RunCue } from '../electron/contract';
import { RunLogDao, type NewLogRow } from '../electron/core/live/run-log.dao';
import { htmlToPdf } from '../electron/core/plans/runsheet/pdf';
import { median, percentile, spawnUntil, stop, type Row } from './lib';

// Recaps on the BUILT app (out/main/serve.js, as `npm run serve` runs it), over its control API:
// a four-hour show with 20,000 log rows, 300 products and a per-second viewer curve (14,400
// points), a history of 1,000 shows, and how long a live call waits while a recap file is made.
// Every figure beside a baseline measured in the same run.

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVE = path.join(ROOT, 'out', 'main', 'serve.js');
const START = Date.UTC(2026, 10, 20, 12, 0, 0); // 20:00 in Asia/Shanghai
const HOURS = 4;
const PRODUCTS = 300;
const LOG_ROWS = 20_000;
const SHOWS = Number(process.env.RECAP_BENCH_SHOWS ?? 1_000);

interface Serve {
  base: string;
  token: string;
}

async function http(s: Serve, method: string, route: string, body?: unknown, type = 'application/json'): Promise<{ status: number; bytes: Buffer }> {
  const res = await fetch(`${s.base}/api/v1${route}`, {
    method,
    headers: { Authorization: `Bearer ${s.token}`, ...(body === undefined ? {} : { 'Content-Type': type }) },
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status >= 400) throw new Error(`${method} ${route}: ${res.status} ${bytes.toString().slice(0, 300)}`);
  return { status: res.status, bytes };
}
const json = async (s: Serve, method: string, route: string, body?: unknown) => JSON.parse((await http(s, method, route, body)).bytes.toString()) as any;

async function time(run: () => Promise<unknown>, n = 3): Promise<number> {
  const all: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await run();
    all.push(performance.now() - t0);
  }
  return median(all);
}

/** 300 products, a four-hour plan of 300 pitches, and a run of 20,000 rows written through RunLogDao. */
async function bigShow(s: Serve, dataDir: string): Promise<string> {
  const ids: string[] = [];
  for (let i = 0; i < PRODUCTS; i += 1) {
    const p = await json(s, 'POST', '/products', { sku: `BENCH-${i}`, title: `基准商品 ${i} 号 · 玻尿酸面霜`, listPrice: 20_000, livePrice: 9_900 + i, role: (['hero', 'traffic', 'perk', 'profit', 'regular'] as const)[i % 5] });
    ids.push(p.id);
  }
  const cueMs = (HOURS * 3_600_000) / PRODUCTS;
  const segments = Array.from({ length: 10 }, (_, g) => ({
    id: `seg_${g}`,
    title: `环节 ${g + 1}`,
    cues: ids.slice(g * 30, g * 30 + 30).map((productId, j) => ({ id: `cue_${g}_${j}`, kind: 'pitch', title: `讲品 ${g * 30 + j + 1}`, productId, durationMs: cueMs, livePrice: 9_900, checklist: ['上架', '讲解'] })),
  }));
  const show = await json(s, 'POST', '/shows', { title: '四小时基准专场', platform: 'douyin', startAt: START, timeZone: 'Asia/Shanghai', plannedLengthMs: HOURS * 3_600_000, goalGmv: 100_000_000, segments });
  const plan = segments.flatMap((g) => g.cues.map((c) => ({ ...c, hostIds: [], notes: '', actions: { scene: '', overlays: [], sources: [], texts: [] }, autoFollow: 'off', stock: null, mechanism: '', perk: '', talkingPoints: '', segmentId: g.id, segmentTitle: g.title, adHoc: false }) as unknown as RunCue));
  const rows: NewLogRow[] = [];
  const perCue = Math.floor(LOG_ROWS / PRODUCTS);
  plan.forEach((cue, i) => {
    const at = START + i * cueMs + (i % 7) * 1000;
    rows.push({ kind: 'go', at, source: 'desk', cueId: cue.id, details: { mode: 'next', trigger: 'key', from: i ? plan[i - 1]!.id : null, autoGo: null } });
    rows.push({ kind: 'overlay', at, source: 'desk', cueId: cue.id, details: { via: 'cue', op: 'show', kind: 'product-card', productId: cue.productId, ok: true } });
    for (let k = 2; k < perCue; k += 1) {
      const kind = k % 3 === 0 ? 'product' : k % 3 === 1 ? 'checklist' : 'marker';
      const details = kind === 'product' ? { productId: cue.productId, stock: 100 - k } : kind === 'checklist' ? { index: k % 2, item: '上架', done: true } : { label: `标记 ${k}` };
      rows.push({ kind, at: at + k * 100, source: 'desk', cueId: cue.id, details });
    }
  });
  const end = START + HOURS * 3_600_000;
  rows.push({ kind: 'end', at: end, source: 'desk', cueId: plan.at(-1)!.id, details: { reason: 'operator' } });
  const live = new Database(path.join(dataDir, 'live.db'));
  const dao = new RunLogDao(live);
  const runId = 'run_bench_big';
  dao.createRun({ id: runId, showId: show.id, showTitle: show.title, platform: 'douyin', canvas: '9:16', rehearsal: false, armedAt: START - 600_000, show: { startAt: START, plannedLengthMs: HOURS * 3_600_000 }, plan }, [
    { kind: 'arm', at: START - 600_000, source: 'desk', cueId: null, details: {} },
  ]);
  for (let i = 0; i < rows.length; i += 2000) dao.append(runId, rows.slice(i, i + 2000), i + 2000 >= rows.length ? { state: 'ended', startedAt: START, endedAt: end } : null);
  live.close();
  return show.id;
}

function curveCsv(): Buffer {
  const lines = ['时间,实时在线人数,进入直播间人数,离开直播间人数,用户支付金额'];
  for (let sec = 0; sec < HOURS * 3600; sec += 1) {
    const hh = String((20 + Math.floor(sec / 3600)) % 24).padStart(2, '0');
    const mm = String(Math.floor((sec % 3600) / 60)).padStart(2, '0');
    const ss = String(sec % 60).padStart(2, '0');
    lines.push(`${hh}:${mm}:${ss},${2000 + Math.round(800 * Math.sin(sec / 600))},${5 + (sec % 7)},${4 + (sec % 5)},${(sec % 13) * 10}.00`);
  }
  return Buffer.from(lines.join('\n'));
}

function productsCsv(): Buffer {
  const lines = ['商品ID,商品名称,直播间价格,用户支付金额,成交件数,成交订单数,商品曝光人数,商品点击人数'];
  for (let i = 0; i < PRODUCTS; i += 1) lines.push(`37000000${String(i).padStart(8, '0')},基准商品 ${i} 号 · 玻尿酸面霜,99.00,"¥${(1000 + i * 37).toLocaleString('en-US')}.00",${10 + i},${9 + i},${5000 + i},${500 + i}`);
  return Buffer.from(lines.join('\n'));
}

/** 1,000 past shows, each with a short real run and its show totals imported (made 10 at a time). */
async function manyShows(s: Serve, dataDir: string): Promise<void> {
  const live = new Database(path.join(dataDir, 'live.db'));
  const dao = new RunLogDao(live);
  const one = async (i: number) => {
    const startAt = START - (i + 1) * 86_400_000;
    const cues = Array.from({ length: 12 }, (_, j) => ({ id: `h${i}_${j}`, kind: 'generic', title: `提示 ${j}`, durationMs: 600_000 }));
    const show = await json(s, 'POST', '/shows', { title: `历史场次 ${i}`, platform: i % 3 ? 'douyin' : 'taobao', startAt, plannedLengthMs: 7_200_000, goalGmv: 10_000_000, segments: [{ id: `hs${i}`, title: '过款', cues }] });
    const totals = `用户支付金额,成交订单数,直播间观看人次,直播间观看人数,成交人数\n${50_000 + i},300,40000,12000,280\n`;
    await http(s, 'POST', `/shows/${show.id}/recap/imports?kind=totals&apply=1`, Buffer.from(totals), 'text/csv');
    const plan = cues.map((c) => ({ ...c, productId: null, hostIds: [], notes: '', actions: { scene: '', overlays: [], sources: [], texts: [] }, autoFollow: 'off', checklist: [], segmentId: `hs${i}`, segmentTitle: '过款', adHoc: false }) as unknown as RunCue);
    const rows: NewLogRow[] = plan.map((c, j) => ({ kind: 'go' as const, at: startAt + j * 610_000, source: 'desk', cueId: c.id, details: {} }));
    rows.push({ kind: 'end', at: startAt + 12 * 610_000, source: 'desk', cueId: plan.at(-1)!.id, details: {} });
    return { show, plan, rows, startAt };
  };
  for (let i = 0; i < SHOWS; i += 10) {
    const made = await Promise.all(Array.from({ length: Math.min(10, SHOWS - i) }, (_, k) => one(i + k)));
    live.transaction(() => {
      for (const m of made) {
        const id = `run_${m.show.id}`;
        dao.createRun({ id, showId: m.show.id, showTitle: m.show.title, platform: 'douyin', canvas: '9:16', rehearsal: false, armedAt: m.startAt - 60_000, show: {}, plan: m.plan }, []);
        dao.append(id, m.rows, { state: 'ended', startedAt: m.startAt, endedAt: m.startAt + 12 * 610_000 });
      }
    })();
  }
  live.close();
}

/**
 * The 95th-percentile answer to a live call (an overlay shown, as a Stream Deck button sends it)
 * while `work` runs on the same server: what a Go would wait for. (p95, not the maximum: on a
 * shared 2-core box one scheduler hiccup would decide a maximum.)
 */
async function liveCallDuring(s: Serve, work: () => Promise<unknown>): Promise<number> {
  let done = false;
  const waits: number[] = [];
  const calls = (async () => {
    while (!done) {
      const t0 = performance.now();
      await http(s, 'POST', '/overlays/lower-third/show', { content: { name: '小溪', title: '主播' } });
      waits.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  await work();
  done = true;
  await calls;
  return percentile(waits, 95);
}

export async function benchRecap(): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-bench-recap-'));
  const proc = await spawnUntil(process.execPath, [SERVE, '--port', '0', '--data-dir', dataDir], /Open:\s+http:\/\/([^/]+)\/\?token=(\S+)\n/);
  const s: Serve = { base: `http://${proc.match[1]}`, token: proc.match[2]! };
  try {
    const step = (what: string) => process.stderr.write(`recap bench: ${what}\n`);
    const showId = await bigShow(s, dataDir);
    step('show and run written');
    const curve = curveCsv();
    const importCurve = () => http(s, 'POST', `/shows/${showId}/recap/imports?kind=curve&apply=1&replace=1&fileName=curve.csv`, curve, 'text/csv');
    await importCurve();
    const curveImport = await time(importCurve);
    const parseOnly = await time(async () => Papa.parse(curve.toString('utf8'), { header: false }).data.length);
    await http(s, 'POST', `/shows/${showId}/recap/imports?kind=products&apply=1`, productsCsv(), 'text/csv');

    step('imports');
    const recap = (await json(s, 'GET', `/shows/${showId}/recap`)) as { run: { logCount: number }; curve: { t: number[]; online: number[] } };
    const recapJson = await time(() => http(s, 'GET', `/shows/${showId}/recap`), 5);
    const planJson = await time(() => http(s, 'GET', `/shows/${showId}`), 5);

    const file = (format: string) => http(s, 'GET', `/shows/${showId}/recap/export?format=${format}&lang=zh-CN`);
    await file('html'); // the export thread starts on the first export
    const html = await time(() => file('html'));
    const xlsx = await time(() => file('xlsx'));
    const pdf = await time(() => file('pdf'), 2);

    step('exports');
    // The work is sent by curl (another process), so this process only times the overlay calls.
    const curveFile = path.join(dataDir, 'curve.csv');
    fs.writeFileSync(curveFile, curve);
    const curl = (args: string[]) => new Promise<void>((resolve, reject) => execFile('curl', ['-sf', '-o', '/dev/null', '-H', `Authorization: Bearer ${s.token}`, ...args], (e) => (e ? reject(e) : resolve())));
    const times = (n: number, args: string[]) => async () => {
      for (let i = 0; i < n; i += 1) await curl(args);
    };
    const idle = await liveCallDuring(s, () => new Promise((r) => setTimeout(r, 3000)));
    const duringXlsx = await liveCallDuring(s, times(3, [`${s.base}/api/v1/shows/${showId}/recap/export?format=xlsx`]));
    const duringPdf = await liveCallDuring(s, times(1, [`${s.base}/api/v1/shows/${showId}/recap/export?format=pdf`]));
    const duringJson = await liveCallDuring(s, times(5, [`${s.base}/api/v1/shows/${showId}/recap`]));
    const duringImport = await liveCallDuring(
      s,
      times(5, ['-X', 'POST', '-H', 'Content-Type: text/csv', '--data-binary', `@${curveFile}`, `${s.base}/api/v1/shows/${showId}/recap/imports?kind=curve&apply=1&replace=1`]),
    );

    // Baselines, in this process: one chart to SVG, plain rows through ExcelJS, Chromium printing one line.
    const oneChart = await time(async () => {
      const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 300 });
      c.setOption({ animation: false, xAxis: { type: 'time' }, yAxis: {}, series: [{ type: 'line', showSymbol: false, data: recap.curve.t.slice(0, 1200).map((t, i) => [t, recap.curve.online[i]]) }] });
      const svg = c.renderToSVGString();
      c.dispose();
      return svg.length;
    });
    const plainXlsx = await time(async () => {
      const out = new PassThrough();
      out.resume();
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out });
      const ws = wb.addWorksheet('x');
      for (let i = 0; i < LOG_ROWS + HOURS * 3600; i += 1) ws.addRow([i, 'text', i * 2]).commit();
      ws.commit();
      await wb.commit();
    });
    const onePagePdf = await time(() => htmlToPdf('<p>x</p>', 'no chromium'), 2);

    step('live calls during work');
    await manyShows(s, dataDir);
    step(`${SHOWS} shows`);
    const coldHistory = await time(() => http(s, 'GET', '/recaps'), 1);
    const history = await time(() => http(s, 'GET', '/recaps'), 5);
    const showsList = await time(() => http(s, 'GET', '/shows'), 5);

    const rows = `${recap.run.logCount.toLocaleString('en-US')} log rows, ${PRODUCTS} products, 14,400-point curve`;
    const row = (figure: string, value: number, baseline: string, baselineValue: number, limit?: number): Row => ({
      figure,
      value,
      unit: 'ms',
      baseline,
      baselineValue,
      ...(limit !== undefined ? { target: `< ${limit} ms`, pass: value < limit } : {}),
    });
    return [
      row(`recap JSON, GET /recap (${rows})`, recapJson, 'GET /shows/{id}, the same 300-cue plan', planJson, 200),
      row('recap HTML report (6 charts as SVG)', html, 'one chart to SVG alone', oneChart, 1000),
      row('recap XLSX (summary, timeline, products, curve, log)', xlsx, `ExcelJS writing ${(LOG_ROWS + HOURS * 3600).toLocaleString('en-US')} plain rows`, plainXlsx, 2000),
      row('recap PDF (A4, system Chromium)', pdf, 'Chromium printing one line', onePagePdf, 3000),
      row(`history of ${SHOWS.toLocaleString('en-US')} shows, GET /recaps`, history, 'GET /shows, the same shows', showsList, 100),
      row(`history of ${SHOWS.toLocaleString('en-US')} shows, first call (folds every run)`, coldHistory, 'GET /shows, the same shows', showsList),
      row('importing the 14,400-point curve (CSV, apply)', curveImport, 'papaparse of the same file in memory', parseOnly, 500),
      row('overlay call p95 during an XLSX export', duringXlsx, 'overlay call p95, idle', idle, 50),
      row('overlay call p95 during a PDF export', duringPdf, 'overlay call p95, idle', idle, 50),
      row('overlay call p95 during the curve import', duringImport, 'overlay call p95, idle', idle, 50),
      row('overlay call p95 while recap JSON is built', duringJson, 'overlay call p95, idle', idle, 50),
    ];
  } finally {
    await stop(proc.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
