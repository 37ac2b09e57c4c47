import { AppError, type ProductHistory, type ProductHistoryRow, type RunSummary } from '../../contract';
import type { HostsDao } from '../hosts/hosts.dao';
import type { ProductsDao } from '../products/products.dao';
import type { ShowsService } from '../shows/shows.service';
import { perMinute } from './model/metrics';
import type { RecapsDao } from './recaps.dao';
import type { RunDigests } from './run-digest';
import type { RunReads } from './run-reads';

export interface ProductHistoryDeps {
  dao: RecapsDao;
  runs: RunReads;
  digests: RunDigests;
  shows: ShowsService;
  products: ProductsDao;
  hosts: HostsDao;
}

const LENGTHS: [string, number][] = [
  ['<5', 5 * 60_000],
  ['5-10', 10 * 60_000],
  ['10-20', 20 * 60_000],
  ['20+', Infinity],
];

/**
 * A product across past shows: for each show it aired in (its cues in a real run) or sold in (a
 * platform sales row matched to it), where it sat in the run order, how long it was on air, at
 * what price, with which host, and what it sold. Then the same grouped by slot, length, price and
 * host, best GMV per minute on air first — what to do with it in the next plan.
 */
export function productHistory(deps: ProductHistoryDeps, productId: string): ProductHistory {
  const product = deps.products.get(productId);
  if (!product) throw new AppError('NOT_FOUND', `No product with id ${productId}`, { id: productId });
  const shows = new Map(deps.shows.list(false).map((s) => [s.id, s]));
  const hostNames = new Map(deps.hosts.list().map((h) => [h.id, h.name]));
  const sales = new Map<string, { gmv: number; units: number | null; orders: number | null; price: number | null }>();
  for (const r of deps.dao.salesOfProduct(productId)) {
    const s = sales.get(r.showId) ?? { gmv: 0, units: null, orders: null, price: null };
    s.gmv += r.gmv;
    if (r.units !== null) s.units = (s.units ?? 0) + r.units;
    if (r.orders !== null) s.orders = (s.orders ?? 0) + r.orders;
    s.price ??= r.price;
    sales.set(r.showId, s);
  }
  const latest = new Map<string, RunSummary>();
  for (const r of deps.runs.allRealRuns()) if (r.startedAt !== null && shows.has(r.showId) && !latest.has(r.showId)) latest.set(r.showId, r);

  const rows: ProductHistoryRow[] = [];
  for (const show of shows.values()) {
    const run = latest.get(show.id);
    const digest = run ? deps.digests.of(run) : null;
    const aired = digest?.products.get(productId);
    const sold = sales.get(show.id);
    if (!aired && !sold) continue;
    const slot = digest ? digest.order.indexOf(productId) : -1;
    const hostIds = aired?.hostIds.length ? aired.hostIds : show.hostIds;
    const onAirMs = aired?.onAirMs ?? 0;
    rows.push({
      showId: show.id,
      title: show.title,
      platform: show.platform,
      startAt: show.startAt,
      hosts: hostIds.map((h) => hostNames.get(h)).filter((n): n is string => !!n),
      slot: slot >= 0 ? slot + 1 : null,
      slots: digest?.order.length ?? 0,
      offsetMs: aired?.firstAt != null && digest?.startedAt != null ? aired.firstAt - digest.startedAt : null,
      onAirMs,
      pitches: aired?.pitches ?? 0,
      price: sold?.price ?? aired?.price ?? null,
      gmv: sold?.gmv ?? null,
      units: sold?.units ?? null,
      orders: sold?.orders ?? null,
      gmvPerMinute: onAirMs > 0 && sold ? perMinute(sold.gmv, onAirMs) : null,
    });
  }
  rows.sort((a, b) => b.startAt - a.startAt);

  const length = (ms: number) => LENGTHS.find(([, max]) => ms < max)![0];
  const slotOf = (r: ProductHistoryRow) => {
    if (r.slot === null || r.slots === 0) return null;
    // Where its slot sits in the run order: the middle of slot k of n is at (k − ½) ÷ n.
    const third = (r.slot - 0.5) / r.slots;
    return third < 1 / 3 ? 'early' : third < 2 / 3 ? 'middle' : 'late';
  };
  return {
    productId,
    title: product.title,
    sku: product.sku,
    shows: rows,
    best: {
      slot: buckets(rows, slotOf),
      length: buckets(rows, (r) => (r.onAirMs > 0 ? length(r.onAirMs) : null)),
      price: buckets(rows, (r) => (r.price === null ? null : String(r.price))),
      host: buckets(rows, (r) => (r.hosts.length ? r.hosts.join(' · ') : null)),
    },
  };
}

/** Shows grouped by a key, counting only those with sales and time on air; best GMV per minute first. */
function buckets(rows: ProductHistoryRow[], keyOf: (r: ProductHistoryRow) => string | null): ProductHistory['best']['slot'] {
  const by = new Map<string, { shows: number; gmv: number; onAirMs: number }>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null || r.gmv === null || r.onAirMs <= 0) continue;
    const b = by.get(key) ?? { shows: 0, gmv: 0, onAirMs: 0 };
    b.shows += 1;
    b.gmv += r.gmv;
    b.onAirMs += r.onAirMs;
    by.set(key, b);
  }
  return [...by]
    .map(([key, b]) => ({ key, ...b, gmvPerMinute: perMinute(b.gmv, b.onAirMs) }))
    .sort((a, b) => (b.gmvPerMinute ?? 0) - (a.gmvPerMinute ?? 0));
}
