import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { PassThrough } from 'node:stream';
import type { Cell } from './worker-protocol';
import { encodeXstring } from './xstring';

/** Writes a table as CSV (UTF-8 with BOM, CRLF: what Excel opens without garbling Chinese) or XLSX, rows as they come. */
export interface InlineWriter {
  add(rows: Cell[][]): Promise<void>;
  finish(): Promise<Buffer>;
}

export async function inlineWriter(format: 'csv' | 'xlsx', header: string[], sheetName: string): Promise<InlineWriter> {
  if (format === 'csv') return csvWriter(header);
  // Loaded for a workbook only: ExcelJS takes a few hundred ms to load.
  const { default: Excel } = await import('exceljs');
  return xlsxWriter(Excel, header, sheetName);
}

function csvWriter(header: string[]): InlineWriter {
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${Papa.unparse([header], { newline: '\r\n', quotes: false })}\r\n`, 'utf8')];
  return {
    add: async (rows) => {
      if (rows.length === 0) return;
      const text = Papa.unparse(rows.map((r) => r.map((c) => c ?? '')), { newline: '\r\n', quotes: false });
      parts.push(Buffer.from(`${text}\r\n`, 'utf8'));
    },
    finish: async () => Buffer.concat(parts),
  };
}

/** ExcelJS's streaming writer: each row is written out as XML when committed, not kept as an object. */
function xlsxWriter(Excel: typeof ExcelJS, header: string[], sheetName: string): InlineWriter {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (d: Buffer) => parts.push(d));
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  wb.creator = 'Cuecart';
  const ws = wb.addWorksheet(sheetName);
  const head = ws.addRow(header.map(encodeXstring));
  head.font = { bold: true };
  head.commit();
  return {
    add: async (rows) => {
      for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? encodeXstring(c) : c))).commit();
    },
    finish: async () => {
      ws.commit();
      await wb.commit();
      return Buffer.concat(parts);
    },
  };
}
