import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Product, ProductFields } from '../../contract';
import type { Db } from '../../../db/open';
import { productImages, products } from '../../../db/schema';

type Row = typeof products.$inferSelect;

function toProduct(row: Row, images: string[]): Product {
  return { ...row, images };
}

/** SQL access for products. No validation here: the dispatcher and service did it. */
export class ProductsDao {
  constructor(private readonly db: Db) {}

  private imagesFor(ids: string[]): Map<string, string[]> {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    const rows = this.db
      .select()
      .from(productImages)
      .where(inArray(productImages.productId, ids))
      .orderBy(asc(productImages.productId), asc(productImages.position))
      .all();
    for (const r of rows) {
      const list = map.get(r.productId) ?? [];
      list.push(r.mediaHash);
      map.set(r.productId, list);
    }
    return map;
  }

  get(id: string): Product | null {
    const row = this.db.select().from(products).where(eq(products.id, id)).get();
    if (!row) return null;
    return toProduct(row, this.imagesFor([id]).get(id) ?? []);
  }

  getBySku(sku: string): Product | null {
    const row = this.db.select().from(products).where(eq(products.sku, sku)).get();
    if (!row) return null;
    return toProduct(row, this.imagesFor([row.id]).get(row.id) ?? []);
  }

  list(opts: { q?: string; includeArchived?: boolean; limit: number; offset: number }): {
    items: Product[];
    total: number;
  } {
    const where: SQL[] = [];
    if (!opts.includeArchived) where.push(eq(products.archived, false));
    const q = opts.q?.trim();
    if (q) {
      // Plain substring match; the catalog search index (issue 3) replaces this.
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(
        sql`(${products.title} LIKE ${like} ESCAPE '\\' OR ${products.shortTitle} LIKE ${like} ESCAPE '\\' OR ${products.sku} LIKE ${like} ESCAPE '\\' OR ${products.brand} LIKE ${like} ESCAPE '\\' OR ${products.tags} LIKE ${like} ESCAPE '\\')`,
      );
    }
    const cond = where.length > 0 ? and(...where) : undefined;
    const total = this.db.select({ n: sql<number>`count(*)` }).from(products).where(cond).get()?.n ?? 0;
    const rows = this.db
      .select()
      .from(products)
      .where(cond)
      .orderBy(desc(products.updatedAt), asc(products.sku))
      .limit(opts.limit)
      .offset(opts.offset)
      .all();
    const images = this.imagesFor(rows.map((r) => r.id));
    return { items: rows.map((r) => toProduct(r, images.get(r.id) ?? [])), total };
  }

  count(): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(products).get()?.n ?? 0;
  }

  insert(id: string, fields: ProductFields, now: number): void {
    const { images, ...rest } = fields;
    this.db.insert(products).values({ ...rest, id, createdAt: now, updatedAt: now }).run();
    this.setImages(id, images);
  }

  update(id: string, patch: Partial<ProductFields>, now: number): boolean {
    const { images, ...rest } = patch;
    const res = this.db
      .update(products)
      .set({ ...rest, updatedAt: now })
      .where(eq(products.id, id))
      .run();
    if (res.changes === 0) return false;
    if (images) this.setImages(id, images);
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
}
