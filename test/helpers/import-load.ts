import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { catalogCsv, generateCatalog, type GenProduct } from '../integration/catalog/catalog-gen';
import type { ServeProcess } from './serve';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The generated catalog as an XLSX (Chinese headers), written with ExcelJS's streaming writer. */
export async function catalogXlsx(products: GenProduct[]): Promise<Buffer> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (d: Buffer) => parts.push(d));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('商品');
  ws.addRow(['商品编码', '商品名称', '品牌', '类目', '标签', '原价', '直播价', '库存']).commit();
  for (const p of products) ws.addRow([p.sku, p.title, p.brand, p.category, p.tags.join('、'), p.listPrice / 100, p.livePrice / 100, p.stock]).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(parts);
}

export const bigCatalog = (n: number, seed = 7) => generateCatalog(n, seed);
export { catalogCsv };

/** A raw-body import through the control API. */
export async function importRaw(s: ServeProcess, body: Buffer, type: string, query = ''): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(`api/v1/products/import${query}`, s.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': type },
    body: new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** One overlay show through REST (what a Stream Deck button sends): its round trip in ms. */
export async function showBanner(s: ServeProcess, i: number): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(new URL('api/v1/overlays/banner/show', s.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ content: { text: `福利 ${i}` } }),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`banner show answered ${res.status}`);
  return performance.now() - t0;
}

/**
 * Calls overlay show every 100 ms (each waits for the last, as a button press would) until
 * `until` settles, and for at least `minCalls` calls: the round trips in ms.
 */
export async function showEvery100ms(s: ServeProcess, until: Promise<unknown> | null, minCalls = 0): Promise<number[]> {
  let done = until === null;
  void until?.finally(() => (done = true)).catch(() => undefined);
  const out: number[] = [];
  for (let i = 0; !done || out.length < minCalls; i += 1) {
    const started = performance.now();
    out.push(await showBanner(s, i));
    const wait = 100 - (performance.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  return out;
}

/** Node flags that preload bench/loop-probe.mjs into serve (its event-loop delay, read with `loopStats`). */
export const LOOP_PROBE = ['--import', new URL('../../bench/loop-probe.mjs', import.meta.url).href];

export interface LoopStats {
  p50: number;
  p99: number;
  max: number;
  count: number;
  /** [when it ended (ms since start), how long] of each stall over 40 ms. */
  stalls: [number, number][];
}

/** The serve process's event-loop delay since the last call (ms), from the preloaded probe. */
export async function loopStats(s: ServeProcess): Promise<LoopStats> {
  const before = s.stdout().length;
  s.child.kill('SIGUSR2');
  for (let i = 0; i < 200; i += 1) {
    const m = /LOOP (\{.*\})\n/.exec(s.stdout().slice(before));
    if (m) return JSON.parse(m[1]!) as LoopStats;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the loop probe did not answer');
}
