import type Database from 'better-sqlite3';
import { skuKey } from '../../contract';

export interface LookAlike {
  table: 'products' | 'product_variants';
  productId: string;
  sku: string;
  /** The product whose SKU has the same key. */
  sameAs: string;
}

/**
 * Fills `sku_key` where it is missing: rows from before the column existed (migration 0003) and
 * rows written by a writer that left it out. Two old SKUs that only look alike (`OK1`, `ok1`)
 * cannot share the unique key: the first keeps it, the other stays unkeyed and is reported. Both
 * rows are kept, and a new look-alike of either is refused as a duplicate.
 */
export class SkuKeys {
  /** Rows known to stay unkeyed (look-alikes), so a check does not redo them every time. */
  private stuck = -1;
  readonly lookAlikes: LookAlike[] = [];
  private readonly countNull;

  constructor(private readonly sqlite: Database.Database) {
    this.countNull = sqlite.prepare(
      'SELECT (SELECT count(*) FROM products WHERE sku_key IS NULL) + (SELECT count(*) FROM product_variants WHERE sku_key IS NULL) AS n',
    );
  }

  /** Key what is unkeyed, if anything new is; cheap when nothing is (two indexed counts). */
  ensure(): LookAlike[] {
    const n = (this.countNull.get() as { n: number }).n;
    if (n === this.stuck) return [];
    return this.fill();
  }

  fill(): LookAlike[] {
    const found: LookAlike[] = [];
    const run = this.sqlite.transaction(() => {
      const owner = this.sqlite.prepare('SELECT id FROM products WHERE sku_key = ?').pluck();
      const setProduct = this.sqlite.prepare('UPDATE products SET sku_key = ? WHERE id = ?');
      const rows = this.sqlite.prepare('SELECT id, sku FROM products WHERE sku_key IS NULL ORDER BY created_at, id').all() as { id: string; sku: string }[];
      for (const r of rows) {
        const key = skuKey(r.sku);
        const other = owner.get(key) as string | undefined;
        if (other === undefined && key !== '') setProduct.run(key, r.id);
        else found.push({ table: 'products', productId: r.id, sku: r.sku, sameAs: other ?? r.id });
      }
      const variantOwner = this.sqlite.prepare('SELECT product_id FROM product_variants WHERE sku_key = ?').pluck();
      const setVariant = this.sqlite.prepare('UPDATE product_variants SET sku_key = ? WHERE product_id = ? AND position = ?');
      const variants = this.sqlite
        .prepare('SELECT product_id AS productId, position, sku FROM product_variants WHERE sku_key IS NULL ORDER BY product_id, position')
        .all() as { productId: string; position: number; sku: string }[];
      for (const v of variants) {
        const key = skuKey(v.sku);
        const other = variantOwner.get(key) as string | undefined;
        if (other === undefined && key !== '') setVariant.run(key, v.productId, v.position);
        else found.push({ table: 'product_variants', productId: v.productId, sku: v.sku, sameAs: other ?? v.productId });
      }
    });
    run.immediate();
    this.stuck = found.length;
    const known = new Set(this.lookAlikes.map((l) => `${l.table}:${l.productId}:${l.sku}`));
    const fresh = found.filter((l) => !known.has(`${l.table}:${l.productId}:${l.sku}`));
    this.lookAlikes.push(...fresh);
    return fresh;
  }
}
