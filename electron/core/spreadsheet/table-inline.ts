import { AppError } from '../../contract/errors';
import { csvRecords } from './csv-records';
import { sniff } from './decode';
import { detectHeaderRow, HEADER_SCAN_ROWS, type HeaderCandidate, type HeaderVocabulary } from './header-detect';
import type { TableRow } from './limits';
import { xlsxRecords } from './xlsx-records';

const refuse = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_INPUT', message, { reason, ...extra });

/** What is known about a table once it is open: everything but the data rows. */
export interface TableMeta {
  format: 'csv' | 'xlsx';
  /** How the bytes were read: utf-8, utf-8-bom, gb18030, utf-16le, utf-16be, or xlsx. */
  encoding: string;
  /** CSV: the detected delimiter. */
  delimiter?: string;
  /** XLSX: every sheet, in tab order, and the one read. */
  sheets: string[];
  sheet?: string;
  /** Size of the file. */
  bytes: number;
  /** The header's spreadsheet row number (1-based, as a spreadsheet app shows it). */
  headerRow: number;
  /** True when detected; false when the caller named the row. */
  headerDetected: boolean;
  /** The row detection chose (the same as headerRow unless the caller named another). */
  detectedHeaderRow: number;
  /** The first rows with their scores: what the user may pick the header from. */
  candidates: HeaderCandidate[];
  /** The header's cells, trimmed. */
  header: string[];
}

export interface InlineOptions {
  sheet?: string;
  headerRow?: number;
  vocabulary: HeaderVocabulary;
  batchRows: number;
}

/** An open table on this thread: its meta, then its data rows in batches, with how far it has read (0–1). */
export interface InlineTable {
  meta: TableMeta;
  rows: AsyncGenerator<TableRow[]>;
  fraction(): number;
  /** Take another of the candidate rows as the header (before reading rows); returns the new meta. */
  useHeaderRow(line: number): TableMeta;
  close(): Promise<void>;
}

/**
 * The whole reading pipeline, on the thread that calls it: decode, parse, find the header, re-batch.
 * The worker thread runs exactly this; the in-process fallback does too, giving the event loop a
 * turn between slices.
 */
export async function openInline(bytes: Buffer, opts: InlineOptions): Promise<InlineTable> {
  const sniffed = sniff(bytes);
  let fraction = 0;
  let delimiter: string | undefined;
  let records: AsyncGenerator<TableRow[]>;
  let format: TableMeta['format'];
  let sheets: string[] = [];
  let sheet: string | undefined;
  if (sniffed.kind === 'xlsx') {
    const x = xlsxRecords(bytes, opts.sheet, opts.batchRows);
    format = 'xlsx';
    sheets = x.sheets;
    sheet = x.sheet;
    records = (async function* () {
      for await (const batch of x.rows) {
        fraction = x.fraction(batch);
        yield batch;
      }
      fraction = 1;
    })();
  } else {
    format = 'csv';
    const csv = csvRecords(sniffed.text);
    records = (async function* () {
      for await (const chunk of csv) {
        delimiter = chunk.delimiter;
        fraction = chunk.fraction;
        if (chunk.rows.length > 0) yield chunk.rows;
      }
      fraction = 1;
    })();
  }

  // The top rows, to find the header in.
  const head: TableRow[] = [];
  let done = false;
  while (head.length < HEADER_SCAN_ROWS && !done) {
    const next = await records.next();
    if (next.done) done = true;
    else for (const r of next.value) head.push(r);
  }
  if (head.length === 0) {
    throw sniffed.kind === 'xlsx' ? refuse('empty', `The sheet "${sheet}" is empty.`) : refuse('empty', 'The file has no rows.');
  }
  const { index: detected, candidates } = detectHeaderRow(head, opts.vocabulary);
  const meta: TableMeta = {
    format,
    encoding: sniffed.kind === 'xlsx' ? 'xlsx' : sniffed.encoding,
    delimiter,
    sheets,
    sheet,
    bytes: bytes.length,
    headerRow: 0,
    headerDetected: true,
    detectedHeaderRow: head[detected]!.line,
    candidates,
    header: [],
  };
  let index = detected;
  let started = false;
  const useHeaderRow = (line: number, detectedByUs: boolean) => {
    if (started) throw new Error('useHeaderRow: the rows are already being read');
    const at = head.findIndex((r) => r.line === line);
    if (at < 0) {
      throw refuse('header_row', `Row ${line} is not one of the first ${HEADER_SCAN_ROWS} rows with content; pick the header among them.`, { headerRow: line });
    }
    index = at;
    meta.headerRow = line;
    meta.headerDetected = detectedByUs;
    meta.header = head[at]!.cells.map((h) => h.trim());
    return meta;
  };
  useHeaderRow(opts.headerRow ?? head[detected]!.line, opts.headerRow === undefined);
  const batchRows = opts.batchRows;
  const rows = (async function* () {
    started = true;
    // Data rows below the header, re-batched to batchRows (CSV chunks hold any number of rows).
    let batch: TableRow[] = head.slice(index + 1);
    for (;;) {
      while (batch.length >= batchRows) {
        yield batch.slice(0, batchRows);
        batch = batch.slice(batchRows);
      }
      if (done) break;
      const next = await records.next();
      if (next.done) done = true;
      else batch = batch.length === 0 ? next.value : batch.concat(next.value);
    }
    if (batch.length > 0) yield batch;
  })();
  return { meta, rows, fraction: () => fraction, useHeaderRow: (line) => useHeaderRow(line, false), close: async () => void (await records.return(undefined)) };
}
