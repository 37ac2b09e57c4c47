import { describe, expect, it } from 'vitest';
import { InstantReader, instantOf } from '../../../electron/core/recaps/import/time';
import { ValueError, parseCount, parseDuration, parseId, parseMoney, parseNumber, parseRate, unitOf } from '../../../electron/core/recaps/import/values';

// Cells as the platform consoles export them.

describe('recap value parsing', () => {
  it('reads money into 分, exactly', () => {
    expect(parseMoney('¥1,234.50')).toBe(123_450);
    expect(parseMoney('￥1,234.5')).toBe(123_450);
    expect(parseMoney('1.2万')).toBe(1_200_000); // 12,000 yuan
    expect(parseMoney('3.5亿')).toBe(35_000_000_000);
    expect(parseMoney('25元')).toBe(2500);
    expect(parseMoney('0.1')).toBe(10);
    expect(parseMoney('19.990000000000002')).toBe(1999); // an XLSX double
    expect(parseMoney('99-199')).toBe(9900); // a price range: its lower end
    expect(parseMoney('12', unitOf('成交金额（万元）'))).toBe(12_000_000);
    expect(parseMoney('--')).toBeNull();
    expect(parseMoney('')).toBeNull();
    expect(() => parseMoney('abc')).toThrow(ValueError);
    expect(() => parseMoney('-5')).toThrow(/negative/);
  });

  it('reads counts with 万 and thousands separators', () => {
    expect(parseCount('1.2万')).toBe(12_000);
    expect(parseCount('12,345')).toBe(12_345);
    expect(parseCount('３，２００')).toBe(3200); // full-width digits and comma
    expect(parseCount('2.5w')).toBe(25_000);
    expect(parseCount('12k')).toBe(12_000);
    expect(parseCount('1234.6')).toBe(1235);
    expect(parseNumber('-')).toBeNull();
  });

  it('reads rates as fractions', () => {
    expect(parseRate('12.70%')).toBeCloseTo(0.127, 10);
    expect(parseRate('0.127')).toBeCloseTo(0.127, 10);
    expect(parseRate('12.7')).toBeCloseTo(0.127, 10); // above 1 without %: a percentage
    expect(parseRate('100%')).toBe(1);
    expect(parseRate('')).toBeNull();
    expect(() => parseRate('high')).toThrow(ValueError);
  });

  it('reads durations in every spelling', () => {
    expect(parseDuration('2小时3分17秒')).toBe((2 * 3600 + 3 * 60 + 17) * 1000);
    expect(parseDuration('00:05:12')).toBe(312_000);
    expect(parseDuration('05:12')).toBe(312_000);
    expect(parseDuration('1m28s')).toBe(88_000);
    expect(parseDuration('1h 2m')).toBe(3_720_000);
    expect(parseDuration('1分28秒')).toBe(88_000);
    expect(parseDuration('88')).toBe(88_000); // seconds by default
    expect(parseDuration('3.5', unitOf('直播时长(小时)'))).toBe(12_600_000);
    expect(parseDuration('90', unitOf('时长（分钟）'))).toBe(5_400_000);
    expect(() => parseDuration('soon')).toThrow(ValueError);
  });

  it('refuses an id Excel rounded into scientific notation', () => {
    expect(parseId('3701234567890123456')).toBe('3701234567890123456');
    expect(parseId("'3701234567890123456")).toBe('3701234567890123456');
    expect(() => parseId('3.70123E+18')).toThrow(/rounded/);
  });

  it('reads times in the show zone, a time of day on the show day, past midnight onto the next', () => {
    const zone = 'Asia/Shanghai';
    const start = instantOf({ year: 2026, month: 11, day: 20, hour: 22, minute: 0, second: 0 }, zone);
    expect(start).toBe(Date.UTC(2026, 10, 20, 14, 0, 0));
    const r = new InstantReader({ zone, anchor: start });
    expect(r.read('2026/11/20 22:01')).toBe(Date.UTC(2026, 10, 20, 14, 1));
    expect(r.read('2026-11-20 22:01:05')).toBe(Date.UTC(2026, 10, 20, 14, 1, 5));
    const tod = new InstantReader({ zone, anchor: start });
    expect(tod.read('23:59')).toBe(Date.UTC(2026, 10, 20, 15, 59));
    expect(tod.read('00:01')).toBe(Date.UTC(2026, 10, 20, 16, 1)); // the next day
    expect(r.read('1795000000')).toBe(1_795_000_000_000);
    expect(() => r.read('yesterday')).toThrow(ValueError);
  });
});
