import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
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

/** Longest stretch of row writing between two turns of the event loop (ms). */
const SLICE_MS = 8;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The run sheet as an XLSX workbook: the show's facts on top, then one row per cue with a frozen
 * header, wrapped text and one shade per segment, so it prints and reads on a phone alike.
 * Written with ExcelJS's streaming writer a slice of rows at a time (the zip is compressed by
 * zlib on the thread pool), so a 2,000-cue show does not stall the cues of a running one.
 */
export async function runsheetXlsx(ctx: RunsheetContext): Promise<Buffer> {
  const L = labels(ctx.lang);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => sink.on('end', resolve).on('error', reject));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'Cuecart';
  const facts = headerFacts(ctx);
  const headerRow = 1 + facts.length + 2;
  const ws = wb.addWorksheet(L.sheet, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  const title = ws.addRow([ctx.show.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const [label, value] of facts) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  ws.addRow([]).commit();
  await nextTurn();

  const header = ws.addRow(COLUMNS.map((c) => L.columns[c.key]));
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF3B4252' } };
  });
  header.commit();
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: COLUMNS.length } };
  await nextTurn();
  let sliceStart = performance.now();

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
    row.commit(); // a row with its styles costs a few ms: yield by the clock, not by a count
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  ws.commit(); // the sheet's end, its notes and their drawing
  await nextTurn();
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}

/**
 * Write a three-row sheet through the same streaming path and throw it away. The first run sheet
 * of a process otherwise pays for compiling ExcelJS's writer (about 70 ms of one turn of the
 * event loop): the core does it once, shortly after start, before any show is on air.
 */
export async function warmXlsxWriter(): Promise<void> {
  const sink = new PassThrough();
  sink.resume();
  const done = new Promise<void>((resolve, reject) => sink.on('end', resolve).on('error', reject));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('warm', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  for (let i = 0; i < 3; i += 1) {
    const row = ws.addRow(COLUMNS.map((c) => (c.key === 'price' ? 1 : c.key)));
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEGMENT_FILLS[i % 2]! } };
    });
    row.getCell(8).numFmt = '"¥"#,##0.00';
    row.getCell(1).note = 'warm';
    row.commit();
    await nextTurn();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  ws.commit();
  await wb.commit();
  await done;
}
