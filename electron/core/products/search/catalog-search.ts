import type Database from 'better-sqlite3';
import type { Product } from '../../../contract';
import { warmPinyin } from './pinyin';
import { Ranker, type ListQuery } from './rank';
import { SearchIndex, type SearchDoc } from './search-index';

export interface SearchStats {
  products: number;
  buildMs: number;
  builds: number;
}

interface DocRow {
  id: string;
  sku: string;
  title: string;
  short_title: string;
  brand: string;
  tags: string;
  shop_name: string;
  platform_ids: string;
  role: string;
  archived: number;
  stock: number | null;
  live_price: number;
  updated_at: number;
}

/** The searched and sorted fields of a product as the index keeps them. */
export function searchDoc(
  p: Pick<Product, keyof Omit<SearchDoc, 'variantSkus' | 'platformIds'>> & { variants: { sku: string }[]; platformIds: Product['platformIds'] },
): SearchDoc {
  return {
    id: p.id,
    sku: p.sku,
    title: p.title,
    shortTitle: p.shortTitle,
    brand: p.brand,
    tags: p.tags,
    shopName: p.shopName,
    variantSkus: p.variants.map((v) => v.sku),
    platformIds: Object.values(p.platformIds).filter((v): v is string => typeof v === 'string'),
    role: p.role,
    archived: p.archived,
    stock: p.stock,
    livePrice: p.livePrice,
    updatedAt: p.updatedAt,
  };
}

/** Rows read per query while building; the build yields whenever a slice has run SLICE_MS. */
const CHUNK = 64;
/** A few ms of building per turn of the event loop: an overlay call never waits behind the index. */
const SLICE_MS = 8;

/**
 * The catalog search, kept beside SQLite. Built on first use (so a small catalog, or a start
 * that never opens the catalog, pays nothing) or warmed after start, a chunk of rows per turn of
 * the event loop so a 100,000-product build never freezes the app; calls that need it wait for
 * it. Then kept current by the products service after each committed write. Large imports drop
 * it instead: one rebuild is cheaper than a hundred thousand single updates.
 */
export class CatalogSearch {
  private index: SearchIndex | null = null;
  private ranker: Ranker | null = null;
  private building: Promise<SearchIndex> | null = null;
  /** During a build: ids already read (edits to others are read fresh from SQLite later). */
  private read: Set<string> | null = null;
  private partial: SearchIndex | null = null;
  private restart = false;
  private readonly stats: SearchStats = { products: 0, buildMs: 0, builds: 0 };

  constructor(private readonly sqlite: Database.Database) {}

  /** Ordered product ids for one page, and how many match in all. */
  async list(query: ListQuery, limit: number, offset: number): Promise<{ ids: string[]; total: number }> {
    const index = await this.ready();
    const { ordinals, total } = this.ranker!.page(query, offset, limit);
    return { ids: Array.from(ordinals, (o) => index.entry(o)!.doc.id), total };
  }

  /** Start building in the background (called after start for big catalogs). */
  warm(): void {
    void this.ready().catch(() => undefined);
  }

  upsert(docs: SearchDoc[]): void {
    if (this.partial) {
      for (const d of docs) if (this.read!.has(d.id)) this.partial.upsert(d);
      return;
    }
    if (this.index) for (const d of docs) this.index.upsert(d);
  }

  remove(id: string): void {
    if (this.partial) {
      if (this.read!.has(id)) this.partial.remove(id);
      return;
    }
    this.index?.remove(id);
  }

  /** Forget everything; the next query rebuilds from SQLite. */
  invalidate(): void {
    this.index = null;
    this.ranker = null;
    if (this.building) this.restart = true;
  }

  /** Drop cached query results (benchmarks time cold queries, as each new keystroke is). */
  clearCaches(): void {
    this.index?.touch();
  }

  info(): SearchStats {
    return { ...this.stats, products: this.index?.size ?? this.stats.products };
  }

  async ready(): Promise<SearchIndex> {
    // Edits leave dead ordinals behind; once they outnumber the living, start afresh.
    if (this.index && this.index.deadCount > Math.max(20_000, this.index.size)) this.invalidate();
    if (this.index) return this.index;
    this.building ??= this.build().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async build(): Promise<SearchIndex> {
    for (;;) {
      const t0 = performance.now();
      this.restart = false;
      warmPinyin();
      const index = new SearchIndex();
      this.partial = index;
      this.read = new Set();
      try {
        const variants = this.sqlite.prepare('SELECT sku FROM product_variants WHERE product_id = ? ORDER BY position').pluck();
        const page = this.sqlite.prepare(
          'SELECT rowid AS r, id, sku, title, short_title, brand, tags, shop_name, platform_ids, role, archived, stock, live_price, updated_at, EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = products.id) AS has_variants FROM products WHERE rowid > ? ORDER BY rowid LIMIT ?',
        );
        let after = 0;
        let slice = performance.now();
        for (;;) {
          const rows = page.all(after, CHUNK) as (DocRow & { r: number; has_variants: number })[];
          for (const r of rows) {
            this.read.add(r.id);
            index.upsert(docOf(r, r.has_variants ? (variants.all(r.id) as string[]) : []), true);
          }
          if (rows.length < CHUNK) break;
          after = rows[rows.length - 1]!.r;
          if (performance.now() - slice < SLICE_MS) continue;
          await new Promise<void>((resolve) => setImmediate(resolve));
          slice = performance.now();
          if (this.restart) break;
        }
      } finally {
        this.partial = null;
        this.read = null;
      }
      if (this.restart) continue;
      this.index = index;
      this.ranker = new Ranker(index);
      this.stats.buildMs = performance.now() - t0;
      this.stats.builds += 1;
      this.stats.products = index.size;
      return index;
    }
  }
}

function docOf(r: DocRow, variantSkus: string[]): SearchDoc {
  return {
    id: r.id,
    sku: r.sku,
    title: r.title,
    shortTitle: r.short_title,
    brand: r.brand,
    tags: parseTags(r.tags),
    shopName: r.shop_name,
    variantSkus,
    platformIds: parseIds(r.platform_ids),
    role: r.role,
    archived: r.archived === 1,
    stock: r.stock,
    livePrice: r.live_price,
    updatedAt: r.updated_at,
  };
}

function parseIds(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? Object.values(v).filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

function parseTags(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
