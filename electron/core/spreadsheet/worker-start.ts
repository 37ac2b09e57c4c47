import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerInput } from './worker-protocol';

/** The worker's entry: the built file next to the bundle, or the TypeScript source under tsx. */
function workerEntry(): { file: string; source: boolean } | null {
  // Benches run the sources but measure the worker as shipped (out/main/spreadsheet-worker.js).
  const built = process.env.CUECART_SPREADSHEET_WORKER;
  if (built && fs.existsSync(built)) return { file: built, source: false };
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) return { file: path.join(dir, 'worker.ts'), source: true };
  for (const candidate of [path.join(dir, 'spreadsheet-worker.js'), path.join(dir, '..', 'spreadsheet-worker.js')]) {
    const unpacked = candidate.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    if (fs.existsSync(unpacked)) return { file: unpacked, source: false };
    if (fs.existsSync(candidate)) return { file: candidate, source: false };
  }
  return null;
}

/** Starts the spreadsheet worker (reader or writer, by `input.kind`); null where none can start. */
export function startWorker(input: WorkerInput, transfer: ArrayBuffer[] = []): Worker | null {
  const entry = workerEntry();
  if (!entry) return null;
  if (!entry.source) return new Worker(entry.file, { workerData: input, transferList: transfer });
  // Tests and benches run the sources: register tsx in the worker, then load the entry.
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(entry.file).href)}); });`;
  return new Worker(boot, { eval: true, workerData: input, transferList: transfer });
}
