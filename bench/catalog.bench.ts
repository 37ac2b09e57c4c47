import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createCore } from '../electron/core';
import { newId, newIds } from '../electron/core/ids';
import { openDatabase } from '../db/open';
import iconv from 'iconv-lite';
import { catalogCsv, generateCatalog, type GenProduct } from '../test/integration/catalog/catalog-gen';
import { percentile, type Row } from './lib';

const N = 100_000;
const ROOT = path.resolve(import.meta.dirname, '..');
const MIGRATIONS = path.join(ROOT, 'db', 'migrations');

/** Inserting the same parsed rows with one bare prepared statement, one transaction: the floor. */
function rawInsert(file: string, csv: string, batchIds: boolean): number {
  const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
  const opened = openDatabase(file, { migrationsFolder: MIGRATIONS });
  const db: Database.Database = opened.sqlite;
  const stmt = db.prepare(
    'INSERT INTO products (id, sku, title, brand, category, tags, list_price, live_price, stock, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const cents = (s: string) => Math.round(Number(s) * 100);
  const t0 = performance.now();
  db.transaction(() => {
    const now = Date.now();
    const ids = batchIds ? newIds('prd', rows.length) : rows.map(() => newId('prd'));
    for (const [i, r] of rows.entries()) stmt.run(ids[i], r[0], r[1], r[2], r[3], JSON.stringify(r[4] ? r[4].split('、') : []), cents(r[5]!), cents(r[6]!), Number(r[7]), now, now);
  })();
  const ms = performance.now() - t0;
  opened.close();
  return ms;
}

function likeScan(db: Database.Database, q: string): number {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT id FROM products WHERE archived = 0 AND (title LIKE @q ESCAPE '\\' OR short_title LIKE @q ESCAPE '\\' OR sku LIKE @q ESCAPE '\\' OR brand LIKE @q ESCAPE '\\' OR tags LIKE @q ESCAPE '\\') ORDER BY updated_at DESC`,
    )
    .all({ q: like });
  return rows.length;
}

/** The same products as a 淘宝助理 item export: GBK, `version 1.00`, English keys, Chinese headers, quoted cells, HTML descriptions. */
function taobaoAssistantCsv(products: GenProduct[]): Buffer {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const money = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
  const lines = [
    'version 1.00',
    'title,cid,seller_cids,stuff_status,location_state,location_city,price,num,description,picture,outer_id,num_id,subtitle',
    '宝贝名称,宝贝类目,店铺类目,新旧程度,省,城市,宝贝价格,宝贝数量,宝贝描述,新图片,商家编码,数字ID,宝贝卖点',
  ];
  products.forEach((p, i) => {
    lines.push(
      [p.title, '50011980', ',1,', '1', '浙江', '杭州', money(p.livePrice), String(p.stock), `<p>${p.brand} ${p.title}</p><p>${p.tags.join('，')}</p>`, '', p.sku, String(652300000000 + i), p.tags.join(';')]
        .map(q)
        .join(','),
    );
  });
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}

async function time(fn: () => unknown, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

// Queries a host types during a show: Latin words and prefixes, Chinese of 1–3 characters,
// pinyin full and initials, and selective ones (rare words, an exact SKU) for the LIKE ratio.
const QUERIES: { label: string; q: string }[] = [
  { label: 'Latin word', q: 'cream' },
  { label: 'Latin prefix', q: 'tumb' },
  { label: '1-char Chinese', q: '霜' },
  { label: '2-char Chinese', q: '面霜' },
  { label: '3-char Chinese', q: '洁面乳' },
  { label: 'pinyin full', q: 'mianshuang' },
  { label: 'pinyin initials', q: 'ms' },
  { label: 'pinyin partial', q: 'jiemianr' },
  { label: 'mixed', q: '面霜 50ml' },
  { label: 'selective Chinese', q: '紫砂壶' },
  { label: 'selective pinyin', q: 'zishahu' },
  { label: 'selective Latin', q: 'kaleido' },
  { label: 'selective SKU', q: 'CC-054321' },
];

export async function benchCatalog(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuecart-bench-catalog-'));
  try {
    const csv = catalogCsv(generateCatalog(N));
    const bytes = Buffer.from(csv, 'utf8');
    const baseline = rawInsert(path.join(dir, 'raw.db'), csv, true);
    const perRowIds = rawInsert(path.join(dir, 'raw2.db'), csv, false);

    const dataDir = path.join(dir, 'core');
    const importer = createCore({ dataDir, validateOutput: false });
    const t0 = performance.now();
    const res = await importer.dispatch('products.import.apply', { fileName: 'catalog.csv', contentBase64: bytes.toString('base64'), mode: 'valid' }, { door: 'internal' });
    const importMs = performance.now() - t0;
    if (!res.ok || (res.output as { products: { create: number } }).products.create !== N) throw new Error(`import failed: ${JSON.stringify(res).slice(0, 500)}`);
    rows.push({ figure: 'raw insert, one newId() per row (context)', value: perRowIds, unit: 'ms', baseline: 'raw insert, ids in one batch', baselineValue: baseline });
    rows.push({ figure: `import ${N / 1000}k-row CSV (${(bytes.length / 1e6).toFixed(1)} MB) end to end`, value: importMs, unit: 'ms', baseline: 'raw prepared insert, 1 tx', baselineValue: baseline, target: '≤ 2×', pass: importMs <= 2 * baseline });

    await importer.close();

    // Issue 13: the same rows as a 淘宝助理 export (GBK decoding, three header lines, HTML
    // descriptions stripped to text) against the generic CSV import just measured.
    const gbk = taobaoAssistantCsv(generateCatalog(N));
    const taobao = createCore({ dataDir: path.join(dir, 'taobao'), validateOutput: false });
    const t1 = performance.now();
    const tb = await taobao.dispatch('products.import.apply', { fileName: 'taobao.csv', contentBase64: gbk.toString('base64'), mode: 'valid' }, { door: 'internal' });
    const taobaoMs = performance.now() - t1;
    const out = tb.ok ? (tb.output as { layout: string; products: { create: number } }) : null;
    if (!out || out.layout !== 'taobao-assistant' || out.products.create !== N) throw new Error(`淘宝助理 import failed: ${JSON.stringify(tb).slice(0, 500)}`);
    await taobao.close();
    rows.push({
      figure: `import ${N / 1000}k-row 淘宝助理 export (GBK, ${(gbk.length / 1e6).toFixed(1)} MB) end to end`,
      value: taobaoMs,
      unit: 'ms',
      baseline: `generic ${N / 1000}k-row CSV import (above)`,
      baselineValue: importMs,
      target: '≤ 1.5×',
      pass: taobaoMs <= 1.5 * importMs,
    });

    // Search is measured as the app meets it after a restart: the import's heap is gone, the
    // index is built from SQLite. A real GC before and after, so the heap figure is the index.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const core = createCore({ dataDir, validateOutput: false }); // warms the index in the background
    const heap0 = process.memoryUsage().heapUsed;
    const b0 = performance.now();
    await core.dispatch('products.list', { q: '霜', limit: 50 }, { door: 'internal' }); // waits for the index
    const buildMs = performance.now() - b0;
    gc();
    const heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
    rows.push({ figure: `search index build, ${N / 1000}k products (+${heapMb.toFixed(0)} MB heap)`, value: buildMs, unit: 'ms', baseline: 'raw insert of the same rows', baselineValue: baseline });

    const sqlite = core.database.sqlite;
    for (const { label, q } of QUERIES) {
      let total = 0;
      gc(); // the import's garbage is not this query's cost
      const once = async () => {
        core.catalogSearch.clearCaches(); // every keystroke is a new, uncached query
        const r = await core.dispatch('products.list', { q, limit: 50 }, { door: 'internal' });
        if (r.ok) total = (r.output as { total: number }).total;
      };
      await time(once, 10); // warm-up: the JIT, not the index, is what the first runs measure
      const samples = await time(once, 150); // enough that one stray scheduler pause is not the p95
      const p95 = percentile(samples, 95);
      const med = percentile(samples, 50);
      const likeP95 = percentile(await time(() => likeScan(sqlite, q), 15), 95);
      const selective = total < 50;
      rows.push({
        figure: `search p95 "${q}" (${label}, ${total} hits, median ${med.toFixed(2)} ms)`,
        value: p95,
        unit: 'ms',
        baseline: "LIKE '%q%' full scan",
        baselineValue: likeP95,
        target: selective ? '< 10 ms, ≥ 20× faster' : '< 10 ms',
        pass: p95 < 10 && (!selective || likeP95 / p95 >= 20),
      });
    }
    await core.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
