import type Database from 'better-sqlite3';
import type { ProductFields, ProductVariant } from '../../../contract';
import { newIds } from '../../ids';
import type { ImportItem } from './assemble';

type Scalar = string | number | null;

// Product fields → SQL columns. Prepared statements straight on better-sqlite3: an import
// writes up to hundreds of thousands of rows, and the query builder's per-call cost would be
// most of the time (the benchmark compares this writer with a bare prepared insert).
const list = (v: unknown[]) => (v.length === 0 ? '[]' : JSON.stringify(v));

type Column = { key: keyof ProductFields; name: string; enc: (v: never) => Scalar };
const col = <T>(key: keyof ProductFields, name: string, enc: (v: T) => Scalar = (v) => v as Scalar): Column => ({
  key,
  name,
  enc: enc as (v: never) => Scalar,
});
const json = (key: keyof ProductFields, name: string) => col<unknown[]>(key, name, (v) => list(v));

/** Product fields → SQL columns, in the order create() binds them. */
const COLUMNS: Column[] = [
  col('sku', 'sku'),
  col('title', 'title'),
  col('shortTitle', 'short_title'),
  col('brand', 'brand'),
  col('category', 'category'),
  json('tags', 'tags'),
  col('listPrice', 'list_price'),
  col('livePrice', 'live_price'),
  col('floorPrice', 'floor_price'),
  col('currency', 'currency'),
  col('stock', 'stock'),
  col('limitPerBuyer', 'limit_per_buyer'),
  col('role', 'role'),
  json('sellingPoints', 'selling_points'),
  col('talkingPoints', 'talking_points'),
  json('faq', 'faq'),
  col('link', 'link'),
  col('notes', 'notes'),
  col<boolean>('archived', 'archived', (v) => (v ? 1 : 0)),
  col('barcode', 'barcode'),
];

export interface WriteResult {
  created: number;
  updated: number;
  /** Ids of every product written, for the search index. */
  ids: string[];
}

/** Writes a checked import in ONE transaction: all of it lands, or none of it does. */
export class ImportWriter {
  private readonly insert: Database.Statement;
  private readonly updates = new Map<number, Database.Statement>();
  private readonly deleteVariants: Database.Statement;
  private readonly insertVariant: Database.Statement;
  private readonly deleteImages: Database.Statement;
  private readonly insertImage: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    this.insert = sqlite.prepare(
      `INSERT INTO products (id, ${COLUMNS.map((c) => c.name).join(', ')}, created_at, updated_at) VALUES (?${', ?'.repeat(COLUMNS.length + 2)})`,
    );
    this.deleteVariants = sqlite.prepare('DELETE FROM product_variants WHERE product_id = ?');
    this.insertVariant = sqlite.prepare(
      'INSERT INTO product_variants (product_id, position, sku, title, options, list_price, live_price, stock, barcode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.deleteImages = sqlite.prepare('DELETE FROM product_images WHERE product_id = ?');
    this.insertImage = sqlite.prepare('INSERT INTO product_images (product_id, position, media_hash) VALUES (?, ?, ?)');
  }

  write(items: ImportItem[], now: number): WriteResult {
    const result: WriteResult = { created: 0, updated: 0, ids: [] };
    const run = this.sqlite.transaction(() => {
      const withVariants: [string, ProductVariant[]][] = [];
      const fresh = newIds('prd', items.filter((it) => it.action === 'create').length);
      let next = 0;
      for (const it of items) {
        const id = it.action === 'create' ? fresh[next++]! : it.id;
        if (it.action === 'create') {
          this.create(id, it.fields, now);
          if (it.fields.images.length > 0) this.setImages(id, it.fields.images, false);
          result.created += 1;
        } else {
          this.update(id, it.patch, now);
          if (it.patch.images) this.setImages(id, it.patch.images, true);
          result.updated += 1;
        }
        if (it.variants) withVariants.push([id, it.variants]);
        result.ids.push(id);
      }
      // All old variants go before any new one goes in, so a variant SKU may move between two
      // products of the same file without tripping the unique index half-way.
      for (const [id] of withVariants) this.deleteVariants.run(id);
      for (const [id, variants] of withVariants) {
        variants.forEach((v, position) =>
          this.insertVariant.run(id, position, v.sku, v.title, JSON.stringify(v.options), v.listPrice, v.livePrice, v.stock, v.barcode),
        );
      }
    });
    run.immediate();
    return result;
  }

  /** Spelled out column by column: this line runs once per imported product, so no loops here. */
  private create(id: string, f: ProductFields, now: number): void {
    this.insert.run(
      id, f.sku, f.title, f.shortTitle, f.brand, f.category, list(f.tags), f.listPrice, f.livePrice, f.floorPrice, f.currency,
      f.stock, f.limitPerBuyer, f.role, list(f.sellingPoints), f.talkingPoints, list(f.faq), f.link, f.notes, f.archived ? 1 : 0,
      f.barcode, now, now,
    );
  }

  private update(id: string, patch: Partial<ProductFields>, now: number): void {
    let mask = 0;
    const params: Scalar[] = [];
    for (let i = 0; i < COLUMNS.length; i += 1) {
      const c = COLUMNS[i]!;
      if (patch[c.key] === undefined) continue;
      mask |= 1 << i;
      params.push(c.enc(patch[c.key] as never));
    }
    params.push(now, id);
    let stmt = this.updates.get(mask);
    if (!stmt) {
      const sets = [...COLUMNS.filter((_, i) => mask & (1 << i)).map((c) => `${c.name} = ?`), 'updated_at = ?'].join(', ');
      stmt = this.sqlite.prepare(`UPDATE products SET ${sets} WHERE id = ?`);
      this.updates.set(mask, stmt);
    }
    stmt.run(params);
  }

  private setImages(id: string, images: string[], replace: boolean): void {
    if (replace) this.deleteImages.run(id);
    [...new Set(images)].forEach((hash, position) => this.insertImage.run(id, position, hash));
  }
}
