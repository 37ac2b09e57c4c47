import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { HeaderVocabulary, openTable, type TableSource } from '../../../electron/core/spreadsheet';

const vocabulary = new HeaderVocabulary(['宝贝名称', '宝贝价格', '宝贝数量', '商家编码', '商品名称', '成交金额', 'Room ID', 'GMV']);

async function all(source: TableSource) {
  const rows = [];
  for await (const batch of source.rows()) rows.push(...batch);
  await source.close();
  return rows;
}

async function refusal(p: Promise<unknown>) {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

// 淘宝助理's layout: a version line, the English keys, then the Chinese headers.
const taobao = ['version 1.00', 'title,price,num,outer_id', '宝贝名称,宝贝价格,宝贝数量,商家编码', '玻尿酸面霜,99.00,20,A1', '', '洁面乳,59.00,5,A2'].join('\r\n');

// Worker cases start a thread that loads the sources through tsx: seconds on a busy machine.
describe('openTable: the shared spreadsheet reader', { timeout: 30_000 }, () => {
  for (const thread of ['inline', 'worker'] as const) {
    it(`finds the header below title and key lines, GBK decoded (${thread})`, async () => {
      const source = await openTable(iconv.encode(taobao, 'gbk'), { vocabulary, thread });
      expect(source.thread).toBe(thread);
      expect(source.encoding).toBe('gb18030');
      expect(source.headerRow).toBe(3);
      expect(source.headerDetected).toBe(true);
      expect(source.header).toEqual(['宝贝名称', '宝贝价格', '宝贝数量', '商家编码']);
      expect(source.candidates.map((c) => [c.line, c.score])).toEqual([[1, 0], [2, 0], [3, 4], [4, 0], [6, 0]]);
      // Row numbers are the ones a spreadsheet app shows: the empty line 5 still counts.
      expect(await all(source)).toEqual([
        { line: 4, cells: ['玻尿酸面霜', '99.00', '20', 'A1'] },
        { line: 6, cells: ['洁面乳', '59.00', '5', 'A2'] },
      ]);
    });

    it(`reads UTF-16 tab-separated text and takes a header row the caller picks (${thread})`, async () => {
      const text = taobao.replaceAll(',', '\t');
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
      const source = await openTable(bytes, { vocabulary, thread });
      expect([source.encoding, source.delimiter, source.headerRow]).toEqual(['utf-16le', '\t', 3]);
      await source.useHeaderRow(2);
      expect([source.headerRow, source.headerDetected, source.detectedHeaderRow]).toEqual([2, false, 3]);
      expect(source.header).toEqual(['title', 'price', 'num', 'outer_id']);
      expect((await all(source)).map((r) => r.line)).toEqual([3, 4, 6]);
      const picked = await openTable(bytes, { vocabulary, thread, headerRow: 4 });
      expect(picked.header[0]).toBe('玻尿酸面霜');
      await picked.close();
    });

    it(`streams an XLSX sheet with a period line above the header, in batches (${thread})`, async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('说明').addRow(['not this one']);
      const ws = wb.addWorksheet('performance_detail');
      ws.addRow(['2026-05-01 ~ 2026-05-31']);
      ws.addRow([]);
      ws.addRow(['Room ID', 'GMV', 'Start Time']);
      for (let i = 0; i < 4500; i += 1) ws.addRow([`R${i}`, i * 1.5, new Date(Date.UTC(2026, 4, 1, 20, 30))]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const source = await openTable(bytes, { vocabulary, thread, sheet: 'performance_detail', batchRows: 1000 });
      expect([source.format, source.sheets, source.sheet, source.headerRow]).toEqual(['xlsx', ['说明', 'performance_detail'], 'performance_detail', 3]);
      expect(source.header).toEqual(['Room ID', 'GMV', 'Start Time']);
      const sizes: number[] = [];
      const rows = [];
      for await (const batch of source.rows()) {
        sizes.push(batch.length);
        rows.push(...batch);
      }
      expect(sizes).toEqual([1000, 1000, 1000, 1000, 500]);
      expect(rows[0]).toEqual({ line: 4, cells: ['R0', '0', '2026-05-01 20:30'] });
      expect(rows.at(-1)!.line).toBe(4503);
      expect(source.fraction()).toBe(1);
    });

    it(`refuses damaged files with the row at fault (${thread})`, async () => {
      // Row 4 is 2 MB long (400 cells of 5 KB): that row is named, not the next (issue 11, finding 6).
      const huge = `SKU,Title\nA,ok\nB,ok\nC,${Array.from({ length: 400 }, () => 'y'.repeat(5000)).join(',')}\nD,ok\n`;
      const e = await refusal(openTable(Buffer.from(huge), { vocabulary, thread }).then(all));
      expect(e.details).toMatchObject({ reason: 'huge_field', row: 4 });
      expect(e.message).toContain('Row 4 is larger than 1 MB');
      expect((await refusal(openTable(Buffer.from('SKU,Title\n'), { vocabulary, thread, headerRow: 9 }))).details).toMatchObject({ reason: 'header_row' });
      expect((await refusal(openTable(Buffer.from('\n\n'), { vocabulary, thread }))).details).toMatchObject({ reason: 'empty' });
    });
  }

  it('keeps a text file with a stray NUL character in a cell (the catalog export of such a title)', async () => {
    const source = await openTable(Buffer.from('\ufeffSKU,Title\nA,bad\u0000title\n'), { vocabulary, thread: 'inline' });
    expect(await all(source)).toEqual([{ line: 2, cells: ['A', 'bad\u0000title'] }]);
  });
});
