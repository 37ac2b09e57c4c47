import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LogRow, RunCue } from '../../../electron/contract';
import { availableCharts, downsample } from '../../../electron/contract/recap-charts';
import { changeText } from '../../../electron/contract/recap-format';
import { emptyTotals } from '../../../electron/core/recaps/import/read-totals';
import { buildRecap } from '../../../electron/core/recaps/model/build';
import { recapHtml } from '../../../electron/core/recaps/export/report-html';
import { recapXlsx } from '../../../electron/core/recaps/export/report-xlsx';

// The report renders what people typed as text: titles, cue names, markers and conclusions can
// hold anything, including markup and spreadsheet formulas.

const T0 = Date.UTC(2026, 10, 20, 12, 0);
const EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const FORMULA = '=HYPERLINK("http://evil.example","click")';

function recap() {
  const cue = { id: 'c1', kind: 'pitch', title: EVIL, productId: 'p1', durationMs: 60_000, hostIds: [], notes: '', actions: { scene: '', overlays: [], sources: [], texts: [] }, autoFollow: 'off', checklist: [EVIL], livePrice: 100, stock: null, mechanism: '', perk: '', talkingPoints: '', segmentId: 's', segmentTitle: EVIL, adHoc: false } as unknown as RunCue;
  const rows: LogRow[] = [
    { seq: 1, runId: 'r', at: T0, kind: 'go', source: 'desk', cueId: 'c1', details: {} },
    { seq: 2, runId: 'r', at: T0 + 30_000, kind: 'marker', source: 'desk', cueId: 'c1', details: { label: EVIL } },
    { seq: 3, runId: 'r', at: T0 + 60_000, kind: 'end', source: 'desk', cueId: 'c1', details: {} },
  ];
  return buildRecap({
    show: { id: 's1', title: EVIL, platform: 'douyin', startAt: T0, timeZone: 'Asia/Shanghai', plannedLengthMs: 60_000, canvas: '9:16', goalGmv: null, goalOrders: null, hosts: [{ id: 'h', name: EVIL }] },
    run: { id: 'r', armedAt: T0, startedAt: T0, endedAt: T0 + 60_000, state: 'ended', logCount: 3 },
    runs: [],
    plan: [cue],
    rows,
    sales: [
      { row: 2, platformProductId: '1', sku: '', title: FORMULA, price: 100, gmv: 10_000, units: 100, orders: 90, buyers: null, impressions: null, clicks: null, ctr: null, clickToOrder: null, refund: null, addToCart: null, pitchCount: null, commissionRate: null, costPrice: null, productId: null, matchedBy: null },
      { row: 3, platformProductId: '2', sku: '', title: EVIL, price: 100, gmv: 5_000, units: 50, orders: 40, buyers: null, impressions: null, clicks: null, ctr: null, clickToOrder: null, refund: null, addToCart: null, pitchCount: null, commissionRate: null, costPrice: null, productId: 'p1', matchedBy: 'title' },
    ],
    totals: { ...emptyTotals(), gmv: 15_000, views: 1000, viewers: 500, productImpressions: 400, productClicks: 100, buyers: 60 },
    typedTotals: {},
    curve: { t: [T0, T0 + 30_000, T0 + 60_000], online: [10, 30, 20], entries: null, exits: null, gmv: [100, 200, 300], resolutionMs: 30_000 },
    traffic: [{ channel: EVIL, views: 1000, viewers: 500, gmv: 15_000, orders: 90 }],
    imports: { products: null, totals: null, curve: null, traffic: null },
    catalog: new Map([['p1', { sku: 'S1', title: EVIL, role: 'hero', livePrice: 100, commissionRate: null, costPrice: null }]]),
    conclusions: { worked: EVIL, problems: '', actions: [{ text: EVIL, owner: EVIL, done: false }], updatedAt: T0 },
    previous: null,
    now: T0 + 3_600_000,
  });
}

describe('recap report', () => {
  it('renders every piece of typed text as text, in the tables and inside the SVG charts', () => {
    const r = recap();
    expect(availableCharts(r)).toEqual(['curve', 'productGmv', 'airtime', 'plan', 'roles', 'funnel']);
    const html = recapHtml(r, 'en');
    expect(html).not.toMatch(/<script|<img|onerror=alert\(2\)>/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((html.match(/<svg/g) ?? []).length).toBe(6);
  });

  it('neutralises formula-like text in the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await recapXlsx(recap(), [], 'en')) as unknown as ArrayBuffer);
    const titles: string[] = [];
    wb.getWorksheet('Products')!.eachRow((row, n) => n > 1 && titles.push(String(row.getCell(1).value)));
    expect(titles).toContain(`'${FORMULA}`);
  });

  it('keeps peaks when it thins a long curve for a chart', () => {
    const t = Array.from({ length: 14_400 }, (_, i) => i * 1000);
    const v = t.map((_, i) => (i === 7_777 ? 9_999 : 100 + (i % 7)));
    const thin = downsample(t, v, 1200);
    expect(thin.length).toBeLessThanOrEqual(1200);
    expect(Math.max(...thin.map((p) => p[1]!))).toBe(9_999);
  });

  it('says which way a change went, and that none went nowhere', () => {
    expect(changeText('gmv', 120, 100)).toEqual({ text: '+20.0%', better: true });
    expect(changeText('refundRate', 0.05, 0.03)).toEqual({ text: '+2.0 pt', better: false });
    expect(changeText('timeOverPlanMs', -60_000, 30_000)).toEqual({ text: '-1:30', better: true });
    expect(changeText('durationMs', 7_200_000, 6_000_000)?.better).toBeNull(); // longer is not better
    expect(changeText('refundRate', 0.0321, 0.032)?.better).toBeNull(); // +0.0 pt: no change
    expect(changeText('gmv', null, 100)).toBeNull();
  });
});
