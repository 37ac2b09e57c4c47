import fs from 'node:fs';
import { bigCatalog, catalogCsv, catalogXlsx, importRaw, LOOP_PROBE, loopStats, showEvery100ms, XLSX_TYPE } from '../test/helpers/import-load';
import { startServe } from '../test/helpers/serve';
import { percentile, type Row } from './lib';

const ROWS = 200_000;

/**
 * Issue 11: an import must never stall the show. Against the built serve (as `npm run serve`
 * runs it), an overlay show over REST every 100 ms — at rest, then during a 200,000-row XLSX
 * preview and during a 200,000-row CSV apply — and the serve process's own event-loop delay,
 * measured inside it by perf_hooks.monitorEventLoopDelay from bench/loop-probe.mjs (preloaded
 * with `node --import`; it prints its figures on SIGUSR2, so the app carries no code for it).
 */
export async function benchImportLoad(): Promise<Row[]> {
  // The files only: the 200,000 product objects are let go before measuring, so this process's
  // own garbage collection (a heap of them) does not land in the round trips it times.
  const { csv, xlsx } = await (async () => {
    const products = bigCatalog(ROWS);
    return { csv: Buffer.from(catalogCsv(products)), xlsx: await catalogXlsx(products) };
  })();
  const s = await startServe({ nodeArgs: LOOP_PROBE, timeoutMs: 60_000 });
  const rows: Row[] = [];
  try {
    await showEvery100ms(s, null, 20); // warm-up
    await loopStats(s);
    const rest = await showEvery100ms(s, null, 60);
    const restLoop = await loopStats(s);
    const restP95 = percentile(rest, 95);
    for (const [label, run] of [
      [`${ROWS / 1000}k-row XLSX preview (${(xlsx.length / 1e6).toFixed(1)} MB)`, () => importRaw(s, xlsx, XLSX_TYPE)],
      [`${ROWS / 1000}k-row CSV apply (${(csv.length / 1e6).toFixed(1)} MB)`, () => importRaw(s, csv, 'text/csv', '?apply=valid')],
    ] as const) {
      const t0 = performance.now();
      const importing = run();
      const during = await showEvery100ms(s, importing);
      const { status } = await importing;
      const ms = performance.now() - t0;
      if (status !== 200) throw new Error(`${label}: HTTP ${status}`);
      const loop = await loopStats(s);
      const p95 = percentile(during, 95);
      rows.push({
        figure: `overlay show (REST) p95 during a ${label}; ${during.length} calls, worst ${Math.max(...during).toFixed(0)} ms, import ${(ms / 1000).toFixed(1)} s`,
        value: p95,
        unit: 'ms',
        baseline: 'overlay show (REST) p95 at rest',
        baselineValue: restP95,
        target: '≤ 2×',
        pass: p95 <= 2 * restP95,
      });
      rows.push({
        figure: `event-loop delay p99 in serve during the ${label} (max ${loop.max} ms)`,
        value: loop.p99,
        unit: 'ms',
        baseline: 'event-loop delay p99 at rest',
        baselineValue: restLoop.p99,
        target: '< 50 ms',
        pass: loop.p99 < 50,
      });
    }
  } finally {
    await s.stop();
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  }
  return rows;
}
