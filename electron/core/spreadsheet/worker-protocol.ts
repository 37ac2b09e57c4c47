import type { ErrorCode } from '../../contract/errors';
import type { TableRow } from './limits';
import type { TableMeta } from './table-inline';

/** What the reader thread is started with. */
export interface ReadInput {
  kind: 'read';
  bytes: Uint8Array;
  sheet?: string;
  headerRow?: number;
  /** Header keys (HeaderVocabulary#toJSON). */
  vocabulary: string[];
  batchRows: number;
}

/** What the writer thread is started with. */
export interface WriteInput {
  kind: 'write';
  format: 'csv' | 'xlsx';
  header: string[];
  sheetName: string;
}

export type WorkerInput = ReadInput | WriteInput;

export type Cell = string | number | null;

export type ToWorker =
  | { type: 'more' }
  | { type: 'header'; line: number }
  | { type: 'add'; rows: Cell[][] }
  | { type: 'finish' };

export type FromWorker =
  | { type: 'meta'; meta: TableMeta }
  | { type: 'rows'; rows: TableRow[]; fraction: number }
  | { type: 'end' }
  | { type: 'added' }
  | { type: 'file'; bytes: Uint8Array }
  | { type: 'error'; code: ErrorCode; message: string; details?: Record<string, unknown> };
