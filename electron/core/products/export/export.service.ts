import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportFormat, ExportResult, Product } from '../../../contract';
import type { Clock } from '../../clock';
import { minorDigits } from '../import/values';
import type { ProductsDao } from '../products.dao';
import { EXPORT_COLUMNS, type Column } from './columns';
import { neutralise } from './neutralise';

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Cell = string | number | null;

/** Minor units → major units as text, exactly: 1999 CNY → "19.99", 1500 JPY → "1500". */
export function formatMoney(minor: number, currency: string): string {
  const d = minorDigits(currency);
  if (d === 0) return String(minor);
  const s = String(minor).padStart(d + 1, '0');
  return `${s.slice(0, -d)}.${s.slice(-d)}`;
}

/** A product's row, then one row per variant with the product SKU and variant columns. */
function rowsOf(p: Product, csv: boolean): Cell[][] {
  const value = (c: Column, v: string | number | null | undefined): Cell => {
    if (v === null || v === undefined) return null;
    if (c.kind === 'money' && typeof v === 'number') return csv ? formatMoney(v, p.currency) : v / 10 ** minorDigits(p.currency);
    if (typeof v === 'number') return csv ? String(v) : v;
    return neutralise(v);
  };
  const out: Cell[][] = [EXPORT_COLUMNS.map((c) => value(c, c.product?.(p)))];
  for (const v of p.variants) {
    out.push(EXPORT_COLUMNS.map((c) => (c.field === 'sku' ? neutralise(p.sku) : value(c, c.variant?.(v)))));
  }
  return out;
}

/** The catalog as CSV (UTF-8 with BOM, CRLF: what Excel opens without garbling Chinese) or XLSX. */
export async function exportCatalog(
  dao: ProductsDao,
  clock: Clock,
  opts: { format: ExportFormat; includeArchived?: boolean },
): Promise<ExportResult & { bytes: Buffer }> {
  const csv = opts.format === 'csv';
  const rows: Cell[][] = [];
  let count = 0;
  for (const chunk of dao.iterateAll()) {
    for (const p of chunk) {
      if (p.archived && opts.includeArchived === false) continue;
      rows.push(...rowsOf(p, csv));
      count += 1;
    }
    // Give the event loop a turn between chunks of a big catalog.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const header = EXPORT_COLUMNS.map((c) => c.header);
  let bytes: Buffer;
  if (csv) {
    const text = Papa.unparse({ fields: header, data: rows.map((r) => r.map((c) => c ?? '')) }, { newline: '\r\n', quotes: false });
    bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
  } else {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Cuecart';
    const ws = wb.addWorksheet('Products');
    ws.addRow(header);
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  }
  const stamp = new Date(clock.now()).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `cuecart-products-${stamp}.${opts.format}`, mime: MIME[opts.format], count, bytes, contentBase64: '' };
}
