import type { ExportFormat, ExportResult, Product } from '../../../contract';
import type { Clock } from '../../clock';
import { createTableWriter } from '../../spreadsheet/table-writer';
import { minorDigits } from '../import/values';
import type { ProductsDao } from '../products.dao';
import { EXPORT_COLUMNS, type Column } from './columns';
import { neutralise } from './neutralise';

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Cell = string | number | null;

/** Products read, turned into rows and handed to the writer at a time: a few ms of this thread each. */
const EXPORT_CHUNK = 250;

/** Minor units → major units as text, exactly: 1999 CNY → "19.99", 1500 JPY → "1500". */
export function formatMoney(minor: number, currency: string): string {
  const d = minorDigits(currency);
  if (d === 0) return String(minor);
  const s = String(minor).padStart(d + 1, '0');
  return `${s.slice(0, -d)}.${s.slice(-d)}`;
}

/** Basis points → a percentage as text, exactly: 2000 → "20", 1250 → "12.5", 5 → "0.05". */
export function formatPercent(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** A product's row, then one row per variant with the product SKU and variant columns. */
function rowsOf(p: Product, csv: boolean): Cell[][] {
  const value = (c: Column, v: string | number | null | undefined): Cell => {
    if (v === null || v === undefined) return null;
    if (c.kind === 'money' && typeof v === 'number') return csv ? formatMoney(v, p.currency) : v / 10 ** minorDigits(p.currency);
    if (c.kind === 'percent' && typeof v === 'number') return csv ? formatPercent(v) : v / 100;
    if (typeof v === 'number') return csv ? String(v) : v;
    return neutralise(v);
  };
  const out: Cell[][] = [EXPORT_COLUMNS.map((c) => value(c, c.product?.(p)))];
  for (const v of p.variants) {
    out.push(EXPORT_COLUMNS.map((c) => (c.field === 'sku' ? neutralise(p.sku) : value(c, c.variant?.(v)))));
  }
  return out;
}

/**
 * The catalog as CSV (UTF-8 with BOM, CRLF: what Excel opens without garbling Chinese) or XLSX.
 * Products are read a chunk at a time here; the file is written on the spreadsheet worker thread
 * (CSV text, or XLSX through ExcelJS's streaming writer), so a 200,000-product export never
 * stops the show (issue 11).
 */
export async function exportCatalog(
  dao: ProductsDao,
  clock: Clock,
  opts: { format: ExportFormat; includeArchived?: boolean; thread?: 'worker' | 'inline' },
): Promise<ExportResult & { bytes: Buffer }> {
  const csv = opts.format === 'csv';
  const writer = createTableWriter({ format: opts.format, header: EXPORT_COLUMNS.map((c) => c.header), sheetName: 'Products', thread: opts.thread });
  let count = 0;
  let bytes: Buffer;
  try {
    for (const chunk of dao.iterateAll(EXPORT_CHUNK)) {
      const rows: Cell[][] = [];
      for (const p of chunk) {
        if (p.archived && opts.includeArchived === false) continue;
        for (const r of rowsOf(p, csv)) rows.push(r);
        count += 1;
      }
      await writer.add(rows);
      // Give the event loop a turn between chunks of a big catalog.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    bytes = await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const stamp = new Date(clock.now()).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `cuecart-products-${stamp}.${opts.format}`, mime: MIME[opts.format], count, bytes, contentBase64: '' };
}
