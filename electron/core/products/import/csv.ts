import Papa from 'papaparse';
import { AppError } from '../../../contract';
import { LIMITS, type Progress, type Table } from './limits';

const CHUNK_CHARS = 512 * 1024;

const refuse = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_INPUT', message, { reason, ...extra });

/**
 * CSV text → table, a chunk at a time: papaparse pauses after each chunk and we resume on the
 * next turn of the event loop, so a 50 MB file never blocks the app for long. The delimiter is
 * detected (comma, tab, semicolon, pipe). Broken quoting, giant cells and giant rows refuse the
 * whole file: they mean the file is damaged, and any row after them is suspect.
 */
export async function parseCsv(text: string, progress: Progress): Promise<Table & { delimiter: string }> {
  const records: string[][] = [];
  let delimiter = ',';
  let fed = 0;
  let failure: AppError | null = null;

  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimitersToGuess: [',', '\t', ';', '|'],
      chunkSize: CHUNK_CHARS,
      skipEmptyLines: false,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        fed = Math.min(text.length, fed + CHUNK_CHARS);
        delimiter = results.meta.delimiter || delimiter;
        failure = checkChunk(results, records.length, fed);
        if (!failure) {
          for (const row of results.data) records.push(row);
          if (records.length > LIMITS.maxRows + 1) {
            failure = refuse('too_many_rows', `The file has more than ${LIMITS.maxRows} rows; split it into smaller files.`);
          }
        }
        if (failure) {
          parser.abort();
          return;
        }
        parser.pause();
        progress.step('parse', fed, text.length).then(
          () => parser.resume(),
          (error: unknown) => {
            failure = error instanceof AppError ? error : refuse('parse', String(error));
            parser.abort();
            // abort() after pause() does not call complete: settle here.
            resolve();
          },
        );
      },
      complete: () => resolve(),
      error: (error: Error) => reject(refuse('parse', `The CSV could not be read: ${error.message}`)),
    });
  });
  if (failure) throw failure;

  const nonEmpty = (cells: string[]) => cells.some((c) => c.trim() !== '');
  const headerIndex = records.findIndex(nonEmpty);
  if (headerIndex < 0) throw refuse('empty', 'The file has no rows.');
  const header = records[headerIndex]!.map((h) => h.trim());
  if (header.length > LIMITS.maxColumns) throw refuse('too_many_columns', `The file has ${header.length} columns; at most ${LIMITS.maxColumns} are read.`);
  const rows: Table['rows'] = [];
  for (let i = headerIndex + 1; i < records.length; i += 1) {
    if (nonEmpty(records[i]!)) rows.push({ line: i + 1, cells: records[i]! });
  }
  return { header, rows, delimiter };
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
