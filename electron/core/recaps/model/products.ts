import type { ProductRole, ProductSalesRow, RecapProduct, RunCue } from '../../../contract';
import { commissionOf, marginOf, perMinute, ratio } from './metrics';

export interface CatalogFacts {
  sku: string;
  title: string;
  role: ProductRole;
  livePrice: number;
  /** The product's commission rate as a fraction (the catalog keeps basis points), and its cost price. */
  commissionRate: number | null;
  costPrice: number | null;
}

export interface ProductsInput {
  sales: readonly ProductSalesRow[];
  /** Every cue of the run (inserted ones too), or of the plan when the show has no run. */
  cues: readonly RunCue[];
  airtime: Map<string, { onAirMs: number; cardMs: number; pitches: number }>;
  catalog: Map<string, CatalogFacts>;
}

const sumOf = (rows: readonly ProductSalesRow[], key: 'units' | 'orders' | 'buyers' | 'impressions' | 'clicks' | 'refund') => {
  let total: number | null = null;
  for (const r of rows) if (r[key] !== null) total = (total ?? 0) + r[key]!;
  return total;
};

/** The price a cue sells its product at (a pitch's live price, a flash sale's price). */
function cuePrice(cue: RunCue): number | null {
  if (cue.kind === 'pitch') return cue.livePrice;
  if (cue.kind === 'flash_sale') return cue.price;
  return null;
}

/**
 * One row per product: sales rows matched to a catalog product are summed into it; rows that
 * matched nothing stay on their own (keyed by platform id or title). Every product of the plan
 * is there even without sales, with its time on air. Sorted by GMV, highest first.
 */
export function buildProducts(input: ProductsInput): RecapProduct[] {
  const groups = new Map<string, ProductSalesRow[]>();
  for (const r of input.sales) {
    const key = r.productId ?? (r.platformProductId ? `platform:${r.platformProductId}` : `title:${r.title || r.sku}`);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const planned = new Map<string, number | null>();
  for (const c of input.cues) if (c.productId && !planned.has(c.productId)) planned.set(c.productId, cuePrice(c));
  for (const id of planned.keys()) if (!groups.has(id)) groups.set(id, []);

  const totalGmv = input.sales.reduce((n, r) => n + r.gmv, 0);
  const rows = [...groups].map(([key, sales]): RecapProduct => {
    const productId = sales[0]?.productId ?? (planned.has(key) ? key : null);
    const facts = productId ? input.catalog.get(productId) : undefined;
    const air = productId ? input.airtime.get(productId) : undefined;
    const gmv = sales.length ? sales.reduce((n, r) => n + r.gmv, 0) : null;
    const units = sumOf(sales, 'units');
    const orders = sumOf(sales, 'orders');
    const buyers = sumOf(sales, 'buyers');
    const impressions = sumOf(sales, 'impressions');
    const clicks = sumOf(sales, 'clicks');
    const one = sales.length === 1 ? sales[0]! : null;
    // The platform file's own rate or cost for this show first, else the catalog product's.
    const rate = sales.find((r) => r.commissionRate !== null)?.commissionRate ?? facts?.commissionRate ?? null;
    const cost = sales.find((r) => r.costPrice !== null)?.costPrice ?? facts?.costPrice ?? null;
    const onAirMs = air?.onAirMs ?? 0;
    return {
      key,
      productId,
      sku: facts?.sku ?? (sales.find((r) => r.sku)?.sku || null),
      title: facts?.title ?? sales[0]?.title ?? key,
      role: facts?.role ?? null,
      platformProductId: sales.find((r) => r.platformProductId)?.platformProductId ?? null,
      matchedBy: sales[0]?.matchedBy ?? null,
      rows: sales.map((r) => r.row),
      inPlan: productId !== null && planned.has(productId),
      price: sales.find((r) => r.price !== null)?.price ?? (productId ? (planned.get(productId) ?? facts?.livePrice ?? null) : null),
      gmv,
      units,
      orders,
      buyers,
      impressions,
      clicks,
      // One row: the platform's own rate; several (a product listed twice): recomputed from the sums.
      ctr: one ? (one.ctr ?? ratio(clicks, impressions)) : ratio(clicks, impressions),
      clickToOrder: one ? (one.clickToOrder ?? ratio(buyers ?? orders, clicks)) : ratio(buyers ?? orders, clicks),
      refund: sumOf(sales, 'refund'),
      onAirMs,
      cardMs: air?.cardMs ?? 0,
      pitches: air?.pitches ?? 0,
      gmvPerMinute: onAirMs > 0 ? perMinute(gmv, onAirMs) : null,
      gmvShare: ratio(gmv, totalGmv),
      commissionRate: rate,
      commission: commissionOf(gmv, rate),
      costPrice: cost,
      grossMargin: marginOf(gmv, cost, units),
    };
  });
  return rows.sort((a, b) => (b.gmv ?? -1) - (a.gmv ?? -1) || b.onAirMs - a.onAirMs);
}

/** GMV by product role (引流/福利/利润/主推/常规); rows that matched no product are `unmatched`. */
export function rolesOf(products: readonly RecapProduct[]) {
  const total = products.reduce((n, p) => n + (p.gmv ?? 0), 0);
  const by = new Map<string, { gmv: number; units: number; products: number; onAirMs: number }>();
  for (const p of products) {
    const role = p.role ?? 'unmatched';
    const r = by.get(role) ?? { gmv: 0, units: 0, products: 0, onAirMs: 0 };
    r.gmv += p.gmv ?? 0;
    r.units += p.units ?? 0;
    r.products += 1;
    r.onAirMs += p.onAirMs;
    by.set(role, r);
  }
  const order = ['hero', 'traffic', 'perk', 'profit', 'regular', 'unmatched'] as const;
  return order.filter((role) => by.has(role)).map((role) => ({ role, ...by.get(role)!, share: ratio(by.get(role)!.gmv, total) }));
}
