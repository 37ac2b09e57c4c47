import { asc, eq, sql, type AnyColumn } from 'drizzle-orm';
import { skuKey, type Product, type ProductFields, type ProductVariant } from '../../contract';
import type { Db } from '../../../db/open';
import { productImages, products, productVariants } from '../../../db/schema';
import { variantOwners } from './import/lookups';

type Row = typeof products.$inferSelect;

function toProduct(row: Row, images: string[], variants: ProductVariant[]): Product {
  const { skuKey: _key, ...fields } = row;
  return { ...fields, images, variants };
}

/** An id list as ONE bound parameter, so a read of any page size reuses one prepared statement. */
const inJson = (column: AnyColumn) => sql`${column} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`;

/** SQL access for products. No validation here: the dispatcher and service did it. */
export class ProductsDao {
  // Prepared once: a search result page is read on every keystroke, and building and preparing
  // three fresh statements per page cost more than the search itself (and its garbage made the
  // slow tail).
  private readonly byIds;
  private readonly imagesByIds;
  private readonly variantsByIds;

  constructor(private readonly db: Db) {
    this.byIds = db.select().from(products).where(inJson(products.id)).prepare();
    this.imagesByIds = db
      .select({ productId: productImages.productId, mediaHash: productImages.mediaHash })
      .from(productImages)
      .where(inJson(productImages.productId))
      .orderBy(asc(productImages.productId), asc(productImages.position))
      .prepare();
    this.variantsByIds = db
      .select()
      .from(productVariants)
      .where(inJson(productVariants.productId))
      .orderBy(asc(productVariants.productId), asc(productVariants.position))
      .prepare();
  }

  private imagesFor(ids: string): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const r of this.imagesByIds.all({ ids })) {
      const list = map.get(r.productId);
      if (list) list.push(r.mediaHash);
      else map.set(r.productId, [r.mediaHash]);
    }
    return map;
  }

  private variantsFor(ids: string): Map<string, ProductVariant[]> {
    const map = new Map<string, ProductVariant[]>();
    for (const { productId, position: _p, skuKey: _key, ...v } of this.variantsByIds.all({ ids })) {
      const list = map.get(productId);
      if (list) list.push(v);
      else map.set(productId, [v]);
    }
    return map;
  }

  /** Rows with their images and variants, in the order given. */
  private hydrate(rows: Row[]): Product[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((r) => r.id));
    const images = this.imagesFor(ids);
    const variants = this.variantsFor(ids);
    return rows.map((r) => toProduct(r, images.get(r.id) ?? [], variants.get(r.id) ?? []));
  }

  /** One product, through the prepared statements (a Go that puts a product on air reads it). */
  get(id: string): Product | null {
    return this.getMany([id])[0] ?? null;
  }

  /** The product whose SKU is this one or looks like it (same `skuKey`: ＯＫ１, ok1, OK1). */
  getBySku(sku: string): Product | null {
    const row = this.db.select().from(products).where(eq(products.skuKey, skuKey(sku))).get();
    return row ? this.hydrate([row])[0]! : null;
  }

  /** Products by id, in the order of `ids` (a search result page); missing ids are skipped. */
  getMany(ids: string[]): Product[] {
    if (ids.length === 0) return [];
    const byId = new Map(this.hydrate(this.byIds.all({ ids: JSON.stringify(ids) })).map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id)).filter((p): p is Product => p !== undefined);
  }

  /** Every product in SKU order, a chunk at a time (export). */
  *iterateAll(chunk = 1000): Generator<Product[]> {
    let after = '';
    for (;;) {
      const rows = this.db
        .select()
        .from(products)
        .where(sql`${products.sku} > ${after}`)
        .orderBy(asc(products.sku))
        .limit(chunk)
        .all();
      if (rows.length === 0) return;
      yield this.hydrate(rows);
      after = rows[rows.length - 1]!.sku;
    }
  }

  count(): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(products).get()?.n ?? 0;
  }

  /**
   * Which product owns each of these variant SKUs, or one that looks like it (same `skuKey`), for
   * the cross-product uniqueness rule. Keyed by the SKUs as given.
   */
  variantOwners(skus: string[]): Map<string, string> {
    return variantOwners(this.db.$client, skus);
  }

  insert(id: string, fields: ProductFields, now: number): void {
    const { images, variants, ...rest } = fields;
    this.db.insert(products).values({ ...rest, skuKey: skuKey(rest.sku), id, createdAt: now, updatedAt: now }).run();
    this.setImages(id, images);
    this.setVariants(id, variants);
  }

  update(id: string, patch: Partial<ProductFields>, now: number): boolean {
    const { images, variants, ...rest } = patch;
    const res = this.db
      .update(products)
      .set({ ...rest, ...(rest.sku === undefined ? {} : { skuKey: skuKey(rest.sku) }), updatedAt: now })
      .where(eq(products.id, id))
      .run();
    if (res.changes === 0) return false;
    if (images) this.setImages(id, images);
    if (variants) this.setVariants(id, variants);
    return true;
  }

  delete(id: string): boolean {
    return this.db.delete(products).where(eq(products.id, id)).run().changes > 0;
  }

  private setImages(id: string, images: string[]): void {
    this.db.delete(productImages).where(eq(productImages.productId, id)).run();
    const unique = [...new Set(images)];
    if (unique.length > 0) {
      this.db
        .insert(productImages)
        .values(unique.map((mediaHash, position) => ({ productId: id, position, mediaHash })))
        .run();
    }
  }

  private setVariants(id: string, variants: ProductVariant[]): void {
    this.db.delete(productVariants).where(eq(productVariants.productId, id)).run();
    if (variants.length > 0) {
      this.db
        .insert(productVariants)
        .values(variants.map((v, position) => ({ ...v, skuKey: skuKey(v.sku), productId: id, position })))
        .run();
    }
  }
}
