import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../contract/errors';
import { startEntryWorker, type TableMeta, type WorkerEntry } from '../../spreadsheet';
import type { CheckJob, CheckOutcome, ImportRun } from './import-run';
import type { FromImportWorker, ImportWorkerData, ThreadFailure, ToImportWorker } from './import-protocol';
import { WorkerWriteError } from './write-worker';

const ENTRY: WorkerEntry = {
  built: 'import-worker.js',
  source: path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-worker.ts'),
  // Benches run the core from its sources but measure the thread as shipped (out/main/import-worker.js).
  env: 'CUECART_IMPORT_WORKER',
};

/** Bytes of the file copied for the thread per turn of the event loop (about a ms). */
const COPY_SLICE = 2 * 1024 * 1024;

/** A request before it is numbered. */
type Request = ToImportWorker extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * An import run on a thread of its own (import-worker.ts): reading, checking and the writes'
 * preparation all happen there, and the writes themselves on the writer thread it starts. The
 * app's thread only sends the caller's decisions (header row, mapping) and hears progress and the
 * outcome, so a Go or an overlay call never waits behind a batch of rows being checked, and the
 * app's heap never holds the file's rows.
 */
export class ImportThread implements ImportRun {
  private inbox: FromImportWorker[] = [];
  private waiter: (() => void) | null = null;
  private onProgress: ((fraction: number) => void) | null = null;
  private stopped: string | null = null;
  private nextId = 1;

  private constructor(
    private readonly worker: Worker,
    public meta: TableMeta,
  ) {}

  /**
   * Starts the thread on a copy of `bytes`; null when it cannot start or cannot open the catalog
   * (the caller runs the import on its own thread). A file the reader refuses throws its AppError.
   */
  static async open(bytes: Buffer, opts: Omit<ImportWorkerData, 'bytes'>): Promise<ImportThread | null> {
    // The thread gets its own copy (transferred, not cloned): the caller keeps its bytes. Copied a
    // few MB per turn of the event loop (15 MB at once held it for ~8 ms), not zero-filled first.
    const copy = new Uint8Array(Buffer.allocUnsafeSlow(bytes.length).buffer, 0, bytes.length);
    for (let at = 0; at < bytes.length; at += COPY_SLICE) {
      copy.set(bytes.subarray(at, at + COPY_SLICE), at);
      if (at + COPY_SLICE < bytes.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    let worker: Worker | null;
    try {
      worker = startEntryWorker(ENTRY, { ...opts, bytes: copy } satisfies ImportWorkerData, [copy.buffer]);
    } catch {
      return null;
    }
    if (!worker) return null;
    const w = worker;
    // Until the first word, messages are gathered here; then the run takes over.
    const early: FromImportWorker[] = [];
    let wake: (() => void) | null = null;
    let gone = false;
    const onMessage = (m: FromImportWorker) => {
      early.push(m);
      wake?.();
    };
    const onGone = () => {
      gone = true;
      wake?.();
    };
    w.on('message', onMessage);
    w.on('error', onGone);
    w.on('exit', onGone);
    while (early.length === 0 && !gone) await new Promise<void>((resolve) => (wake = resolve));
    w.off('message', onMessage);
    w.off('error', onGone);
    w.off('exit', onGone);
    const first = early.shift();
    if (first?.type === 'meta') return new ImportThread(w, first.meta).listen();
    await w.terminate();
    if (first?.type === 'error') throw asError(first);
    return null; // it never started (no entry, no driver, no file): read in-process instead
  }

  private listen(): this {
    this.worker.on('message', (m: FromImportWorker) => {
      if (m.type === 'progress') this.onProgress?.(m.fraction);
      else this.inbox.push(m);
      this.wake();
    });
    this.worker.on('error', (error) => this.stop(error.message));
    this.worker.on('exit', (code) => this.stop(`it exited (${code})`));
    return this;
  }

  async useHeaderRow(line: number): Promise<TableMeta> {
    const m = await this.request({ type: 'header', line });
    if (m.type !== 'meta') throw new AppError('INTERNAL', `The import thread answered ${m.type} to a header row.`);
    this.meta = m.meta;
    return m.meta;
  }

  async check(job: CheckJob, progress: (fraction: number) => Promise<void>): Promise<CheckOutcome> {
    // Progress is reported in order, one call at a time, never holding up the thread; a call that
    // throws (a cancel) ends the wait at once and tells the thread to stop at its next batch.
    let latest: number | null = null;
    let failed: { error: unknown } | null = null;
    let pumping: Promise<void> = Promise.resolve();
    let busy = false;
    const pump = async () => {
      busy = true;
      while (latest !== null && !failed) {
        const f = latest;
        latest = null;
        try {
          await progress(f);
        } catch (error) {
          failed = { error };
          this.wake();
        }
      }
      busy = false;
    };
    this.onProgress = (f) => {
      latest = f;
      if (!busy) pumping = pump();
    };
    try {
      const m = await this.request({ type: 'check', job }, () => failed !== null);
      await pumping;
      if (failed) throw (failed as { error: unknown }).error;
      if (m?.type !== 'checked') throw new AppError('INTERNAL', `The import thread answered ${m?.type} to a check.`);
      return m.outcome;
    } finally {
      this.onProgress = null;
    }
  }

  async commit(): Promise<void> {
    await this.request({ type: 'commit' });
  }

  async rollback(): Promise<void> {
    if (this.stopped !== null) return; // a thread that stopped took its transaction with it
    await this.request({ type: 'rollback' });
  }

  async close(): Promise<void> {
    if (this.stopped === null) {
      await this.request({ type: 'close' }).catch(() => undefined);
      this.stop('closed');
    }
    await this.worker.terminate();
  }

  /** Sends a request and waits for its answer; `giveUp` ends the wait early (then null). */
  private request(req: Request): Promise<Exclude<FromImportWorker, ThreadFailure>>;
  private request(req: Request, giveUp: () => boolean): Promise<Exclude<FromImportWorker, ThreadFailure> | null>;
  private async request(req: Request, giveUp?: () => boolean): Promise<Exclude<FromImportWorker, ThreadFailure> | null> {
    if (this.stopped !== null) throw new AppError('INTERNAL', `The import thread stopped: ${this.stopped}.`);
    const id = this.nextId++;
    this.worker.postMessage({ ...req, id } as ToImportWorker);
    for (;;) {
      const at = this.inbox.findIndex((m) => 'id' in m && m.id === id);
      if (at >= 0) {
        const m = this.inbox.splice(at, 1)[0]!;
        if (m.type === 'error') throw asError(m);
        return m as Exclude<FromImportWorker, ThreadFailure>;
      }
      // Answers to requests given up on (a cancelled check) are of no use any more.
      this.inbox = this.inbox.filter((m) => !('id' in m) || m.id > id);
      if (giveUp?.()) return null;
      if (this.stopped !== null) throw new AppError('INTERNAL', `The import thread stopped: ${this.stopped}.`);
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  private stop(why: string): void {
    this.stopped ??= why;
    this.wake();
  }
}

function asError(m: ThreadFailure): Error {
  if (m.code) return new AppError(m.code, m.message, m.details);
  return new WorkerWriteError(m.message, m.sqliteCode);
}
