import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ROOT, startServe, type ServeProcess } from '../helpers/serve';

// Issue 11, finding 9: what users run is what is tested. Every export format, downloaded from
// the BUILT `serve` (out/main/serve.js) and read back by a tool of its own kind: the cue-card PDF
// by pdftotext (poppler-utils), spreadsheets by ExcelJS, the bundle as JSON.

const run = promisify(execFile);
let s: ServeProcess;
let show: { id: string; title: string };
let pitched: { title: string; sku: string }[];

beforeAll(async () => {
  s = await startServe({ args: ['--demo'] });
  const shows = (await api(s, 'GET', '/shows')).body as { id: string; title: string; platform: string }[];
  show = shows.find((x) => x.platform === 'douyin')!;
  const detail = (await api(s, 'GET', `/shows/${show.id}`)).body;
  pitched = detail.products.map((p: { title: string; sku: string }) => ({ title: p.title, sku: p.sku }));
  expect(pitched.length).toBeGreaterThan(2);
});
afterAll(async () => {
  await s?.stop();
  if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
});

async function download(route: string) {
  const res = await fetch(new URL(`api/v1${route}`, s.url), { headers: { Authorization: `Bearer ${s.token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes };
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}

describe('exports from the built serve', () => {
  it('is a build that keeps playwright-core out of its chunks (it must load from node_modules)', () => {
    const chunks = fs.readdirSync(path.join(ROOT, 'out', 'main', 'chunks'));
    expect(chunks.filter((f) => /playwright/i.test(f))).toEqual([]);
  });

  it('prints the cue cards as a PDF whose text has the show and every pitched product (zh-CN and en)', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const pdf = await download(`/shows/${show.id}/runsheet?format=pdf&lang=${lang}`);
      expect(pdf.status, pdf.bytes.toString().slice(0, 300)).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(s.dataDir, `cards-${lang}.pdf`);
      fs.writeFileSync(file, pdf.bytes);
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
      const text = stdout.replace(/\s+/g, ' ');
      expect(text).toContain(show.title.replace(/\s+/g, ' '));
      for (const p of pitched) {
        expect(text, p.sku).toContain(p.sku);
        expect(text, p.title).toContain(p.title.replace(/\s+/g, ' ').slice(0, 8));
      }
      expect(text).toContain(lang === 'zh-CN' ? '主播手卡' : 'Host cue cards');
    }
  });

  it('downloads the run sheet as XLSX with every pitched product, and the cue cards as HTML', async () => {
    const xlsx = await download(`/shows/${show.id}/runsheet?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.disposition).toMatch(/^attachment;/);
    const sheet = await xlsxText(xlsx.bytes);
    expect(sheet).toContain(show.title);
    for (const p of pitched) expect(sheet).toContain(p.sku);
    const html = await download(`/shows/${show.id}/runsheet?format=html`);
    expect(html.type).toMatch(/^text\/html/);
    const page = html.bytes.toString('utf8');
    for (const p of pitched) expect(page).toContain(p.sku);
    // Thumbnails inline, not the originals: the page stays small.
    expect(page).toMatch(/<img src="data:image\/(jpeg|png);base64,/);
    expect(html.bytes.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('downloads the plan bundle with every image, each the bytes of its name', async () => {
    const res = await download(`/shows/${show.id}/bundle`);
    expect(res.status).toBe(200);
    const bundle = JSON.parse(res.bytes.toString('utf8'));
    expect(bundle).toMatchObject({ format: 'cuecart.plan', version: 1, show: { title: show.title } });
    expect(bundle.products.map((p: { sku: string }) => p.sku).sort()).toEqual(pitched.map((p) => p.sku).sort());
    expect(bundle.media.length).toBeGreaterThan(0);
    for (const m of bundle.media) expect(createHash('sha256').update(Buffer.from(m.data, 'base64')).digest('hex')).toBe(m.hash);
  });

  it('exports the catalog as CSV (UTF-8 with BOM) and XLSX with every product', async () => {
    const total = (await api(s, 'GET', '/status')).body.counts.products as number;
    const csv = await download('/products/export?format=csv');
    expect(csv.status).toBe(200);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    for (const p of pitched) expect(text).toContain(p.sku);
    const xlsx = await download('/products/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    const sheet = await xlsxText(xlsx.bytes);
    for (const p of pitched) expect(sheet).toContain(p.sku);
    expect(Number((await fetch(new URL('api/v1/products/export?format=xlsx', s.url), { headers: { Authorization: `Bearer ${s.token}` } })).headers.get('x-cuecart-count'))).toBe(total);
  });
});
