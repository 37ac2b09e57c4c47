import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from '../../contract/errors';
import { LIMITS, type TableRow } from './limits';
import { decodeXstring } from './xstring';
import { centralDirectory, checkXlsxZip, readEntry } from './zip';

const refuse = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_INPUT', message, { reason, ...extra });

/** A cell as the text a person sees: formulas give their cached result, never evaluated. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeXstring(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return decodeXstring(value.richText.map((r) => r.text).join(''));
    if ('error' in value) return String(value.error);
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)) ? '' : cellText(result);
    }
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  }
  return '';
}

/** Excel dates have no zone: ExcelJS hands them out as UTC. A date alone stays a date; a time keeps its minutes. */
function dateText(d: Date): string {
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, d.getUTCSeconds() === 0 ? 16 : 19)}`;
}

/** The workbook's sheet names in tab order, read from xl/workbook.xml without loading the sheets. */
export function xlsxSheetNames(bytes: Buffer): string[] {
  const entry = centralDirectory(bytes).find((e) => e.name === 'xl/workbook.xml');
  if (!entry) throw refuse('not_xlsx', 'This ZIP file is not an Excel workbook (no xl/workbook.xml).');
  const xml = readEntry(bytes, entry).toString('utf8');
  const names: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)) names.push(unescapeXml(m[1]!));
  return names;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : XML_ENTITIES[e]!,
  );
}

export interface XlsxOpened {
  sheets: string[];
  sheet: string;
  rows: AsyncGenerator<TableRow[]>;
  /** How far a batch is into the sheet, 0–1 (from the sheet's declared dimension). */
  fraction(batch: TableRow[]): number;
}

/** The last row number the sheet declares (`<dimension ref="A1:K200001"/>`), or 0 if it does not say. */
function declaredRows(bytes: Buffer, sheetIndex: number): number {
  const entries = centralDirectory(bytes);
  const text = (name: string) => {
    const e = entries.find((x) => x.name === name);
    return e ? readEntry(bytes, e).toString('utf8') : '';
  };
  const workbook = text('xl/workbook.xml');
  const ids = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]*)"/g)].map((m) => m[1]);
  const rels = text('xl/_rels/workbook.xml.rels');
  const id = ids[sheetIndex]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rel = id ? new RegExp(`<Relationship\\b[^>]*?Id="${id}"[^>]*?Target="([^"]*)"|<Relationship\\b[^>]*?Target="([^"]*)"[^>]*?Id="${id}"`).exec(rels) : null;
  const target = rel ? (rel[1] ?? rel[2])! : `worksheets/sheet${sheetIndex + 1}.xml`;
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const e = entries.find((x) => x.name === part);
  if (!e) return 0;
  const head = readEntry(bytes, e).subarray(0, 4096).toString('utf8');
  const m = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
  return m ? Number(m[1]) : 0;
}

/**
 * A sheet's non-empty rows, streamed: ExcelJS's streaming reader walks the sheet's XML and hands
 * out rows as it goes, so memory holds the file, the shared strings and one batch — never the
 * whole workbook as objects (a 200,000-row sheet loaded whole took about 1 GB). The archive is
 * checked first (zip bombs, lying sizes, CRCs). `line` is the row number Excel shows.
 */
export function xlsxRecords(bytes: Buffer, sheetName: string | undefined, batchRows: number): XlsxOpened {
  checkXlsxZip(bytes);
  const sheets = xlsxSheetNames(bytes);
  if (sheets.length === 0) throw refuse('empty', 'The workbook has no sheets.');
  const sheet = sheetName ?? sheets[0]!;
  const index = sheets.indexOf(sheet);
  if (index < 0) throw refuse('sheet', `The workbook has no sheet named "${sheetName}" (it has: ${sheets.join(', ')}).`, { sheets });
  const total = declaredRows(bytes, index);
  return {
    sheets,
    sheet,
    rows: walk(bytes, sheet, index, batchRows),
    fraction: (batch) => (total > 0 && batch.length > 0 ? Math.min(1, batch[batch.length - 1]!.line / total) : 0),
  };
}

async function* walk(bytes: Buffer, sheet: string, index: number, batchRows: number): AsyncGenerator<TableRow[]> {
  // Loaded when a workbook comes: ExcelJS takes a few hundred ms to load, a CSV never needs it.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // dates are numbers with a date format: without styles they read as numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let position = 0;
  let found = false;
  let count = 0;
  try {
    for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>) {
      const mine = ws.name !== undefined ? ws.name === sheet : position === index;
      position += 1;
      if (!mine || found) {
        for await (const _row of ws) void _row; // another sheet: read past it
        continue;
      }
      found = true;
      let batch: TableRow[] = [];
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const number = row.number;
        if (values.length - 1 > LIMITS.maxColumns) throw refuse('too_many_columns', `Row ${number} has more than ${LIMITS.maxColumns} columns.`, { row: number });
        const cells: string[] = [];
        let any = false;
        for (let c = 1; c < values.length; c += 1) {
          const text = cellText(values[c]);
          if (text.length > LIMITS.maxCellChars) {
            throw refuse('huge_field', `The cell at row ${number}, column ${c} is larger than 64 KB: the workbook is damaged or not a product sheet.`, { row: number, column: c });
          }
          if (!any && text.trim() !== '') any = true;
          cells.push(text);
        }
        if (!any) continue;
        count += 1;
        if (count > LIMITS.maxRows + 1) throw refuse('too_many_rows', `The sheet has more than ${LIMITS.maxRows} rows; split it.`);
        batch.push({ line: number, cells });
        if (batch.length >= batchRows) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('xlsx', `The XLSX workbook could not be read: ${(error as Error).message}`);
  }
  if (!found) throw refuse('empty', `The sheet "${sheet}" could not be found in the workbook.`);
}
