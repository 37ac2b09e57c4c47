import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { sniff } from '../../../electron/core/spreadsheet/decode';
import { crc32Js } from '../../../electron/core/spreadsheet/zip';

const CSV = '商品编码,商品名称,价格,库存\nA-1,玻尿酸保湿面霜 50ml,199.00,10\nA-2,氨基酸洁面乳,9.9,0\n';

function reason(bytes: Buffer): string {
  try {
    sniff(bytes);
  } catch (error) {
    return String((error as { details?: { reason?: string } }).details?.reason);
  }
  return 'accepted';
}

describe('encoding detection (never asked)', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(sniff(Buffer.from(CSV, 'utf8'))).toEqual({ kind: 'csv', text: CSV, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]);
    expect(sniff(bom)).toEqual({ kind: 'csv', text: CSV, encoding: 'utf-8-bom' });
  });

  it('reads GBK and GB18030 bytes as Excel writes them in China', () => {
    expect(sniff(iconv.encode(CSV, 'gbk'))).toEqual({ kind: 'csv', text: CSV, encoding: 'gb18030' });
    const rare = '编码,名称\nB-1,㐀䶵 𠀀 测试\n'; // four-byte GB18030 characters among common ones
    expect(sniff(iconv.encode(`${rare}${CSV}`, 'gb18030'))).toMatchObject({ text: `${rare}${CSV}`, encoding: 'gb18030' });
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    expect(sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV, 'utf16le')]))).toMatchObject({ text: CSV, encoding: 'utf-16le' });
    expect(sniff(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(CSV, 'utf16be')]))).toMatchObject({ text: CSV, encoding: 'utf-16be' });
    expect(sniff(iconv.encode('sku,title\nA,Cream\n', 'utf16le'))).toMatchObject({ encoding: 'utf-16le' });
  });

  it('recognises XLSX by its ZIP signature, and refuses old .xls, PDF and other ZIPs', () => {
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({ kind: 'xlsx' });
    expect(reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('xls');
    expect(reason(Buffer.from('%PDF-1.7\n'))).toBe('binary');
    expect(reason(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe('zip');
  });

  it('refuses binary, empty, wrong-encoding and broken files with a reason', () => {
    expect(reason(Buffer.alloc(0))).toBe('empty');
    expect(reason(Buffer.from([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]))).toBe('binary');
    expect(reason(Buffer.from('sku,title\nA,café crème brûlée\n', 'latin1'))).toBe('encoding');
    expect(reason(iconv.encode('コード,名前\nA,テスト商品です\n', 'shift_jis'))).toBe('encoding');
    expect(reason(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xc3, 0x28])]))).toBe('encoding');
    expect(reason(Buffer.from([0xff, 0xfe, 0x41]))).toBe('truncated');
    expect(reason(Buffer.from('a,b\n\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19'))).toBe('binary');
  });
});

describe('zip checksum', () => {
  it('has a fallback for Node 20 before zlib.crc32 that agrees with zlib', () => {
    const data = Buffer.from('Cuecart 面霜 '.repeat(100));
    expect(crc32Js(data)).toBe(zlib.crc32(data));
    expect(crc32Js(new Uint8Array(0))).toBe(0);
  });
});
