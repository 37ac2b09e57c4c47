import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../electron/core/products/export/export.service';
import { neutralise } from '../../../electron/core/products/export/neutralise';
import { htmlToText, parseBoolean, parseInteger, parseList, parseMoney, parseRole, unmark } from '../../../electron/core/products/import/values';

describe('cell values', () => {
  it('reads prices in major units into exact minor units', () => {
    expect(parseMoney('19.99', 'CNY')).toBe(1999);
    expect(parseMoney('¥1,299.00', 'CNY')).toBe(129900);
    expect(parseMoney('25元', 'CNY')).toBe(2500);
    expect(parseMoney('0.29', 'USD')).toBe(29);
    expect(parseMoney('19.990000000000002', 'CNY')).toBe(1999);
    expect(parseMoney('1500', 'JPY')).toBe(1500);
    expect(() => parseMoney('19.999', 'CNY')).toThrow(/decimals/);
    expect(() => parseMoney('-5', 'CNY')).toThrow(/negative/);
    expect(() => parseMoney('abc', 'CNY')).toThrow(/not a price/);
    expect(formatMoney(1999, 'CNY')).toBe('19.99');
    expect(formatMoney(5, 'CNY')).toBe('0.05');
    expect(formatMoney(1500, 'JPY')).toBe('1500');
  });

  it('reads whole numbers, yes/no, roles and lists', () => {
    expect(parseInteger('1,200')).toBe(1200);
    expect(parseInteger('12.0')).toBe(12);
    expect(parseInteger('5件')).toBe(5);
    expect(() => parseInteger('1.5')).toThrow();
    expect(parseBoolean('是')).toBe(true);
    expect(parseBoolean('FALSE')).toBe(false);
    expect(parseRole('引流款')).toBe('traffic');
    expect(parseRole('Hero')).toBe('hero');
    expect(() => parseRole('vip')).toThrow(/role/);
    expect(parseList('保湿，补水、秋冬')).toEqual(['保湿', '补水', '秋冬']);
    expect(parseList('a, b\nc')).toEqual(['a, b', 'c']);
  });

  it('neutralises formula cells and the importer undoes exactly that', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '\tx', "'quoted", "'=both", 'plain', '面霜']) {
      const out = neutralise(text);
      expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
      expect(unmark(out)).toBe(text);
    }
    expect(unmark("'3212483")).toBe('3212483'); // Shopify's barcode kept as text
    expect(unmark("'90s style")).toBe("'90s style");
  });

  it('turns Shopify HTML bodies into text', () => {
    expect(htmlToText('<p>Soft &amp; warm</p><p>100% cotton&nbsp;tee</p>')).toBe('Soft & warm\n100% cotton tee');
  });
});
