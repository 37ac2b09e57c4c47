import ExcelJS from 'exceljs';
import { AppError } from '../../../contract';
import { LIMITS, type Table } from './limits';
import { checkXlsxZip } from './zip-guard';

const refuse = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_INPUT', message, { reason, ...extra });

/** A cell as the text a person sees: formulas give their cached result, never evaluated. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return String(value.error);
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)) ? '' : cellText(result);
    }
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  }
  return '';
}

/** The first (or the named) sheet of a workbook as a table; header = first non-empty row. */
export async function readXlsx(bytes: Buffer, sheetName?: string): Promise<Table & { sheets: string[]; sheet: string }> {
  checkXlsxZip(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw refuse('xlsx', `The XLSX workbook could not be read: ${(error as Error).message}`);
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.worksheets.find((w) => w.name === sheetName);
  if (!ws) {
    throw sheetName === undefined
      ? refuse('empty', 'The workbook has no sheets.')
      : refuse('sheet', `The workbook has no sheet named "${sheetName}" (it has: ${sheets.join(', ')}).`, { sheets });
  }
  let header: string[] | null = null;
  const rows: Table['rows'] = [];
  let failure: AppError | null = null;
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (failure) return;
    const cells: string[] = [];
    const values = row.values as ExcelJS.CellValue[];
    if (values.length - 1 > LIMITS.maxColumns) {
      failure = refuse('too_many_columns', `Row ${number} has more than ${LIMITS.maxColumns} columns.`);
      return;
    }
    for (let c = 1; c < values.length; c += 1) {
      const text = cellText(values[c]);
      if (text.length > LIMITS.maxCellChars) {
        failure = refuse('huge_field', `The cell at row ${number}, column ${c} is larger than 64 KB: the workbook is damaged or not a product sheet.`, { row: number, column: c });
        return;
      }
      cells.push(text);
    }
    if (!cells.some((c) => c.trim() !== '')) return;
    if (header === null) header = cells.map((h) => h.trim());
    else rows.push({ line: number, cells });
    if (rows.length > LIMITS.maxRows) failure = refuse('too_many_rows', `The sheet has more than ${LIMITS.maxRows} rows; split it.`);
  });
  if (failure) throw failure;
  if (header === null) throw refuse('empty', `The sheet "${ws.name}" is empty.`);
  return { header, rows, sheets, sheet: ws.name };
}
