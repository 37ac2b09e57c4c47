import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportJob } from './build-file';

/** An idle export thread is let go after this long (it holds ECharts and ExcelJS, ~60 MB). */
const IDLE_MS = 60_000;

/** The worker's entry: the built file next to the bundle, or the TypeScript source under tsx. */
function workerEntry(): { file: string; source: boolean } | null {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) return { file: path.join(dir, 'export-worker.ts'), source: true };
  for (const candidate of [path.join(dir, 'recap-worker.js'), path.join(dir, '..', 'recap-worker.js')]) {
    const unpacked = candidate.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    if (fs.existsSync(unpacked)) return { file: unpacked, source: false };
    if (fs.existsSync(candidate)) return { file: candidate, source: false };
  }
  return null;
}

function startWorker(): Worker | null {
  const entry = workerEntry();
  if (!entry) return null;
  if (!entry.source) return new Worker(entry.file);
  // Tests and benches run the sources: register tsx in the worker, then load the entry.
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(entry.file).href)}); });`;
  return new Worker(boot, { eval: true });
}

type Pending = { resolve(b: Buffer): void; reject(e: Error): void };

/**
 * Builds recap files on a worker thread, so charts, HTML and workbooks never hold the event loop
 * the show runs on. Where no worker can start, the same code runs on this thread (loaded only
 * then), a file at a time.
 */
export class ExportThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  private unavailable = false;

  async run(job: ExportJob): Promise<Buffer> {
    const worker = this.unavailable ? null : this.ensure();
    if (!worker) {
      const { buildFile } = await import('./build-file');
      return buildFile(job);
    }
    if (this.idle) clearTimeout(this.idle);
    worker.ref();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  private ensure(): Worker | null {
    if (this.worker) return this.worker;
    let worker: Worker | null;
    try {
      worker = startWorker();
    } catch {
      worker = null;
    }
    if (!worker) {
      this.unavailable = true;
      return null;
    }
    worker.on('message', (m: { id?: number; ok?: boolean; bytes?: Uint8Array; message?: string }) => {
      if (m.id === undefined) return;
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) p?.resolve(Buffer.from(m.bytes!.buffer, m.bytes!.byteOffset, m.bytes!.byteLength));
      else p?.reject(new Error(m.message ?? 'export failed'));
      if (this.pending.size === 0) this.rest();
    });
    const fail = (error: Error) => {
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the recap export thread stopped')));
    this.worker = worker;
    return worker;
  }

  /** Nothing pending: the thread must not keep the process alive, and goes after a while. */
  private rest(): void {
    this.worker?.unref();
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.dispose(), IDLE_MS);
    this.idle.unref();
  }

  async dispose(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
