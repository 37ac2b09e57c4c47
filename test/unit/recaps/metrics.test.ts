import { describe, expect, it } from 'vitest';
import type { RecapProduct, RecapTotals } from '../../../electron/contract';
import { emptyTotals } from '../../../electron/core/recaps/import/read-totals';
import { computeMetrics, gpm, ratio } from '../../../electron/core/recaps/model/metrics';

// Every figure below is worked out by hand in the comment beside it.

function product(over: Partial<RecapProduct>): RecapProduct {
  return {
    key: 'k', productId: null, sku: null, title: 'p', role: null, platformProductId: null, matchedBy: null, rows: [], inPlan: false, price: null,
    gmv: null, units: null, orders: null, buyers: null, impressions: null, clicks: null, ctr: null, clickToOrder: null, refund: null,
    onAirMs: 0, cardMs: 0, pitches: 0, gmvPerMinute: null, gmvShare: null, commissionRate: null, commission: null, costPrice: null, grossMargin: null,
    ...over,
  };
}

const totals: RecapTotals = { ...emptyTotals(), gmv: 1_000_000, orders: 200, buyers: 160, views: 40_000, viewers: 10_000, productClicks: 2_000, refund: 50_000 };
// A: ¥6,000 at 20 % commission = ¥1,200; cost ¥20 × 200 units = ¥4,000 → margin ¥2,000.
const A = product({ key: 'a', gmv: 600_000, units: 200, orders: 120, commissionRate: 0.2, commission: 120_000, costPrice: 2_000, grossMargin: 200_000 });
// B: ¥3,800, no rate, no cost.
const B = product({ key: 'b', gmv: 380_000, units: 95, orders: 80 });

describe('recap metrics', () => {
  it('computes every headline figure from totals, run and products', () => {
    const { metrics, basis, flags } = computeMetrics({
      totals,
      products: [A, B],
      curve: null,
      runDurationMs: 7_500_000, // 2 h 5 min
      plannedLengthMs: 7_200_000, // 2 h
      goalGmv: 800_000,
      goalOrders: 250,
      planAdherence: 0.75,
      unmatched: 0,
    });
    expect(metrics).toMatchObject({
      gmv: 1_000_000, // the platform's total, not the products' ¥9,800
      orders: 200,
      units: 295, // no unit total: 200 + 95 from the products
      buyers: 160,
      gpm: 25_000, // ¥10,000 × 1000 ÷ 40,000 views = ¥250
      aov: 6_250, // ¥10,000 ÷ 160 buyers = ¥62.50
      uvValue: 100, // ¥10,000 ÷ 10,000 viewers = ¥1.00
      viewToOrder: 0.016, // 160 ÷ 10,000
      clickToOrder: 0.08, // 160 ÷ 2,000 product clicks
      refundRate: 0.05, // ¥500 ÷ ¥10,000
      goalAchieved: 1.25, // ¥10,000 ÷ ¥8,000
      ordersGoalAchieved: 0.8, // 200 ÷ 250
      planAdherence: 0.75,
      timeOverPlanMs: 300_000, // 2:05 − 2:00
      durationMs: 7_500_000,
      gmvPerMinute: 8_000, // ¥10,000 ÷ 125 min = ¥80
      commission: 120_000, // A only: B has no rate
      grossMargin: 200_000,
      peakOnline: null,
    });
    expect(basis).toMatchObject({ gmv: 'totals', units: 'products', durationMs: 'run' });
    // ¥10,000 against ¥9,800: 2 % apart, more than the 1 % tolerance.
    expect(flags).toContainEqual({ code: 'gmv_mismatch', values: { totals: 1_000_000, products: 980_000, difference: 20_000 } });
    expect(flags.map((f) => f.code)).toContain('estimates_partial');
    expect(flags.map((f) => f.code)).not.toContain('orders_mismatch'); // 200 vs 200
  });

  it('falls back to the products for GMV and orders, never for buyers or viewers', () => {
    const { metrics, basis } = computeMetrics({ totals: null, products: [A, B], curve: null, runDurationMs: null, plannedLengthMs: 0, goalGmv: null, goalOrders: null, planAdherence: null, unmatched: 2 });
    expect(metrics.gmv).toBe(980_000);
    expect(metrics.orders).toBe(200);
    expect(basis.gmv).toBe('products');
    // Divisors that are missing give null, never 0 or Infinity.
    expect(metrics.buyers).toBeNull();
    expect(metrics.aov).toBeNull();
    expect(metrics.gpm).toBeNull();
    expect(metrics.goalAchieved).toBeNull();
    expect(metrics.timeOverPlanMs).toBeNull();
  });

  it('takes the peak and average from the curve when the totals lack them', () => {
    const curve = { t: [1, 2, 3, 4], online: [100, 300, 250, 150], entries: null, exits: null, gmv: null, resolutionMs: 1 };
    const { metrics, basis } = computeMetrics({ totals: null, products: [], curve, runDurationMs: null, plannedLengthMs: 0, goalGmv: null, goalOrders: null, planAdherence: null, unmatched: 0 });
    expect(metrics.peakOnline).toBe(300);
    expect(metrics.avgOnline).toBe(200); // (100 + 300 + 250 + 150) ÷ 4
    expect(basis.peakOnline).toBe('curve');
  });

  it('divides by views (人次), not viewers, for GPM, and refuses a zero divisor', () => {
    expect(gpm(123_456, 1_000)).toBe(123_456); // ¥1,234.56 per 1,000 views
    expect(gpm(100, 0)).toBeNull();
    expect(ratio(1, 0)).toBeNull();
  });
});
