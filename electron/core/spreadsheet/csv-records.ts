import Papa from 'papaparse';
import { AppError } from '../../contract/errors';
import { LIMITS, type TableRow } from './limits';

/** Characters handed to papaparse at a time: a few ms of parsing, then a turn of the event loop. */
const CHUNK_CHARS = 256 * 1024;

const refuse = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_INPUT', message, { reason, ...extra });

/** A batch of a CSV's non-empty records, each with its spreadsheet row number. */
export interface CsvChunk {
  rows: TableRow[];
  delimiter: string;
  /** How much of the text has been read, 0–1. */
  fraction: number;
}

/**
 * CSV text → its non-empty records, a chunk at a time: papaparse pauses after each chunk and
 * resumes when the caller asks for the next one, so a 50 MB file never blocks for long. Empty
 * lines are skipped but counted, so `line` is the row number a spreadsheet app shows. The
 * delimiter is detected (comma, tab, semicolon, pipe). Broken quoting, giant cells and giant rows
 * refuse the whole file: they mean the file is damaged, and any row after them is suspect.
 */
export async function* csvRecords(text: string): AsyncGenerator<CsvChunk> {
  const queue: (Papa.ParseResult<string[]> | 'done')[] = [];
  let failure: AppError | null = null;
  let wake: (() => void) | null = null;
  let parser: Papa.Parser | null = null;
  const settle = () => {
    wake?.();
    wake = null;
  };
  Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
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

  let records = 0; // records seen so far, empty lines included
  let delimiter = ',';
  let fed = 0;
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
      const rows: TableRow[] = [];
      for (let i = 0; i < next.data.length; i += 1) {
        const cells = next.data[i]!;
        if (!nonEmpty(cells)) continue;
        const line = records + i + 1;
        if (cells.length > LIMITS.maxColumns) throw refuse('too_many_columns', `Row ${line} has ${cells.length} columns; at most ${LIMITS.maxColumns} are read.`, { row: line });
        rows.push({ line, cells });
      }
      records += next.data.length;
      yield { rows, delimiter, fraction: text.length === 0 ? 1 : fed / text.length };
      (parser as Papa.Parser | null)?.resume();
    }
  } finally {
    // The caller stopped early (an error, a cancel): stop reading too.
    if (!finished) (parser as Papa.Parser | null)?.abort();
  }
}

const nonEmpty = (cells: string[]) => cells.some((c) => c.trim() !== '');

const DELIMITERS = [',', '\t', ';', '|'];

/**
 * The delimiter most of the top records agree on: for each candidate, the top 30 records are
 * parsed (quotes honoured, so a comma or line break inside a quoted cell counts for nothing) and
 * scored by how many share the same number (> 1) of fields; a tie goes to the wider split. Lines
 * above the header (淘宝助理's `version 1.00`, a title) do not sway it the way papaparse's own guess
 * (field-count changes from line to line) can be swayed.
 */
export function guessDelimiter(text: string): string {
  const head = text.slice(0, 64 * 1024);
  let best = ',';
  let bestScore = 0;
  let bestWidth = 0;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const row of Papa.parse<string[]>(head, { delimiter: d, preview: 30, skipEmptyLines: 'greedy' }).data) {
      if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    }
    for (const [width, score] of counts) {
      if (score > bestScore || (score === bestScore && width > bestWidth)) [best, bestScore, bestWidth] = [d, score, width];
    }
  }
  return best;
}

function checkChunk(results: Papa.ParseResult<string[]>, before: number, fed: number): AppError | null {
  const quote = results.errors.find((e) => e.type === 'Quotes');
  if (quote) {
    const row = before + (quote.row ?? 0) + 1;
    return quote.code === 'MissingQuotes'
      ? refuse('truncated', `A quoted cell that starts at row ${row} is never closed: the file is truncated or damaged.`, { row })
      : refuse('malformed', `Row ${row} has a stray quote after a quoted cell: the file is malformed.`, { row });
  }
  // papaparse keeps an unfinished row back for the next chunk; if that grows without end, a
  // quote was opened and never closed, or one row is unreasonably large. That row comes right
  // after the complete ones of this chunk: number before + data.length + 1.
  if (fed - results.meta.cursor > LIMITS.maxRowChars) {
    const row = before + results.data.length + 1;
    return refuse('huge_field', `Row ${row} is larger than 1 MB (a quote never closed?): the file is damaged.`, { row });
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
