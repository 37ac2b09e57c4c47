import ExcelJS from 'exceljs';
import { formatClock } from '../../../contract';
import { labels } from './labels';
import { headerFacts, runsheetRows, type RunsheetContext, type RunsheetRow } from './runsheet-model';

/** Columns in the order producers read a run sheet, with widths in characters. */
const COLUMNS: { key: keyof ReturnType<typeof labels>['columns']; width: number }[] = [
  { key: 'time', width: 8 },
  { key: 'duration', width: 8 },
  { key: 'segment', width: 10 },
  { key: 'cue', width: 28 },
  { key: 'kind', width: 9 },
  { key: 'product', width: 28 },
  { key: 'sku', width: 12 },
  { key: 'price', width: 11 },
  { key: 'mechanism', width: 24 },
  { key: 'perk', width: 20 },
  { key: 'talkingPoints', width: 48 },
  { key: 'hosts', width: 14 },
  { key: 'stock', width: 8 },
  { key: 'actions', width: 30 },
  { key: 'notes', width: 30 },
];

const SEGMENT_FILLS = ['FFF3F4F6', 'FFFFFFFF'];

function cellValue(row: RunsheetRow, key: (typeof COLUMNS)[number]['key']): ExcelJS.CellValue {
  switch (key) {
    case 'duration':
      return formatClock(row.durationMs);
    case 'price':
      // A number, so the sheet can sum and sort it; the format shows the currency.
      return row.price === null ? null : row.price / 100;
    case 'stock':
      return row.stock;
    default:
      return row[key];
  }
}

/**
 * The run sheet as an XLSX workbook: the show's facts on top, then one row per cue with a frozen
 * header, wrapped text and one shade per segment, so it prints and reads on a phone alike.
 */
export async function runsheetXlsx(ctx: RunsheetContext): Promise<Buffer> {
  const L = labels(ctx.lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cuecart';
  const ws = wb.addWorksheet(L.sheet, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  ws.addRow([ctx.show.title]).font = { bold: true, size: 14 };
  for (const [label, value] of headerFacts(ctx)) ws.addRow([label, value]).getCell(1).font = { bold: true };
  ws.addRow([]);

  const header = ws.addRow(COLUMNS.map((c) => L.columns[c.key]));
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF3B4252' } };
  });
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: COLUMNS.length } };

  const priceCol = COLUMNS.findIndex((c) => c.key === 'price') + 1;
  let segment: string | null = null;
  let shade = 1;
  for (const r of runsheetRows(ctx)) {
    if (r.segment !== segment) {
      segment = r.segment;
      shade = 1 - shade;
    }
    const row = ws.addRow(COLUMNS.map((c) => cellValue(r, c.key)));
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEGMENT_FILLS[shade]! } };
    });
    const symbol = r.currency === 'CNY' ? '¥' : r.currency === 'USD' ? '$' : `${r.currency} `;
    row.getCell(priceCol).numFmt = `"${symbol}"#,##0.00`;
    if (r.warnings) row.getCell(1).note = r.warnings;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
