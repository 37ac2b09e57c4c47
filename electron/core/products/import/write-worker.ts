import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { RUN_IN_BACKGROUND_CJS } from '../../spreadsheet/background-thread';
import type { WriteBatch, WriteSession } from './writer';

/**
 * The worker's whole program, plain CommonJS run with `eval`, so the same thing works under
 * tests, `serve` and the packaged app without a separate build entry. It opens its own
 * connection to the catalog, holds ONE transaction (BEGIN IMMEDIATE) from start to finish, runs
 * each batch as it arrives, and commits or rolls back when told. After a failed statement it
 * rolls back at once, ignores the rest and reports the failure at the end. If the worker dies,
 * SQLite discards its open transaction: nothing of the import is written.
 */
const PROGRAM = `
'use strict';
${RUN_IN_BACKGROUND_CJS}
const { parentPort, workerData } = require('node:worker_threads');
let db = null;
let failure = null;
const statements = [];
const fail = (error) => ({ message: String((error && error.message) || error), code: error && error.code });
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.exec('BEGIN IMMEDIATE');
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'unavailable', ...fail(error) });
  try { if (db) db.close(); } catch {}
  db = null;
}
parentPort.on('message', (m) => {
  if (!db) return;
  if (m.batch && !failure) {
    try {
      for (const sql of m.batch.sql) statements.push(db.prepare(sql));
      const { which, rows } = m.batch;
      for (let i = 0; i < rows.length; i += 1) statements[which[i]].run(rows[i]);
    } catch (error) {
      failure = fail(error);
      try { db.exec('ROLLBACK'); } catch {}
    }
  }
  if (m.end) {
    let reply;
    if (failure) reply = { type: 'failed', ...failure };
    else if (m.end === 'commit') {
      try {
        db.exec('COMMIT');
        reply = { type: 'committed' };
      } catch (error) {
        try { db.exec('ROLLBACK'); } catch {}
        reply = { type: 'failed', ...fail(error) };
      }
    } else {
      db.exec('ROLLBACK');
      reply = { type: 'rolledBack' };
    }
    db.close();
    db = null;
    parentPort.postMessage(reply);
  }
});
`;

type Reply = { type: 'ready' | 'committed' | 'rolledBack' } | { type: 'unavailable' | 'failed'; message: string; code?: string };

/** A write that failed inside the worker's transaction; nothing of the import was written. */
export class WorkerWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface WorkerTarget {
  /** The catalog's SQLite file. */
  file: string;
  /** The Electron-ABI binding in the desktop app; Node's own build otherwise. */
  nativeBinding?: string;
}

/** better-sqlite3's entry; in the packaged app the unpacked copy (the worker reads plain files). */
export function driverPath(): string {
  const resolved = createRequire(import.meta.url).resolve('better-sqlite3');
  return resolved.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/**
 * Writes an import on a worker thread with its own SQLite connection while the main thread goes
 * on reading and checking the file: the two run side by side, so a big import takes little more
 * than its write. The main thread stays free for the app (reads see the catalog as it was until
 * the commit; writes wait at the core's write gate, which the import holds).
 *
 * If the worker cannot start (no worker threads, the driver not loadable from it), the batches
 * go to `fallback` instead — the in-process session — and the import still happens, only slower.
 */
export class WorkerWriteSession implements WriteSession {
  private readonly worker: Worker;
  private readonly replies: Reply[] = [];
  private waiter: ((r: Reply) => void) | null = null;
  /** Sent before the worker said it is ready: kept to replay into the fallback if it never is. */
  private unconfirmed: WriteBatch[] | null = [];
  private state: 'starting' | 'ready' | 'fallback' | 'closed' = 'starting';
  private exited = false;

  constructor(
    target: WorkerTarget,
    private readonly fallback: WriteSession,
  ) {
    this.worker = new Worker(PROGRAM, {
      eval: true,
      workerData: { driver: driverPath(), file: target.file, nativeBinding: target.nativeBinding },
    });
    this.worker.on('message', (r: Reply) => this.receive(r));
    this.worker.on('error', (error) => this.receive({ type: this.state === 'ready' ? 'failed' : 'unavailable', message: error.message }));
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.receive({ type: this.state === 'starting' ? 'unavailable' : 'failed', message: `the import writer stopped (exit ${code})` });
    });
  }

  send(batch: WriteBatch): void {
    if (this.state === 'closed') throw new Error('the import writer is closed');
    if (this.state === 'fallback') return this.fallback.send(batch);
    this.unconfirmed?.push(batch);
    this.worker.postMessage({ batch });
  }

  async commit(): Promise<void> {
    if (this.state === 'closed') throw new Error('the import writer is closed');
    await this.started();
    if (this.state === 'fallback') return this.fallback.commit();
    this.worker.postMessage({ end: 'commit' });
    const reply = await this.next();
    this.state = 'closed';
    void this.worker.terminate();
    if (reply.type !== 'committed') throw new WorkerWriteError('message' in reply ? reply.message : reply.type, 'code' in reply ? reply.code : undefined);
  }

  async rollback(): Promise<void> {
    if (this.state === 'closed') return;
    if (this.state === 'ready') {
      this.worker.postMessage({ end: 'rollback' });
      await this.next();
    }
    this.state = 'closed';
    await this.worker.terminate();
    await this.fallback.rollback();
  }

  /** Waits for the worker's first word: ready, or unavailable (then the fallback takes over). */
  private async started(): Promise<void> {
    if (this.state !== 'starting') return;
    const first = await this.next();
    if (first.type === 'ready') return; // receive() has marked it
    this.state = 'fallback';
    void this.worker.terminate();
    for (const b of this.unconfirmed ?? []) this.fallback.send(b);
    this.unconfirmed = null;
  }

  private receive(reply: Reply): void {
    if (reply.type === 'ready' && this.state === 'starting') {
      // Confirmed: the replay copy is no longer needed (and would only hold memory).
      this.state = 'ready';
      this.unconfirmed = null;
    }
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(reply);
    } else if (reply.type !== 'ready') this.replies.push(reply);
  }

  private next(): Promise<Reply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    if (this.exited) return Promise.resolve({ type: 'failed', message: 'the import writer stopped' });
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }
}
