import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { catalogCsv, generateCatalog, rng } from './catalog-gen';
import { call, FIXTURES, fingerprint, importFile, newCore } from './helpers';
import { buildZip, CONTENT_TYPES } from './zip';

type Case = { name: string; data: Buffer };

/** ≥ 500 broken files made from valid ones: cut, flipped, spliced, mis-encoded, bombed. */
async function brokenFiles(core: Core): Promise<Case[]> {
  const r = rng(20261124);
  const int = (n: number) => Math.floor(r() * n);
  const csv = Buffer.from(catalogCsv(generateCatalog(40, 3)), 'utf8');
  const gbk = iconv.encode(catalogCsv(generateCatalog(40, 4)), 'gbk');
  const shopify = fs.readFileSync(path.join(FIXTURES, 'shopify-product-template.csv'));
  const ours = Buffer.from((await call(core, 'products.export', { format: 'csv' })).contentBase64, 'base64');
  const xlsx = Buffer.from((await call(core, 'products.export', { format: 'xlsx' })).contentBase64, 'base64');
  const seeds = [csv, gbk, shopify, ours, xlsx];
  const cases: Case[] = [];
  const add = (name: string, data: Buffer) => cases.push({ name, data });

  for (let i = 0; i < 120; i += 1) {
    const s = seeds[i % seeds.length]!;
    add(`truncated-${i}`, s.subarray(0, 1 + int(s.length - 1)));
  }
  for (let i = 0; i < 160; i += 1) {
    const s = Buffer.from(i % 3 === 0 ? xlsx : seeds[i % seeds.length]!);
    for (let k = 1 + int(8); k > 0; k -= 1) {
      const at = int(s.length);
      s[at] = s[at]! ^ (1 << int(8));
    }
    add(`bitflip-${i}`, s);
  }
  for (let i = 0; i < 60; i += 1) {
    const s = seeds[i % seeds.length]!;
    const at = int(s.length);
    const junk = Buffer.from(Array.from({ length: 1 + int(64) }, () => int(256)));
    add(`splice-${i}`, i % 2 ? Buffer.concat([s.subarray(0, at), junk, s.subarray(at)]) : Buffer.concat([s.subarray(0, at), s.subarray(at + 1 + int(200))]));
  }
  for (let i = 0; i < 60; i += 1) add(`random-${i}`, Buffer.from(Array.from({ length: 1 + int(i < 50 ? 2000 : 200_000) }, () => int(256))));
  const text = csv.toString('utf8');
  const lines = text.split('\n');
  for (let i = 0; i < 25; i += 1) {
    const copy = [...lines];
    const row = 1 + int(copy.length - 2);
    copy[row] = copy[row]!.replace(/,/, `,"${'长'.repeat(40_000 + int(30_000))}"`.replace('"', i % 2 ? '"' : ''));
    add(`huge-field-${i}`, Buffer.from(copy.join('\n')));
  }
  for (let i = 0; i < 10; i += 1) add(`open-quote-${i}`, Buffer.from(text.replace(/\n([^\n]*)\n/, `\n"$1\n`) + 'x'.repeat(int(2_000_000))));
  const latin = 'SKU,Title,Price\nA-1,Café crème brûlée,12.50\nA-2,Naïve façade,3\nA-3,Smørrebrød,9\n';
  for (const [enc, body] of [['latin1', latin], ['win1252', latin], ['shift_jis', 'コード,名前,価格\nA,テスト商品,100\nB,サンプル,200\n'], ['big5', '編碼,名稱,價格\nA,測試商品,100\n'], ['utf16be', latin], ['utf32le', latin]] as const) {
    for (let i = 0; i < 4; i += 1) add(`encoding-${enc}-${i}`, enc === 'utf32le' ? Buffer.from(`\xff\xfe\x00\x00${latin}`, 'latin1') : iconv.encode(i % 2 ? body : body.repeat(20), enc));
  }
  const sheet = (xml: string) => Buffer.from(`<?xml version="1.0"?><worksheet>${xml}</worksheet>`);
  const parts = (extra: { name: string; data: Buffer; declaredSize?: number }[]) => buildZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, ...extra]);
  for (let i = 0; i < 8; i += 1) {
    add(`zip-bomb-ratio-${i}`, parts([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc((8 + i) * 1024 * 1024, 0x20) }]));
    add(`zip-bomb-lying-${i}`, parts([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x41), declaredSize: 1000 + i }]));
    add(`zip-not-xlsx-${i}`, buildZip([{ name: `notes-${i}.txt`, data: Buffer.from('hello') }]));
    add(`zip-bad-xml-${i}`, parts([{ name: 'xl/worksheets/sheet1.xml', data: sheet('<row><c>'.repeat(1 + i)) }]));
    add(`zip-cut-directory-${i}`, xlsx.subarray(0, xlsx.length - 1 - int(40)));
  }
  for (const [name, data] of [['empty', ''], ['newlines', '\n\n\r\n'], ['header-only', 'SKU,Title,Price\n'], ['no-key', 'a,b,c\n1,2,3\n'], ['nul', 'SKU,Title\nA,\u0000B\n'], ['controls', `SKU,Title\n${'\u0001\u0002\u0003'.repeat(50)}\n`], ['wide', `${Array.from({ length: 600 }, (_, i) => `c${i}`).join(',')}\n`], ['dup-sku', 'SKU,Title,Price\nD,a,1\nD,b,2\n'], ['stray-quote', 'SKU,Title,Price\nQ,"a"b,1\n'], ['xls', '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'], ['pdf', '%PDF-1.4\n']] as const) {
    add(`shape-${name}`, Buffer.from(data, name === 'xls' ? 'latin1' : 'utf8'));
  }
  return cases;
}

describe('importer fuzz: broken files import their valid rows or are refused, never crash', () => {
  it('survives ≥ 500 generated broken files, leaving the catalog untouched whenever it refuses', async () => {
    const core = newCore();
    await importFile(core, 'seed.csv', catalogCsv(generateCatalog(40, 3)));
    const cases = await brokenFiles(core);
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const outcomes: Record<string, number> = {};
    for (const [i, c] of cases.entries()) {
      const before = fingerprint(core);
      const mode = i % 2 ? 'valid' : 'all-or-nothing';
      const r = await importFile(core, `${c.name}.bin`, c.data, mode);
      if (r.ok) {
        const out = r.output as { status: string; refused: { row: number; reason: string }[] };
        expect(['applied', 'refused'], c.name).toContain(out.status);
        for (const row of out.refused) expect(row.reason.length, c.name).toBeGreaterThan(0);
        if (out.status === 'refused') expect(fingerprint(core), c.name).toBe(before);
        outcomes[out.status] = (outcomes[out.status] ?? 0) + 1;
      } else {
        expect(r.error.code, `${c.name}: ${r.error.message}`).toBe('BAD_INPUT');
        expect(r.error.message.length, c.name).toBeGreaterThan(10);
        expect(fingerprint(core), c.name).toBe(before);
        const reason = String(r.error.details?.reason);
        outcomes[reason] = (outcomes[reason] ?? 0) + 1;
      }
    }
    // Each kind of damage met the check meant for it at least once.
    for (const reason of ['truncated', 'binary', 'encoding', 'huge_field', 'zip_bomb', 'damaged', 'not_xlsx', 'xls', 'empty']) {
      expect(outcomes[reason], `${reason} in ${JSON.stringify(outcomes)}`).toBeGreaterThan(0);
    }
  }, 120_000);
});
