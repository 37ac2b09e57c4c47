import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBundle } from './bundle.bench';
import { benchCatalog } from './catalog.bench';
import { printTable, type Row } from './lib';
import { benchSchedule } from './schedule.bench';
import { benchObs } from './obs.bench';
import { benchOverlay } from './overlay.bench';
import { benchServe } from './serve.bench';

// `npm run bench`: measures, prints a table, writes bench/results.json. Every figure sits beside
// a baseline measured in this same run on this same machine. Not a test: it never fails a build.
async function main() {
  const rows: Row[] = [...benchBundle(), ...(await benchServe()), ...(await benchObs()), ...(await benchOverlay()), ...(await benchCatalog()), ...benchSchedule()];
  printTable(rows);
  const file = path.join(import.meta.dirname, 'results.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}`, rows }, null, 2),
  );
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
