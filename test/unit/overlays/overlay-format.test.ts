import { describe, expect, it } from 'vitest';
import { clockText, countdownView, discountText, LABELS, moneyParts, moneyText, stockText } from '../../../electron/contract/overlay-format';
import { manualClock } from '../../../electron/core/clock';

describe('overlay text: prices and discounts', () => {
  it('splits prices in minor units, dropping zero fractions and grouping thousands', () => {
    expect(moneyParts(19900, 'CNY')).toEqual({ symbol: '¥', whole: '199', fraction: '' });
    expect(moneyParts(2499, 'USD')).toEqual({ symbol: '$', whole: '24', fraction: '.99' });
    expect(moneyParts(9990, 'CNY')).toEqual({ symbol: '¥', whole: '99', fraction: '.9' });
    expect(moneyText(129_900_05, 'CNY')).toBe('¥129,900.05');
    expect(moneyText(150000, 'JPY')).toBe('¥1,500');
    expect(moneyText(100, 'CHF')).toBe('CHF 1');
  });

  it('shows a discount as 折 or a percentage, never bigger than the real one', () => {
    expect(discountText(29900, 19900, 'zh-CN')).toBe('6.7折'); // 6.655 → 6.7
    expect(discountText(20000, 10000, 'zh-CN')).toBe('5折');
    expect(discountText(3999, 2499, 'en')).toBe('-37%'); // 37.5 → 37
    expect(discountText(10000, 10000, 'en')).toBe('');
    expect(discountText(null, 10000, 'en')).toBe('');
    expect(discountText(10000, 9999, 'zh-CN')).toBe('9.9折');
  });

  it('says stock and sold-out in both languages', () => {
    expect(stockText(12, false, LABELS['zh-CN'])).toBe('仅剩 12 件');
    expect(stockText(0, false, LABELS.en)).toBe('Sold out');
    expect(stockText(5, true, LABELS['zh-CN'])).toBe('已抢光');
    expect(stockText(null, false, LABELS.en)).toBe('');
  });
});

describe('countdown math (server end time, manual clock)', () => {
  it('counts down from the end time, rounding seconds up so 00:00 shows exactly at the end', () => {
    const clock = manualClock();
    const c = { startsAt: clock.now(), endsAt: clock.now() + 300_000, soldOut: false };
    expect(countdownView(c, clock.now())).toMatchObject({ phase: 'running', clock: '05:00', fraction: 1 });
    clock.advance(1);
    expect(countdownView(c, clock.now()).clock).toBe('05:00');
    clock.advance(999);
    expect(countdownView(c, clock.now()).clock).toBe('04:59');
    clock.advance(149_000); // halfway
    expect(countdownView(c, clock.now())).toMatchObject({ clock: '02:30', fraction: 0.5, remainingMs: 150_000 });
    clock.advance(149_999);
    expect(countdownView(c, clock.now())).toMatchObject({ phase: 'running', clock: '00:01' });
    clock.advance(1);
    expect(countdownView(c, clock.now())).toMatchObject({ phase: 'ended', clock: '00:00', fraction: 0, remainingMs: 0 });
    clock.advance(60_000);
    expect(countdownView(c, clock.now())).toMatchObject({ phase: 'ended', remainingMs: 0 });
  });

  it('sold out wins over the time left; hours show when needed', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(countdownView({ startsAt: now, endsAt: now + 10_000, soldOut: true }, now).phase).toBe('soldOut');
    expect(clockText(3_600_000 + 65_000)).toBe('1:01:05');
    expect(clockText(-5)).toBe('00:00');
  });
});
