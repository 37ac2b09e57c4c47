import Papa from 'papaparse';
import { AppError } from '../../../contract';
import { LIMITS, type Progress, type Table } from './limits';

const CHUNK_CHARS = 512 * 1024;

const refuse = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_INPUT', message, { reason, ...extra });

/** A batch of a sheet's rows, with the sheet's header (the first row that is not empty). */
export interface TableBatch extends Table {
  delimiter: string;
}

/**
 * CSV text → the header and the rows, a batch at a time: papaparse pauses after each chunk and
 * resumes when the caller asks for the next batch, after a turn of the event loop, so a 50 MB
 * file never blocks the app for long — and an import can write one batch while it reads the
 * next. The delimiter is detected (comma, tab, semicolon, pipe). Broken quoting, giant cells and
 * giant rows refuse the whole file: they mean the file is damaged, and any row after them is
 * suspect.
 */
export async function* csvBatches(text: string, progress: Progress, fileBytes = text.length): AsyncGenerator<TableBatch> {
  const queue: (Papa.ParseResult<string[]> | 'done')[] = [];
  let failure: AppError | null = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  const settle = () => {
    wake?.();
    wake = null;
  };
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';', '|'],
    chunkSize: CHUNK_CHARS,
    skipEmptyLines: false,
    chunk: (results: Papa.ParseResult<string[]>, p: Papa.Parser) => {
      parser = p;
      p.pause();
      queue.push(results);
      settle();
    },
    complete: () => {
      queue.push('done');
      settle();
    },
    error: (error: Error) => {
      failure = refuse('parse', `The CSV could not be read: ${error.message}`);
      settle();
    },
  });

  let records = 0; // records seen so far, the header and empty lines included
  let header: string[] | null = null;
  let delimiter = ',';
  let fed = 0;
  let yielded = false;
  let finished = false;
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const next = queue.shift()!;
      if (next === 'done') {
        finished = true;
        break;
      }
      fed = Math.min(text.length, fed + CHUNK_CHARS);
      delimiter = next.meta.delimiter || delimiter;
      const bad = checkChunk(next, records, fed);
      if (bad) throw bad;
      if (records + next.data.length > LIMITS.maxRows + 1) {
        throw refuse('too_many_rows', `The file has more than ${LIMITS.maxRows} rows; split it into smaller files.`);
      }
      const rows: Table['rows'] = [];
      for (let i = 0; i < next.data.length; i += 1) {
        const cells = next.data[i]!;
        const line = records + i + 1;
        if (!nonEmpty(cells)) continue;
        if (header) rows.push({ line, cells });
        else {
          header = cells.map((h) => h.trim());
          if (header.length > LIMITS.maxColumns) throw refuse('too_many_columns', `The file has ${header.length} columns; at most ${LIMITS.maxColumns} are read.`);
        }
      }
      records += next.data.length;
      if (header && rows.length > 0) {
        yielded = true;
        yield { header, rows, delimiter };
      }
      // Progress in the file's bytes (the text is shorter: a Chinese character is 2–3 bytes).
      await progress.step('parse', Math.round((fed / text.length) * fileBytes), fileBytes, 'bytes');
      (parser as Papa.Parser | null)?.resume();
    }
  } finally {
    // The caller stopped early (an error, a cancel): stop reading too.
    if (!finished) (parser as Papa.Parser | null)?.abort();
  }
  if (!header) throw refuse('empty', 'The file has no rows.');
  // A header and no rows: the mapping step still shows the columns.
  if (!yielded) yield { header, rows: [], delimiter };
}

const nonEmpty = (cells: string[]) => cells.some((c) => c.trim() !== '');

function checkChunk(results: Papa.ParseResult<string[]>, before: number, fed: number): AppError | null {
  const quote = results.errors.find((e) => e.type === 'Quotes');
  if (quote) {
    const row = before + (quote.row ?? 0) + 1;
    return quote.code === 'MissingQuotes'
      ? refuse('truncated', `A quoted cell that starts at row ${row} is never closed: the file is truncated or damaged.`, { row })
      : refuse('malformed', `Row ${row} has a stray quote after a quoted cell: the file is malformed.`, { row });
  }
  // papaparse keeps an unfinished row back for the next chunk; if that grows without end, a
  // quote was opened and never closed, or one row is unreasonably large.
  if (fed - results.meta.cursor > LIMITS.maxRowChars) {
    return refuse('huge_field', `Row ${before + results.data.length + 2} is larger than 1 MB (a quote never closed?): the file is damaged.`);
  }
  for (let r = 0; r < results.data.length; r += 1) {
    const row = results.data[r]!;
    for (let c = 0; c < row.length; c += 1) {
      if (row[c]!.length > LIMITS.maxCellChars) {
        const line = before + r + 1;
        return refuse('huge_field', `The cell at row ${line}, column ${c + 1} is larger than 64 KB: the file is damaged or not a product sheet.`, { row: line, column: c + 1 });
      }
    }
  }
  return null;
}
