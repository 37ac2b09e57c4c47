import type { Worker } from 'node:worker_threads';
import { AppError } from '../../contract/errors';
import type { HeaderVocabulary } from './header-detect';
import type { TableRow } from './limits';
import { openInline, type TableMeta } from './table-inline';
import type { FromWorker, ReadInput } from './worker-protocol';
import { startWorker } from './worker-start';

export type { TableMeta } from './table-inline';

/** Rows per batch unless the caller says otherwise: a few ms of checking on the app's thread. */
export const DEFAULT_BATCH_ROWS = 2000;
/** Batches the worker may parse ahead of the caller: enough to keep both threads busy, a few batches of memory. */
const IN_FLIGHT = 4;
/** From this size on, 'auto' reads on a worker thread. */
export const WORKER_MIN_BYTES = 256 * 1024;

export interface OpenTableOptions {
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
  /** The header's spreadsheet row number when the user picked it; detected otherwise. */
  headerRow?: number;
  /** The header names the caller knows (its presets' columns): the header is the row that knows most. */
  vocabulary: HeaderVocabulary;
  /** Rows per batch (default 2000). */
  batchRows?: number;
  /**
   * 'auto' (default): a worker thread from WORKER_MIN_BYTES up, inline below (a small file reads
   * in a few ms, less than a worker takes to start). 'worker': decode and parse on a worker
   * thread, so the app's event loop stays free. 'inline': on this thread, a slice at a time (also
   * the fallback where a worker cannot start).
   */
  thread?: 'auto' | 'worker' | 'inline';
}

/**
 * An open spreadsheet: what it is (meta: format, encoding, delimiter, sheets, the header row and
 * the rows it could have been), then its data rows a batch at a time. `rows()` may be called once;
 * stop early with `close()` (always call it, it is cheap when done).
 */
export interface TableSource extends TableMeta {
  /**
   * Take another of `candidates` as the header (the user's pick, or one remembered for this
   * layout). Only before `rows()`. Updates header, headerRow and headerDetected.
   */
  useHeaderRow(line: number): Promise<void>;
  rows(): AsyncGenerator<TableRow[]>;
  /** How far the rows handed out so far are into the file, 0–1 (0 when unknown). */
  fraction(): number;
  /** 'worker' or 'inline': where the file is being read. */
  readonly thread: 'worker' | 'inline';
  close(): Promise<void>;
}

/**
 * Opens a CSV (any of the encodings `sniff` knows) or XLSX file from its bytes. Refusals are
 * AppError BAD_INPUT with `details.reason` (see README.md in this folder).
 */
export async function openTable(bytes: Buffer, opts: OpenTableOptions): Promise<TableSource> {
  const batchRows = opts.batchRows ?? DEFAULT_BATCH_ROWS;
  const thread = opts.thread ?? 'auto';
  if (thread === 'worker' || (thread === 'auto' && bytes.length >= WORKER_MIN_BYTES)) {
    const opened = await openOnWorker(bytes, opts, batchRows);
    if (opened) return opened;
  }
  return openSliced(bytes, opts, batchRows);
}

/** In-process: the same pipeline, with a turn of the event loop between batches. */
async function openSliced(bytes: Buffer, opts: OpenTableOptions, batchRows: number): Promise<TableSource> {
  const table = await openInline(bytes, { sheet: opts.sheet, headerRow: opts.headerRow, vocabulary: opts.vocabulary, batchRows });
  const source: TableSource = {
    ...table.meta,
    thread: 'inline',
    fraction: table.fraction,
    useHeaderRow: async (line) => void Object.assign(source, table.useHeaderRow(line)),
    async *rows() {
      for await (const batch of table.rows) {
        yield batch;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    close: async () => {
      await table.rows.return(undefined);
      await table.close();
    },
  };
  return source;
}

/** Opens the file on a worker thread; null when no worker can start (then the caller reads in-process). */
async function openOnWorker(bytes: Buffer, opts: OpenTableOptions, batchRows: number): Promise<TableSource | null> {
  // The worker gets its own copy (transferred, not cloned): the caller keeps its bytes.
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const input: ReadInput = { kind: 'read', bytes: copy, sheet: opts.sheet, headerRow: opts.headerRow, vocabulary: opts.vocabulary.toJSON(), batchRows };
  let worker: Worker | null;
  try {
    worker = startWorker(input, [copy.buffer]);
  } catch {
    return null;
  }
  if (!worker) return null;
  const w = worker;
  const inbox: FromWorker[] = [];
  let waiter: (() => void) | null = null;
  let exited = false;
  let crashed: Error | null = null;
  const wakeUp = () => {
    waiter?.();
    waiter = null;
  };
  w.on('message', (m: FromWorker) => {
    inbox.push(m);
    wakeUp();
  });
  w.on('error', (error) => {
    crashed = error;
    wakeUp();
  });
  w.on('exit', () => {
    exited = true;
    wakeUp();
  });
  const next = async (): Promise<FromWorker | null> => {
    for (;;) {
      const m = inbox.shift();
      if (m) return m;
      if (crashed || exited) return null;
      await new Promise<void>((resolve) => (waiter = resolve));
    }
  };
  const stop = async () => {
    if (!exited) await w.terminate();
  };
  const asError = (m: Extract<FromWorker, { type: 'error' }>) => new AppError(m.code, m.message, m.details);

  const first = await next();
  if (first === null) {
    // It never started (no loader, no file, no threads): read in-process instead.
    await stop();
    return null;
  }
  if (first.type === 'error') {
    await stop();
    throw asError(first);
  }
  if (first.type !== 'meta') {
    await stop();
    throw new Error(`spreadsheet reader: unexpected first message ${first.type}`);
  }
  let fraction = 0;
  const source: TableSource = {
    ...first.meta,
    thread: 'worker',
    fraction: () => fraction,
    async useHeaderRow(line) {
      w.postMessage({ type: 'header', line });
      const m = await next();
      if (m?.type === 'meta') Object.assign(source, m.meta);
      else if (m?.type === 'error') throw asError(m);
      else throw new AppError('INTERNAL', 'The spreadsheet reader stopped.');
    },
    async *rows() {
      // A few batches in flight: the worker parses ahead while this thread checks the last.
      for (let i = 0; i < IN_FLIGHT; i += 1) w.postMessage({ type: 'more' });
      try {
        for (;;) {
          const m = await next();
          if (m === null) throw new AppError('INTERNAL', `The spreadsheet reader stopped: ${(crashed as Error | null)?.message ?? 'it exited'}.`);
          if (m.type === 'end') return;
          if (m.type === 'error') throw asError(m);
          if (m.type !== 'rows') continue;
          fraction = m.fraction;
          w.postMessage({ type: 'more' });
          yield m.rows;
        }
      } finally {
        await stop();
      }
    },
    close: stop,
  };
  return source;
}
