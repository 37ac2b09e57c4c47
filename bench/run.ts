import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printTable, type Row } from './lib';

// `npm run bench`: measures, prints a table, writes bench/results.json. Every figure sits beside
// a baseline measured in the same process of the same run on this machine. Each group runs in a
// fresh process, one after the other, so no group's leftovers (OBS, Chromium, a big heap, JIT
// state) weigh on the next. Not a test: a missed target is printed, never a failed build.
const GROUP_ORDER = ['bundle', 'serve', 'schedule', 'catalog', 'import-load', 'overlay', 'obs', 'live', 'recap'];

function runGroup(name: string): Row[] {
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'group.ts'), name], {
    // The worker threads as shipped, not their sources loaded through tsx (a bench artifact of ~0.7 s).
    env: {
      ...process.env,
      CUECART_SPREADSHEET_WORKER: path.join(import.meta.dirname, '..', 'out', 'main', 'spreadsheet-worker.js'),
      CUECART_IMPORT_WORKER: path.join(import.meta.dirname, '..', 'out', 'main', 'import-worker.js'),
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = res.stdout.split('\n').find((l) => l.startsWith('ROWS '));
  if (res.status !== 0 || !line) throw new Error(`bench group ${name} failed (exit ${res.status}):\n${res.stdout}`);
  return JSON.parse(line.slice(5)) as Row[];
}

// `npm run bench -- live import-load` runs only those groups (in the usual order).
const picked = process.argv.slice(2);
const unknown = picked.filter((g) => !GROUP_ORDER.includes(g));
if (unknown.length > 0) throw new Error(`unknown bench group ${unknown.join(', ')} (${GROUP_ORDER.join(', ')})`);
const rows = GROUP_ORDER.filter((g) => picked.length === 0 || picked.includes(g)).flatMap(runGroup);
printTable(rows);
const file = path.join(import.meta.dirname, 'results.json');
fs.writeFileSync(
  file,
  JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}`, rows }, null, 2),
);
console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
