import type Database from 'better-sqlite3';
import { skuKey } from '../../../contract';
import { storedMediaFile, type MediaRow } from '../../media/media-file';

export interface ExistingProduct {
  id: string;
  currency: string;
  platformIds: Record<string, string>;
}

type ProductRow = { id: string; sku: string; sku_key: string | null; currency: string; platform_ids: string };

/**
 * What the import's checks read from the catalog, in plain SQL on one better-sqlite3 connection:
 * the app's own when the checks run on its thread, the import thread's own otherwise (see
 * import-thread.ts). Reads see the catalog as committed: the import's own writes, held in its
 * open transaction on the writer's connection, are not visible here until the commit.
 */
export class CatalogLookups {
  private all: { exact: Map<string, ProductRow>; byKey: Map<string, ProductRow> } | null = null;
  private readonly one: Database.Statement;
  private readonly media: Database.Statement;

  /** `allAtOnce`: read every product's SKU in one pass (a big file) instead of one query per row. */
  constructor(
    private readonly sqlite: Database.Database,
    private readonly mediaDir: string,
    allAtOnce: boolean,
  ) {
    this.one = sqlite.prepare('SELECT id, currency, platform_ids FROM products WHERE sku = ? OR sku_key = ? ORDER BY sku = ? DESC LIMIT 1');
    this.media = sqlite.prepare('SELECT hash, ext, mime, size FROM media WHERE hash = ?');
    if (allAtOnce) this.all = readAll(sqlite);
  }

  /**
   * The product with this SKU, else the one whose SKU only looks like it (same skuKey: ＯＫ１, ok1,
   * OK1), as every other door compares SKUs. `key` is skuKey(sku) when the caller has it already.
   */
  existing(sku: string, key = skuKey(sku)): ExistingProduct | undefined {
    const r = this.all ? (this.all.exact.get(sku) ?? this.all.byKey.get(key)) : (this.one.get(sku, key, sku) as ProductRow | undefined);
    return r && { id: r.id, currency: r.currency, platformIds: JSON.parse(r.platform_ids) as Record<string, string> };
  }

  /** Which product owns each of these variant SKUs, or one that looks like it, keyed by the SKUs as given. */
  variantOwners(skus: string[]): Map<string, string> {
    return variantOwners(this.sqlite, skus);
  }

  /** True when the media library holds this image (its row and its file). */
  mediaExists(hash: string): boolean {
    if (!/^[a-f0-9]{64}$/.test(hash)) return false;
    return storedMediaFile(this.mediaDir, this.media.get(hash) as MediaRow | undefined) !== null;
  }
}

function readAll(sqlite: Database.Database) {
  const exact = new Map<string, ProductRow>();
  const byKey = new Map<string, ProductRow>();
  for (const r of sqlite.prepare('SELECT id, sku, sku_key, currency, platform_ids FROM products').iterate() as Iterable<ProductRow>) {
    exact.set(r.sku, r);
    if (r.sku_key !== null) byKey.set(r.sku_key, r);
  }
  return { exact, byKey };
}

/**
 * Which product owns each of these variant SKUs, or one that looks like it (same `skuKey`), for
 * the cross-product uniqueness rule. Keyed by the SKUs as given. Plain SQL so that any thread
 * with a connection can ask (the products DAO asks the same way).
 */
export function variantOwners(sqlite: Database.Database, skus: string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  const keys = [...new Set(skus.map(skuKey))];
  for (let i = 0; i < keys.length; i += 500) {
    const part = keys.slice(i, i + 500);
    const rows = sqlite.prepare(`SELECT sku_key AS key, product_id AS productId FROM product_variants WHERE sku_key IN (${part.map(() => '?').join(', ')})`).all(...part) as {
      key: string | null;
      productId: string;
    }[];
    for (const r of rows) if (r.key !== null) byKey.set(r.key, r.productId);
  }
  const out = new Map<string, string>();
  for (const sku of skus) {
    const owner = byKey.get(skuKey(sku));
    if (owner !== undefined) out.set(sku, owner);
  }
  return out;
}
