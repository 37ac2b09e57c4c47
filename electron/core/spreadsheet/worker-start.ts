import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerInput } from './worker-protocol';

/** A worker thread's program: a built entry beside the bundle, its source for tests, an override for benches. */
export interface WorkerEntry {
  /** The built file's name in out/main (an entry in electron.vite.config.ts), e.g. `spreadsheet-worker.js`. */
  built: string;
  /** The TypeScript source's absolute path, loaded through tsx when the app runs from its sources. */
  source: string;
  /** An environment variable that may name a built file to use instead (benches measure the worker as shipped). */
  env?: string;
}

const HERE = fileURLToPath(import.meta.url);

/** The worker's entry: the override, the built file next to the bundle, or the TypeScript source under tsx. */
function resolveEntry(entry: WorkerEntry): { file: string; source: boolean } | null {
  const override = entry.env ? process.env[entry.env] : undefined;
  if (override && fs.existsSync(override)) return { file: override, source: false };
  const dir = path.dirname(HERE);
  if (HERE.endsWith('.ts')) return { file: entry.source, source: true };
  for (const candidate of [path.join(dir, entry.built), path.join(dir, '..', entry.built)]) {
    const unpacked = candidate.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    if (fs.existsSync(unpacked)) return { file: unpacked, source: false };
    if (fs.existsSync(candidate)) return { file: candidate, source: false };
  }
  return null;
}

/**
 * Starts a worker thread on one of the app's worker entries with `workerData`; null where none
 * can start (no built file beside the bundle). Callers fall back to working in-process.
 */
export function startEntryWorker(entry: WorkerEntry, workerData: unknown, transfer: ArrayBuffer[] = []): Worker | null {
  const found = resolveEntry(entry);
  if (!found) return null;
  if (!found.source) return new Worker(found.file, { workerData, transferList: transfer });
  // Tests and benches run the sources: register tsx in the worker, then load the entry.
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(found.file).href)}); });`;
  return new Worker(boot, { eval: true, workerData, transferList: transfer });
}

/** The spreadsheet worker (reader or writer, by `input.kind`). */
const SPREADSHEET_WORKER: WorkerEntry = {
  built: 'spreadsheet-worker.js',
  source: path.join(path.dirname(HERE), 'worker.ts'),
  // Benches run the sources but measure the worker as shipped (out/main/spreadsheet-worker.js).
  env: 'CUECART_SPREADSHEET_WORKER',
};

/** Starts the spreadsheet worker (reader or writer, by `input.kind`); null where none can start. */
export function startWorker(input: WorkerInput, transfer: ArrayBuffer[] = []): Worker | null {
  return startEntryWorker(SPREADSHEET_WORKER, input, transfer);
}
