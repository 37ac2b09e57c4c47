import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, freshCore } from './helpers';

const START = Date.UTC(2026, 10, 25, 12); // 20:00 Asia/Shanghai

async function plannedShow() {
  const core = freshCore();
  const host = await call(core, 'hosts.create', { name: '林小溪' });
  const p = await call(core, 'products.create', {
    sku: 'RS-1',
    title: '玻尿酸面霜 <script>alert(1)</script>',
    listPrice: 29900,
    livePrice: 19900,
    sellingPoints: ['48小时保湿'],
    talkingPoints: '家人们看过来',
    faq: [{ q: '敏感肌能用吗？', a: '可以' }],
  });
  const show = await call(core, 'shows.create', {
    title: '秋冬护肤专场',
    startAt: START,
    timeZone: 'Asia/Shanghai',
    plannedLengthMs: 30 * 60_000,
    hostIds: [host.id],
    segments: [
      { id: 'a', title: '开场', cues: [{ id: '1', kind: 'generic', title: '暖场', durationMs: 5 * 60_000 }] },
      {
        id: 'b',
        title: '过款',
        cues: [
          {
            id: '2',
            kind: 'pitch',
            productId: p.id,
            durationMs: 12 * 60_000,
            livePrice: 18900,
            stock: 500,
            mechanism: '满199减30',
            perk: '赠小样×2',
            actions: { scene: '主画面', overlays: [{ op: 'show', overlay: { kind: 'product-card', productId: p.id } }], sources: [{ source: 'Logo', visible: false }] },
          },
          { id: '3', kind: 'flash_sale', productId: p.id, durationMs: 3 * 60_000, seconds: 60, quantity: 100, price: 9900 },
        ],
      },
    ],
  });
  return { core, show };
}

describe('run sheet and cue cards', () => {
  it('writes an XLSX producers can read back: times, segments, products, prices, mechanism, perk, host, stock, actions', async () => {
    const { core, show } = await plannedShow();
    const file = await call(core, 'shows.runsheet', { id: show.id, format: 'xlsx', lang: 'zh-CN' });
    expect(file.fileName).toBe('秋冬护肤专场.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('流程单')!;
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    const headerAt = rows.findIndex((r) => r[0] === '时间');
    expect(rows[headerAt]).toEqual(['时间', '时长', '环节', '内容', '类型', '商品', 'SKU', '直播价', '价格机制', '福利', '话术', '主播', '库存', '播出动作', '备注']);
    const body = rows.slice(headerAt + 1);
    expect(body.map((r) => r[0])).toEqual(['20:00', '20:05', '20:17']);
    expect(body[1]).toMatchObject({ 1: '12:00', 2: '过款', 6: 'RS-1', 7: 189, 8: '满199减30', 9: '赠小样×2', 10: '家人们看过来', 11: '林小溪', 12: 500 });
    expect(String(body[1]![13])).toBe('场景: 主画面 · 显示 product-card · Logo 关');
    expect(body[2]).toMatchObject({ 4: '秒杀', 7: 99, 12: 100 });
    // Warnings ride along as a note on the time cell: the flash sale repeats the pitch's product.
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '时间') headerRow = n;
    });
    expect(String(ws.getRow(headerRow + 3).getCell(1).note)).toContain('同一商品连续出现');
    expect(ws.getRow(headerRow + 1).getCell(1).note).toBeUndefined();
  });

  it('writes English too, and cue cards as escaped, self-contained HTML', async () => {
    const { core, show } = await plannedShow();
    const en = await call(core, 'shows.runsheet', { id: show.id, format: 'xlsx', lang: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(en.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Run sheet')).toBeTruthy();
    const html = Buffer.from((await call(core, 'shows.runsheet', { id: show.id, format: 'html', lang: 'zh-CN' })).contentBase64, 'base64').toString();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('48小时保湿');
    expect(html).toContain('敏感肌能用吗？');
    expect(html).toMatch(/<section class="card">/);
  });

  it.skipIf(!fs.existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH)('prints the cue cards to PDF with Chromium', async () => {
    const { core, show } = await plannedShow();
    const pdf = Buffer.from((await call(core, 'shows.runsheet', { id: show.id, format: 'pdf', lang: 'en' })).contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('answers UNAVAILABLE with a clear message when no Chromium is found', async () => {
    const { core, show } = await plannedShow();
    const saved = process.env.CHROMIUM_PATH;
    const fsExists = fs.existsSync;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    (fs as { existsSync: typeof fs.existsSync }).existsSync = (p) => (String(p).includes('chromium') ? false : fsExists(p));
    try {
      const r = await core.dispatch('shows.runsheet', { id: show.id, format: 'pdf', lang: 'en' }, { door: 'internal' });
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { reason: 'no_chromium' } } });
      expect(r.ok ? '' : r.error.message).toMatch(/Chromium/);
    } finally {
      (fs as { existsSync: typeof fs.existsSync }).existsSync = fsExists;
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
