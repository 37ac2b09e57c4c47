import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, backoffCeiling, backoffDelay } from '../../../electron/core/obs/backoff';

describe('reconnect backoff', () => {
  it('doubles from 250 ms and caps at 1.5 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffCeiling(n))).toEqual([250, 500, 1000, 1500, 1500, 1500, 1500, 1500]);
  });

  it('jitter only shortens, by at most the jitter share, and never goes below the floor', () => {
    for (let retry = 1; retry <= 12; retry++) {
      const ceiling = backoffCeiling(retry);
      expect(backoffDelay(retry, DEFAULT_BACKOFF, () => 0)).toBe(ceiling);
      expect(backoffDelay(retry, DEFAULT_BACKOFF, () => 1)).toBe(Math.round(ceiling * 0.5));
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(retry, DEFAULT_BACKOFF, Math.random);
        expect(d).toBeGreaterThanOrEqual(Math.round(ceiling * 0.5));
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('spreads clients out (not all the same delay)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(6)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('survives absurd inputs: an all-night outage, zero, negative, out-of-range random', () => {
    expect(backoffDelay(1e9)).toBeLessThanOrEqual(1500);
    expect(Number.isFinite(backoffDelay(Number.MAX_SAFE_INTEGER))).toBe(true);
    expect(backoffCeiling(0)).toBe(250);
    expect(backoffCeiling(-3)).toBe(250);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 7)).toBe(500);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => -1)).toBe(1000);
  });

  it('takes injected timings (tests use tiny ones)', () => {
    const fast = { initialMs: 10, maxMs: 40, factor: 2, jitter: 0 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, fast))).toEqual([10, 20, 40, 40, 40]);
  });
});
