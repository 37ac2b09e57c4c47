import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { METRIC_KEYS, type ExportLang, type LogRow, type Recap } from '../../../contract';
import { METRIC_UNITS, dateTimeText } from '../../../contract/recap-format';
import { describeRow } from '../../../contract/live-log-text';
import { neutralise } from '../../products/export/neutralise';
import { eventRows } from './report-html';
import { recapLabels } from './labels';

const MONEY = '¥#,##0.00';
const PCT = '0.0%';
const TIME = '[h]:mm:ss';
const DAY_MS = 86_400_000;

const text = (s: string | null | undefined) => (s ? neutralise(s) : '');
const yuan = (minor: number | null) => (minor === null ? null : minor / 100);
/** Durations as Excel times (fractions of a day), shown as h:mm:ss, so they add up in the sheet. */
const span = (ms: number | null) => (ms === null ? null : ms / DAY_MS);

/** "2026-11-20 20:05:12" in the show's zone (Excel dates have no zone: text says exactly what it means). */
function wall(at: number | null, zone: string): string {
  return at === null ? '' : dateTimeText(at, zone, true);
}

function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: { header: string; width: number; fmt?: string }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.fmt ? { numFmt: c.fmt } : {} }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/**
 * The recap as a workbook: summary (every metric as a number in its unit, with its source, the
 * goal and the previous show), timeline, products, curve and the as-run log. Numbers stay numbers
 * (money in yuan, rates as fractions, durations as times) so the team can sort and sum them.
 * Written with ExcelJS's streaming writer, row by row.
 */
export async function recapXlsx(r: Recap, log: readonly LogRow[], lang: ExportLang): Promise<Buffer> {
  const l = recapLabels(lang);
  const c = l.columns;
  const zone = r.show.timeZone;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (d: Buffer) => chunks.push(d));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Cuecart';

  const summary = sheet(wb, lang === 'en' ? 'Summary' : '汇总', [
    { header: c.metric, width: 30 },
    { header: c.value, width: 16 },
    { header: c.goal, width: 14 },
    { header: c.previous, width: 16 },
    { header: c.basis, width: 16 },
    { header: c.key, width: 16 },
  ]);
  summary.addRow([r.show.title]).commit();
  summary.addRow([l.start, wall(r.show.startAt, zone)]).commit();
  summary.addRow([l.run, r.run?.startedAt != null ? `${wall(r.run.startedAt, zone)} – ${wall(r.run.endedAt, zone)}` : l.noRun]).commit();
  for (const key of METRIC_KEYS) {
    const unit = METRIC_UNITS[key];
    const conv = (v: number | null) => (v === null ? null : unit === 'money' ? v / 100 : unit === 'duration' || unit === 'signedDuration' ? v / DAY_MS : v);
    const goal = key === 'gmv' ? yuan(r.show.goalGmv) : key === 'orders' ? r.show.goalOrders : null;
    const label = ['commission', 'grossMargin'].includes(key) ? `${l.metrics[key]} (${l.estimate})` : l.metrics[key];
    const row = summary.addRow([label, conv(r.metrics[key]), goal, conv(r.previous?.metrics[key] ?? null), r.basis[key] ? l.basis[r.basis[key]!] : '', key]);
    const fmt = unit === 'money' ? MONEY : unit === 'rate' ? PCT : unit === 'count' ? '#,##0' : TIME;
    for (const col of [2, 3, 4]) row.getCell(col).numFmt = fmt;
    row.commit();
  }
  summary.commit();

  const timeline = sheet(wb, lang === 'en' ? 'Timeline' : '时间线', [
    { header: c.index, width: 5 },
    { header: c.segment, width: 10 },
    { header: c.cue, width: 30 },
    { header: c.kind, width: 10 },
    { header: c.plannedStart, width: 20 },
    { header: c.actualStart, width: 20 },
    { header: c.planned, width: 10, fmt: TIME },
    { header: c.actual, width: 10, fmt: TIME },
    { header: c.delta, width: 10, fmt: TIME },
    { header: c.status, width: 10 },
    { header: c.checklist, width: 10 },
    { header: c.obs, width: 8 },
  ]);
  for (const x of r.timeline.cues) {
    timeline
      .addRow([
        x.index,
        text(x.segmentTitle),
        text(x.title),
        x.kind,
        wall(x.plannedStartAt, zone),
        wall(x.actualStartAt, zone),
        x.adHoc ? null : span(x.plannedMs),
        span(x.onAirMs),
        span(x.deltaMs),
        x.adHoc ? l.status.adHoc : l.status[x.status],
        x.checklist.length ? `${x.checklist.filter((i) => i.done).length}/${x.checklist.length}` : '',
        x.obsFailures,
      ])
      .commit();
  }
  for (const e of eventRows(r, l)) timeline.addRow(['', '', `${e.what}: ${text(e.text)}`, '', '', wall(e.at, zone)]).commit();
  timeline.commit();

  const products = sheet(wb, lang === 'en' ? 'Products' : '商品', [
    { header: c.product, width: 32 },
    { header: c.sku, width: 14 },
    { header: 'ID', width: 20 },
    { header: c.role, width: 10 },
    { header: c.matched, width: 10 },
    { header: c.price, width: 10, fmt: MONEY },
    { header: c.gmv, width: 14, fmt: MONEY },
    { header: c.units, width: 8 },
    { header: c.orders, width: 8 },
    { header: c.onAir, width: 10, fmt: TIME },
    { header: c.card, width: 10, fmt: TIME },
    { header: c.pitches, width: 8 },
    { header: c.perMinute, width: 12, fmt: MONEY },
    { header: c.share, width: 8, fmt: PCT },
    { header: c.ctr, width: 8, fmt: PCT },
    { header: c.clickToOrder, width: 8, fmt: PCT },
    { header: `${c.commission} (${l.estimate})`, width: 12, fmt: MONEY },
    { header: `${c.margin} (${l.estimate})`, width: 12, fmt: MONEY },
  ]);
  for (const p of r.products) {
    products
      .addRow([
        text(p.title),
        text(p.sku),
        text(p.platformProductId),
        p.role ? l.roles[p.role]! : l.roles.unmatched!,
        p.matchedBy ?? '',
        yuan(p.price),
        yuan(p.gmv),
        p.units,
        p.orders,
        span(p.onAirMs),
        span(p.cardMs),
        p.pitches,
        yuan(p.gmvPerMinute),
        p.gmvShare,
        p.ctr,
        p.clickToOrder,
        yuan(p.commission),
        yuan(p.grossMargin),
      ])
      .commit();
  }
  products.commit();

  const curve = sheet(wb, lang === 'en' ? 'Curve' : '曲线', [
    { header: c.time, width: 20 },
    { header: c.online, width: 10 },
    { header: c.entries, width: 10 },
    { header: c.exits, width: 10 },
    { header: c.gmv, width: 12, fmt: MONEY },
  ]);
  const k = r.curve;
  if (k) {
    for (let i = 0; i < k.t.length; i += 1) curve.addRow([wall(k.t[i]!, zone), k.online[i], k.entries?.[i] ?? null, k.exits?.[i] ?? null, yuan(k.gmv?.[i] ?? null)]).commit();
  }
  curve.commit();

  const logSheet = sheet(wb, lang === 'en' ? 'Log' : '记录', [
    { header: c.seq, width: 8 },
    { header: c.time, width: 20 },
    { header: c.kindLog, width: 12 },
    { header: c.source, width: 12 },
    { header: c.cue, width: 28 },
    { header: c.summary, width: 60 },
  ]);
  const titles = new Map(r.timeline.cues.map((x) => [x.id, x.title]));
  const cueTitle = (id: string | null) => (id ? (titles.get(id) ?? id) : '');
  for (const row of log) logSheet.addRow([row.seq, wall(row.at, zone), row.kind, row.source, text(cueTitle(row.cueId)), text(describeRow(row, cueTitle, lang))]).commit();
  logSheet.commit();

  await wb.commit();
  return Buffer.concat(chunks);
}

