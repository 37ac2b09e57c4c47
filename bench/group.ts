import { benchBundle } from './bundle.bench';
import { benchCatalog } from './catalog.bench';
import { benchImportLoad } from './import-load.bench';
import type { Row } from './lib';
import { benchLive } from './live.bench';
import { benchObs } from './obs.bench';
import { benchOverlay } from './overlay.bench';
import { benchRecap } from './recap.bench';
import { benchSchedule } from './schedule.bench';
import { benchServe } from './serve.bench';

/** One bench group in this process; prints its rows as one JSON line for bench/run.ts. */
export const GROUPS: Record<string, () => Row[] | Promise<Row[]>> = {
  bundle: benchBundle,
  serve: benchServe,
  obs: benchObs,
  overlay: benchOverlay,
  catalog: benchCatalog,
  'import-load': benchImportLoad,
  schedule: benchSchedule,
  live: benchLive,
  recap: benchRecap,
};

const name = process.argv[2] ?? '';
const run = GROUPS[name];
if (!run) {
  console.error(`unknown bench group "${name}" (${Object.keys(GROUPS).join(', ')})`);
  process.exit(2);
}
const rows = await run();
console.log(`ROWS ${JSON.stringify(rows)}`);
process.exit(0);
