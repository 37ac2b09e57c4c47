import type { Curve, MetricKey, Metrics, RecapFlag, RecapProduct, RecapTotals } from '../../../contract';

// The recap's figures as pure functions (README "Recap metrics" gives each formula and divisor).
// Money in 分 (rounded to the 分), rates as fractions; anything that cannot be computed is null,
// never 0: a missing divisor is not a zero result.

export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return a / b;
}

const money = (v: number | null) => (v === null ? null : Math.round(v));

/** GPM 千次观看成交金额: GMV per 1,000 views (人次, not 人数, as Douyin computes it). */
export const gpm = (gmv: number | null, views: number | null) => money(ratio(gmv === null ? null : gmv * 1000, views));
/** 客单价: GMV ÷ buyers (成交人数). */
export const aov = (gmv: number | null, buyers: number | null) => money(ratio(gmv, buyers));
/** UV价值: GMV ÷ viewers (观看人数, unique). */
export const uvValue = (gmv: number | null, viewers: number | null) => money(ratio(gmv, viewers));
/** 观看-成交 conversion: buyers ÷ viewers. */
export const viewToOrder = (buyers: number | null, viewers: number | null) => ratio(buyers, viewers);
/** 点击-成交 conversion: buyers ÷ product clicks (商品点击人数). */
export const clickToOrder = (buyers: number | null, clicks: number | null) => ratio(buyers, clicks);
/** Refund rate: refunded amount ÷ GMV. */
export const refundRate = (refund: number | null, gmv: number | null) => ratio(refund, gmv);
/** GMV per minute live (or on air, for a product): GMV ÷ (ms ÷ 60,000). */
export const perMinute = (gmv: number | null, ms: number | null) => money(ratio(gmv, ms === null ? null : ms / 60_000));
/** Estimated commission: GMV × the commission rate. */
export const commissionOf = (gmv: number | null, rate: number | null) => (gmv === null || rate === null ? null : Math.round(gmv * rate));
/** Estimated gross margin: GMV − cost price × units. */
export const marginOf = (gmv: number | null, cost: number | null, units: number | null) => (gmv === null || cost === null || units === null ? null : gmv - cost * units);

function sum(values: (number | null)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

/** Two sources of one figure disagree by more than 1 % of the larger. */
export function disagree(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return false;
  return Math.abs(a - b) > 0.01 * Math.max(Math.abs(a), Math.abs(b));
}

export interface MetricsInput {
  /** The platform's show totals (file, then typed over it), or null. */
  totals: RecapTotals | null;
  products: readonly RecapProduct[];
  curve: Curve | null;
  /** First Go to end (or to now); null without a run. */
  runDurationMs: number | null;
  plannedLengthMs: number;
  goalGmv: number | null;
  goalOrders: number | null;
  planAdherence: number | null;
  /** Sales rows that matched no catalog product. */
  unmatched: number;
}

export interface MetricsResult {
  metrics: Metrics;
  basis: Partial<Record<MetricKey, 'totals' | 'products' | 'curve' | 'run' | 'plan'>>;
  flags: RecapFlag[];
}

/**
 * The headline figures. The platform's show totals come first; a figure they lack is summed from
 * the product rows where a sum means the same thing (GMV, orders, units, refunds) — never buyers
 * or viewers, which products share. Totals and sums that disagree are flagged.
 */
export function computeMetrics(input: MetricsInput): MetricsResult {
  const t = input.totals;
  const basis: MetricsResult['basis'] = {};
  const flags: RecapFlag[] = [];
  const sold = input.products.filter((p) => p.gmv !== null);
  const productSum = {
    gmv: sum(sold.map((p) => p.gmv)),
    orders: sum(sold.map((p) => p.orders)),
    units: sum(sold.map((p) => p.units)),
    refund: sum(sold.map((p) => p.refund)),
  };
  const pick = (key: 'gmv' | 'orders' | 'units' | 'refund') => {
    const fromTotals = t?.[key] ?? null;
    if (fromTotals !== null) {
      basis[key] = 'totals';
      if (key !== 'refund' && disagree(fromTotals, productSum[key])) {
        flags.push({ code: `${key}_mismatch`, values: { totals: fromTotals, products: productSum[key]!, difference: fromTotals - productSum[key]! } });
      }
      return fromTotals;
    }
    if (productSum[key] !== null) basis[key] = 'products';
    return productSum[key];
  };
  const gmv = pick('gmv');
  const orders = pick('orders');
  const units = pick('units');
  const refund = pick('refund');
  const fromTotals = (key: keyof RecapTotals) => {
    const v = t?.[key] ?? null;
    if (v !== null) basis[key as MetricKey] = 'totals';
    return v;
  };
  const buyers = fromTotals('buyers');
  const views = fromTotals('views');
  const viewers = fromTotals('viewers');
  let peakOnline = fromTotals('peakOnline');
  let avgOnline = fromTotals('avgOnline');
  if (input.curve && input.curve.online.length > 0) {
    if (peakOnline === null) {
      peakOnline = Math.max(...input.curve.online);
      basis.peakOnline = 'curve';
    }
    if (avgOnline === null) {
      avgOnline = Math.round(input.curve.online.reduce((a, b) => a + b, 0) / input.curve.online.length);
      basis.avgOnline = 'curve';
    }
  }
  let durationMs = input.runDurationMs;
  if (durationMs !== null) basis.durationMs = 'run';
  else durationMs = fromTotals('durationMs');

  const commissions = sold.map((p) => p.commission).filter((c): c is number => c !== null);
  const margins = sold.map((p) => p.grossMargin).filter((c): c is number => c !== null);
  if ((commissions.length > 0 && commissions.length < sold.length) || (margins.length > 0 && margins.length < sold.length)) {
    flags.push({ code: 'estimates_partial', values: { products: sold.length, withCommission: commissions.length, withCost: margins.length } });
  }
  if (input.unmatched > 0) flags.push({ code: 'unmatched_products', values: { rows: input.unmatched } });

  const metrics: Metrics = {
    gmv,
    orders,
    units,
    buyers,
    views,
    viewers,
    peakOnline,
    aov: aov(gmv, buyers),
    gpm: gpm(gmv, views),
    uvValue: uvValue(gmv, viewers),
    viewToOrder: viewToOrder(buyers, viewers),
    clickToOrder: clickToOrder(buyers, t?.productClicks ?? null),
    refundRate: refundRate(refund, gmv),
    goalAchieved: ratio(gmv, input.goalGmv),
    ordersGoalAchieved: ratio(orders, input.goalOrders),
    planAdherence: input.planAdherence,
    timeOverPlanMs: durationMs === null || input.plannedLengthMs <= 0 ? null : durationMs - input.plannedLengthMs,
    durationMs,
    gmvPerMinute: perMinute(gmv, durationMs),
    commission: commissions.length ? commissions.reduce((a, b) => a + b, 0) : null,
    grossMargin: margins.length ? margins.reduce((a, b) => a + b, 0) : null,
    avgOnline,
    avgWatchMs: fromTotals('avgWatchMs'),
    newFollowers: fromTotals('newFollowers'),
    refund,
  };
  if (metrics.planAdherence !== null) basis.planAdherence = 'run';
  return { metrics, basis, flags };
}
