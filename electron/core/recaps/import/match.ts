import type Database from 'better-sqlite3';
import type { MatchKind } from '../../../contract';
import type { SalesRow } from './read-products';

/** A catalog product as matching sees it. */
export interface MatchCandidate {
  id: string;
  sku: string;
  title: string;
  shortTitle: string;
  link: string;
}

/** Titles compare without case, width, spaces, punctuation and 【promo】 brackets. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The keys a row is remembered under after a match is fixed by hand. */
export function rememberKey(row: { platformProductId: string; title: string; sku: string }): string | null {
  if (row.platformProductId) return `id:${row.platformProductId}`;
  const t = titleKey(row.title || row.sku);
  return t ? `title:${t}` : null;
}

/**
 * Finds the catalog product of each sales row: a match fixed by hand before (by platform id or
 * title), then the SKU (product or variant), then the platform product id (the product's id on
 * that platform, else as a SKU, else in a product link of the show's plan), then the title (the plan's products first: exact, then one
 * containing the other, then the catalog's exact titles). Ambiguous titles stay unmatched.
 */
export class ProductMatcher {
  private readonly bySku: Database.Statement;
  private readonly byVariantSku: Database.Statement;
  private readonly exists: Database.Statement;
  private catalogTitles: Map<string, string[]> | null = null;
  private platformIds: Map<string, string[]> | null = null;
  private readonly planTitles = new Map<string, string[]>();

  constructor(
    private readonly sqlite: Database.Database,
    /** The show's platform: a product's id there (products.platform_ids) is matched first. */
    private readonly platform: string,
    private readonly remembered: Map<string, string>,
    private readonly plan: readonly MatchCandidate[],
  ) {
    this.bySku = sqlite.prepare('SELECT id FROM products WHERE sku = ?');
    this.byVariantSku = sqlite.prepare('SELECT product_id AS id FROM product_variants WHERE sku = ?');
    this.exists = sqlite.prepare('SELECT 1 FROM products WHERE id = ?');
    for (const p of plan) {
      for (const t of new Set([titleKey(p.title), titleKey(p.shortTitle)])) {
        if (!t) continue;
        const list = this.planTitles.get(t) ?? [];
        if (!list.includes(p.id)) list.push(p.id);
        this.planTitles.set(t, list);
      }
    }
  }

  match(row: SalesRow): { productId: string | null; matchedBy: MatchKind | null } {
    const key = rememberKey(row);
    const kept = key ? this.remembered.get(key) : undefined;
    if (kept && this.exists.get(kept)) return { productId: kept, matchedBy: 'remembered' };
    const sku = row.sku && this.skuOwner(row.sku);
    if (sku) return { productId: sku, matchedBy: 'sku' };
    if (row.platformProductId) {
      const owner = this.platformOwner(row.platformProductId) ?? this.skuOwner(row.platformProductId) ?? this.linkOwner(row.platformProductId);
      if (owner) return { productId: owner, matchedBy: 'platform_id' };
    }
    const byTitle = this.titleOwner(row.title);
    if (byTitle) return { productId: byTitle, matchedBy: 'title' };
    return { productId: null, matchedBy: null };
  }

  private skuOwner(sku: string): string | null {
    const row = (this.bySku.get(sku) ?? this.byVariantSku.get(sku)) as { id: string } | undefined;
    return row?.id ?? null;
  }

  /** The product whose id on this platform (products.platform_ids) is the row's; read once per import. */
  private platformOwner(id: string): string | null {
    if (!this.platformIds) {
      this.platformIds = new Map();
      const rows = this.sqlite
        .prepare("SELECT id, json_extract(platform_ids, '$.' || ?) AS pid FROM products WHERE platform_ids != '{}'")
        .all(this.platform) as { id: string; pid: string | null }[];
      for (const r of rows) {
        if (r.pid === null) continue;
        const list = this.platformIds.get(String(r.pid));
        if (list) list.push(r.id);
        else this.platformIds.set(String(r.pid), [r.id]);
      }
    }
    const owners = this.platformIds.get(id);
    return owners?.length === 1 ? owners[0]! : null;
  }

  /** A plan product whose shop link carries the platform id (…?id=3456…, /product/3456). */
  private linkOwner(id: string): string | null {
    if (id.length < 5) return null;
    const re = new RegExp(`(^|[^0-9A-Za-z])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^0-9A-Za-z])`);
    const owners = this.plan.filter((p) => p.link && re.test(p.link));
    return owners.length === 1 ? owners[0]!.id : null;
  }

  private titleOwner(title: string): string | null {
    const t = titleKey(title);
    if (t.length < 2) return null;
    const exact = this.planTitles.get(t);
    if (exact?.length === 1) return exact[0]!;
    // One containing the other: platform titles add selling words ("【直播专享】…"), shop titles drop them.
    const near = new Set<string>();
    for (const [k, ids] of this.planTitles) if (k.length >= 4 && (t.includes(k) || k.includes(t))) ids.forEach((id) => near.add(id));
    if (near.size === 1) return [...near][0]!;
    if (near.size > 1) return null;
    const all = this.catalog().get(t);
    return all?.length === 1 ? all[0]! : null;
  }

  /** Every catalog title, read once per import and only when the plan's products did not do. */
  private catalog(): Map<string, string[]> {
    if (!this.catalogTitles) {
      this.catalogTitles = new Map();
      for (const r of this.sqlite.prepare('SELECT id, title FROM products WHERE archived = 0').iterate() as Iterable<{ id: string; title: string }>) {
        const k = titleKey(r.title);
        const list = this.catalogTitles.get(k);
        if (list) list.push(r.id);
        else this.catalogTitles.set(k, [r.id]);
      }
    }
    return this.catalogTitles;
  }
}
