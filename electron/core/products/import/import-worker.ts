import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../contract/errors';
import { openTable, runInBackground } from '../../spreadsheet';
import { CATALOG_VOCABULARY } from './headers';
import { LocalImportRun } from './import-run';
import { plainMeta, type FromImportWorker, type ImportWorkerData, type ThreadFailure, type ToImportWorker } from './import-protocol';
import { WorkerWriteError, driverPath } from './write-worker';

// The import thread (see import-thread.ts): reads the file with the shared spreadsheet reader,
// checks every row, and for an apply sends the products to the writer thread it starts itself,
// so the app's own thread only hears how far it got and what it found. Niced like the other
// worker threads, so a Go or an overlay call wins the CPU on a busy 2-core machine.

runInBackground();
const port = parentPort!;
const data = workerData as ImportWorkerData;
const post = (m: FromImportWorker) => port.postMessage(m);

function failure(id: number, error: unknown): ThreadFailure {
  if (error instanceof AppError) return { type: 'error', id, code: error.code, message: error.message, details: error.details };
  if (error instanceof WorkerWriteError) return { type: 'error', id, message: error.message, sqliteCode: error.code };
  return { type: 'error', id, message: error instanceof Error ? error.message : String(error) };
}

function openCatalog(): Database.Database {
  const Driver = createRequire(import.meta.url)(driverPath()) as typeof Database;
  const db = new Driver(data.file, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return db;
}

async function main(): Promise<void> {
  let db: Database.Database;
  try {
    db = openCatalog();
  } catch (error) {
    post({ type: 'unavailable', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  let run: LocalImportRun;
  try {
    const bytes = Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength);
    const table = await openTable(bytes, { sheet: data.sheet, headerRow: data.headerRow, vocabulary: CATALOG_VOCABULARY, batchRows: data.batchRows, thread: 'inline' });
    run = new LocalImportRun(table, { sqlite: db, mediaDir: data.mediaDir, nativeBinding: data.nativeBinding });
    post({ type: 'meta', id: 0, meta: plainMeta(table) });
  } catch (error) {
    db.close();
    post(failure(0, error));
    return;
  }

  // The app stopped waiting for a check (a cancel): its next batch ends it.
  let abandoned = false;
  const progress = (fraction: number) => {
    if (abandoned) throw new AppError('CONFLICT', 'The import was cancelled; nothing was written.', { reason: 'cancelled' });
    post({ type: 'progress', fraction });
    return Promise.resolve();
  };
  // One request after the other, as sent; a rollback or close also abandons a check under way.
  let chain = Promise.resolve();
  port.on('message', (m: ToImportWorker) => {
    if (m.type === 'rollback' || m.type === 'close') abandoned = true;
    chain = chain.then(async () => {
      try {
        switch (m.type) {
          case 'header':
            post({ type: 'meta', id: m.id, meta: plainMeta(await run.useHeaderRow(m.line)) });
            break;
          case 'check':
            post({ type: 'checked', id: m.id, outcome: await run.check(m.job, progress) });
            break;
          case 'commit':
            await run.commit();
            post({ type: 'done', id: m.id });
            break;
          case 'rollback':
            await run.rollback();
            post({ type: 'done', id: m.id });
            break;
          case 'close':
            await run.close();
            db.close();
            post({ type: 'done', id: m.id });
            break;
        }
      } catch (error) {
        post(failure(m.id, error));
      }
    });
  });
}

void main();
