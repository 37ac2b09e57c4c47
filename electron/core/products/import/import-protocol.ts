import type { ErrorCode } from '../../../contract/errors';
import type { TableMeta } from '../../spreadsheet';
import type { CheckJob, CheckOutcome } from './import-run';

// Messages between the app's thread and the import thread (import-thread.ts ⇄ import-worker.ts).

/** What the import thread starts with: the file (transferred) and where the catalog is. */
export interface ImportWorkerData {
  bytes: Uint8Array;
  sheet?: string;
  headerRow?: number;
  batchRows: number;
  /** The catalog's SQLite file, and the Electron-ABI binding in the desktop app. */
  file: string;
  nativeBinding?: string;
  mediaDir: string;
}

/** Requests carry an id; each is answered once, with the same id, in the order sent. */
export type ToImportWorker = { id: number } & (
  | { type: 'header'; line: number }
  | { type: 'check'; job: CheckJob }
  | { type: 'commit' }
  | { type: 'rollback' }
  | { type: 'close' }
);

/** A failure, as it crossed the thread boundary. */
export interface ThreadFailure {
  type: 'error';
  id: number;
  /** Set for an AppError (its code and details); otherwise a plain error (a failed write: its SQLite code). */
  code?: ErrorCode;
  details?: Record<string, unknown>;
  sqliteCode?: string;
  message: string;
}

export type FromImportWorker =
  /** First word: the catalog cannot be opened from a thread (the app reads the file itself). */
  | { type: 'unavailable'; message: string }
  /** First word (id 0), and the answer to `header`. */
  | { type: 'meta'; id: number; meta: TableMeta }
  /** After each batch of a `check`: how far into the file (0–1). */
  | { type: 'progress'; fraction: number }
  | { type: 'checked'; id: number; outcome: CheckOutcome }
  | { type: 'done'; id: number }
  | ThreadFailure;

/** The meta of an open table as plain data (a TableSource also carries its methods). */
export function plainMeta(m: TableMeta): TableMeta {
  return {
    format: m.format,
    encoding: m.encoding,
    delimiter: m.delimiter,
    sheets: m.sheets,
    sheet: m.sheet,
    bytes: m.bytes,
    headerRow: m.headerRow,
    headerDetected: m.headerDetected,
    detectedHeaderRow: m.detectedHeaderRow,
    candidates: m.candidates,
    header: m.header,
  };
}
