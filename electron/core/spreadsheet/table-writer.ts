import { AppError } from '../../contract/errors';
import { inlineWriter } from './table-write-inline';
import type { Cell, FromWorker, WriteInput } from './worker-protocol';
import { startWorker } from './worker-start';

export type { Cell } from './worker-protocol';

export interface TableWriterOptions {
  format: 'csv' | 'xlsx';
  header: string[];
  /** XLSX: the sheet's name (default "Sheet1"). */
  sheetName?: string;
  /** 'worker' (default): the file is written on a worker thread; 'inline': on this thread. */
  thread?: 'worker' | 'inline';
}

/**
 * A spreadsheet being written: hand it rows a chunk at a time (each `add` resolves once the
 * writer has taken them, so memory stays at a chunk), then `finish` for the file's bytes.
 * CSV is UTF-8 with a BOM and CRLF; XLSX has a bold header row. Cells are written as given:
 * neutralising formula-like text is the caller's business.
 */
export interface TableWriter {
  add(rows: Cell[][]): Promise<void>;
  finish(): Promise<Buffer>;
  /** Stops the writer and forgets the rows. */
  abort(): Promise<void>;
  readonly thread: 'worker' | 'inline';
}

export function createTableWriter(opts: TableWriterOptions): TableWriter {
  const input: WriteInput = { kind: 'write', format: opts.format, header: opts.header, sheetName: opts.sheetName ?? 'Sheet1' };
  let worker = null;
  if (opts.thread !== 'inline') {
    try {
      worker = startWorker(input);
    } catch {
      worker = null;
    }
  }
  if (!worker) {
    const w = inlineWriter(input.format, input.header, input.sheetName);
    return { thread: 'inline', add: async (rows) => (await w).add(rows), finish: async () => (await w).finish(), abort: async () => undefined };
  }
  const thread = worker;
  const waiting: ((m: FromWorker | Error) => void)[] = [];
  const answer = (m: FromWorker | Error) => waiting.shift()?.(m);
  thread.on('message', (m: FromWorker) => answer(m));
  thread.on('error', (e) => answer(e));
  thread.on('exit', () => answer(new Error('the spreadsheet writer stopped')));
  const ask = (message: object) =>
    new Promise<FromWorker>((resolve, reject) => {
      waiting.push((m) => (m instanceof Error ? reject(m) : m.type === 'error' ? reject(new AppError(m.code, m.message, m.details)) : resolve(m)));
      thread.postMessage(message);
    });
  return {
    thread: 'worker',
    add: async (rows) => {
      await ask({ type: 'add', rows });
    },
    finish: async () => {
      try {
        const m = await ask({ type: 'finish' });
        if (m.type !== 'file') throw new Error(`spreadsheet writer: unexpected ${m.type}`);
        return Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
      } finally {
        void thread.terminate();
      }
    },
    abort: async () => {
      await thread.terminate();
    },
  };
}
