import type { ProductListInput, ProductSortKey } from '../../../contract';
import { fold } from './text';
import { parseQuery, type Entry, type SearchIndex } from './search-index';

export type ListQuery = Omit<ProductListInput, 'limit' | 'offset'>;

/** Default direction per column: names read A→Z, numbers and dates largest first. */
const DEFAULT_ORDER: Record<ProductSortKey, 'asc' | 'desc'> = {
  updatedAt: 'desc',
  title: 'asc',
  livePrice: 'desc',
  stock: 'desc',
  sku: 'asc',
};

/**
 * Relevance of a match: exact SKU (a scanner or a host reading a label), then SKU prefix, title
 * prefix, title substring, and last a match in another field or by pinyin.
 */
export function relevance(index: SearchIndex, o: number, q: string): number {
  const c = q.charCodeAt(0);
  const sku = index.skus[o]!;
  let best = sku.charCodeAt(0) === c && sku.startsWith(q) ? (sku.length === q.length ? 0 : 1) : 5;
  if (index.hasVariants[o] === 1) {
    for (const s of index.entry(o)!.skus) if (s.charCodeAt(0) === c && s.startsWith(q)) best = Math.min(best, s.length === q.length ? 0 : 1);
  }
  if (best < 5) return best;
  const title = index.titles[o]!;
  if (title.charCodeAt(0) === c && title.startsWith(q)) return 2;
  return title.includes(q) ? 3 : 4;
}

function passes(e: Entry, f: ListQuery, tag: string | null, brand: string | null, shop: string | null): boolean {
  const d = e.doc;
  if (shop !== null && fold(d.shopName) !== shop) return false;
  if (f.archived !== undefined ? d.archived !== f.archived : !f.includeArchived && d.archived) return false;
  if (f.role && d.role !== f.role) return false;
  if (brand !== null && fold(d.brand) !== brand) return false;
  if (tag !== null && !d.tags.some((t) => fold(t) === tag)) return false;
  // Stock null means "not tracked": such a product is sellable, so it counts as in stock.
  if (f.inStock === true && d.stock === 0) return false;
  if (f.inStock === false && d.stock !== 0) return false;
  return true;
}

interface Ranked {
  /** Every match, unordered. */
  all: Int32Array;
  cmp: (a: number, b: number) => number;
  /** The first `sorted.length` matches in order. */
  sorted: Int32Array;
}

/**
 * Matches in display order, one page at a time. Only as many as the page needs are ordered (a
 * bounded heap over the matches), so a one-letter query over 100,000 products does not sort them
 * all; results are cached per index version, so the next page or keystroke is cheap.
 */
export class Ranker {
  private readonly cache = new Map<string, Ranked>();
  private cacheVersion = -1;

  constructor(private readonly index: SearchIndex) {}

  page(f: ListQuery, offset: number, limit: number): { ordinals: Int32Array; total: number } {
    if (this.cacheVersion !== this.index.version) {
      this.cache.clear();
      this.cacheVersion = this.index.version;
    }
    const key = JSON.stringify([f.q?.trim() ?? '', f.includeArchived, f.archived, f.role, f.tag, f.brand, f.shop, f.inStock, f.sort, f.order]);
    let r = this.cache.get(key);
    if (!r) {
      r = this.match(f);
      if (this.cache.size >= 8) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, r);
    }
    const need = Math.min(r.all.length, offset + limit);
    if (r.sorted.length < need) r.sorted = topK(r.all, need, r.cmp);
    return { ordinals: r.sorted.slice(offset, need), total: r.all.length };
  }

  private match(f: ListQuery): Ranked {
    const q = fold(f.q?.trim() ?? '');
    const tokens = q ? parseQuery(q) : [];
    const source = tokens.length > 0 ? this.index.match(tokens) : this.index.alive();
    const tag = f.tag ? fold(f.tag) : null;
    const brand = f.brand ? fold(f.brand) : null;
    const shop = f.shop ? fold(f.shop) : null;
    let all: Int32Array;
    if (!f.role && tag === null && brand === null && shop === null && f.inStock === undefined) {
      // Only the archived rule: answered from a flat array, no product object touched.
      const flags = this.index.archived;
      const want = f.archived === undefined ? (f.includeArchived ? -1 : 0) : f.archived ? 1 : 0;
      if (want === -1) all = source;
      else {
        const kept = new Int32Array(source.length);
        let n = 0;
        for (let i = 0; i < source.length; i += 1) {
          const o = source[i]!;
          if (flags[o] === want) kept[n++] = o;
        }
        all = kept.subarray(0, n);
      }
    } else all = source.filter((o) => passes(this.index.entry(o)!, f, tag, brand, shop));
    return { all, cmp: this.comparator(f, q, tokens.length > 0, all), sorted: new Int32Array(0) };
  }

  /** Compare two ordinals; ties fall back to the ordinal (file order for imports), so pages are stable. */
  private comparator(f: ListQuery, q: string, searched: boolean, all: Int32Array): (a: number, b: number) => number {
    const e = (o: number) => this.index.entry(o)!;
    const updated = this.index.updatedAt;
    if (!f.sort) {
      if (!searched) return (a, b) => updated[b]! - updated[a]! || a - b;
      // Its own array per query: a cached result's comparator keeps using it for later pages.
      const score = new Uint8Array(this.index.ordinalSpace);
      for (let i = 0; i < all.length; i += 1) score[all[i]!] = relevance(this.index, all[i]!, q);
      return (a, b) => score[a]! - score[b]! || updated[b]! - updated[a]! || a - b;
    }
    const sign = (f.order ?? DEFAULT_ORDER[f.sort]) === 'asc' ? 1 : -1;
    const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    switch (f.sort) {
      case 'updatedAt':
        return (a, b) => sign * (updated[a]! - updated[b]!) || a - b;
      case 'livePrice':
        return (a, b) => sign * (e(a).doc.livePrice - e(b).doc.livePrice) || a - b;
      case 'stock':
        return (a, b) => sign * ((e(a).doc.stock ?? -1) - (e(b).doc.stock ?? -1)) || a - b;
      case 'title':
        return (a, b) => sign * text(this.index.titleKey(e(a)), this.index.titleKey(e(b))) || a - b;
      case 'sku':
        return (a, b) => sign * text(this.index.skus[a]!, this.index.skus[b]!) || a - b;
      default:
        f.sort satisfies never;
        return (a, b) => a - b;
    }
  }
}

/** The `k` smallest of `all` under `cmp`, in order: a bounded max-heap, then one small sort. */
export function topK(all: Int32Array, k: number, cmp: (a: number, b: number) => number): Int32Array {
  if (k >= all.length / 4) return all.slice().sort(cmp).subarray(0, k);
  const heap = new Int32Array(k);
  let n = 0;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && cmp(heap[l]!, heap[m]!) > 0) m = l;
      if (r < n && cmp(heap[r]!, heap[m]!) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const x of all) {
    if (n < k) {
      heap[n] = x;
      let i = n++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (cmp(heap[i]!, heap[p]!) <= 0) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (cmp(x, heap[0]!) < 0) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort(cmp);
}
