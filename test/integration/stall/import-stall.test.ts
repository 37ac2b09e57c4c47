import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigCatalog, catalogCsv, catalogXlsx, importRaw, LOOP_PROBE, loopStats, showEvery100ms, XLSX_TYPE } from '../../helpers/import-load';
import { startServe, type ServeProcess } from '../../helpers/serve';
import { percentile } from '../../../bench/lib';

// Issue 11, finding 1: a 200,000-row spreadsheet import froze the server (overlay show took up to
// 4 s during an XLSX preview, 1 s during a CSV apply). Against the built serve, as users run it.
const ROWS = 200_000;
let s: ServeProcess;
let csv: Buffer;
let xlsx: Buffer;
let rest: number[];

beforeAll(async () => {
  const products = bigCatalog(ROWS);
  csv = Buffer.from(catalogCsv(products));
  xlsx = await catalogXlsx(products);
  s = await startServe({ nodeArgs: LOOP_PROBE });
  await showEvery100ms(s, null, 10); // warm up
  rest = await showEvery100ms(s, null, 40);
  await loopStats(s);
}, 240_000);

afterAll(async () => {
  await s?.stop();
  if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
});

/**
 * What the producer notices: no press waits long. Before the fix a show waited up to 5.4 s during
 * the XLSX preview (p95 3.3 s), p95 242 ms during the CSV apply, and an XLSX export of this catalog
 * did not finish in 5 minutes while stalling the server for up to 110 s. The bounds leave room for
 * a busy 2-core machine shared with other work; `npm run bench` reports the strict targets
 * (p95 within 2x of rest, event-loop p99 under 50 ms).
 */
async function expectResponsive(during: number[]) {
  const loop = await loopStats(s);
  const atRest = percentile(rest, 95);
  const worst = Math.max(...during);
  console.log(
    `overlay show p95 at rest ${atRest.toFixed(1)} ms; during ${percentile(during, 95).toFixed(1)} ms, worst ${worst.toFixed(1)} ms over ${during.length} calls; ` +
      `event-loop delay p99 ${loop.p99} ms, max ${loop.max} ms`,
  );
  expect(during.length).toBeGreaterThan(5);
  expect(worst).toBeLessThan(1000);
  expect(percentile(during, 95)).toBeLessThan(atRest + 100);
  expect(loop.p99).toBeLessThan(150);
}

describe('an import never stalls the show (built serve)', () => {
  it(`answers overlay calls while a ${ROWS.toLocaleString('en')}-row XLSX is previewed`, async () => {
    const importing = importRaw(s, xlsx, XLSX_TYPE);
    const during = await showEvery100ms(s, importing);
    const { status, json } = await importing;
    expect(status).toBe(200);
    expect(json).toMatchObject({ format: 'xlsx', totalRows: ROWS, products: { create: ROWS, update: 0 } });
    await expectResponsive(during);
  }, 300_000);

  it(`answers overlay calls while a ${ROWS.toLocaleString('en')}-row CSV is applied`, async () => {
    const importing = importRaw(s, csv, 'text/csv', '?apply=valid');
    const during = await showEvery100ms(s, importing);
    const { status, json } = await importing;
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'applied', totalRows: ROWS, products: { create: ROWS } });
    await expectResponsive(during);
  }, 300_000);

  for (const format of ['xlsx', 'csv'] as const) {
    it(`answers overlay calls while the ${ROWS.toLocaleString('en')}-product catalog is exported as ${format.toUpperCase()}`, async () => {
      const exporting = fetch(new URL(`api/v1/products/export?format=${format}`, s.url), { headers: { Authorization: `Bearer ${s.token}` } }).then(async (r) => ({
        status: r.status,
        count: r.headers.get('x-cuecart-count'),
        bytes: (await r.arrayBuffer()).byteLength,
      }));
      const during = await showEvery100ms(s, exporting);
      expect(await exporting).toMatchObject({ status: 200, count: String(ROWS) });
      await expectResponsive(during);
    }, 300_000);
  }
});
