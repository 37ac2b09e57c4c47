import type { ErrorCode } from '../../contract';
import type { TableRow } from './limits';
import type { TableMeta } from './table-inline';

/** What the reader thread is started with. */
export interface WorkerInput {
  bytes: Uint8Array;
  sheet?: string;
  headerRow?: number;
  /** Header keys (HeaderVocabulary#toJSON). */
  vocabulary: string[];
  batchRows: number;
}

export type ToWorker = { type: 'more' } | { type: 'header'; line: number };

export type FromWorker =
  | { type: 'meta'; meta: TableMeta }
  | { type: 'rows'; rows: TableRow[]; fraction: number }
  | { type: 'end' }
  | { type: 'error'; code: ErrorCode; message: string; details?: Record<string, unknown> };
