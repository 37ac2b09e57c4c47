import type Database from 'better-sqlite3';
import { skuKey, type ProductFields, type ProductVariant } from '../../../contract';
import { newIds } from '../../ids';
import type { ImportItem } from './assemble';

export type Scalar = string | number | null;

const list = (v: unknown[]) => (v.length === 0 ? '[]' : JSON.stringify(v));

type Column = { key: keyof ProductFields; name: string; enc: (v: never) => Scalar };
const col = <T>(key: keyof ProductFields, name: string, enc: (v: T) => Scalar = (v) => v as Scalar): Column => ({
  key,
  name,
  enc: enc as (v: never) => Scalar,
});
const json = (key: keyof ProductFields, name: string) => col<unknown[]>(key, name, (v) => list(v));

/** Product fields → SQL columns, in the order an insert binds them. */
const COLUMNS: Column[] = [
  col('sku', 'sku'),
  // The compared form of the SKU (unique): written with it, so look-alikes cannot slip in by import.
  col<string>('sku', 'sku_key', (v) => skuKey(v)),
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
  col('commissionRate', 'commission_rate'),
  col('couponAmount', 'coupon_amount'),
  col('priceAfterCoupon', 'price_after_coupon'),
  col('shopName', 'shop_name'),
  col<Record<string, string>>('platformIds', 'platform_ids', (v) => JSON.stringify(v)),
  col('costPrice', 'cost_price'),
  col('monthlySales', 'monthly_sales'),
];

/** A run of writes: each row of `rows` runs the statement `sql[which[i]]` (numbered in the order first met). */
export interface WriteBatch {
  /** Statements first used in this batch, in number order. */
  sql: string[];
  which: number[];
  rows: Scalar[][];
}

const INSERT = `INSERT INTO products (id, ${COLUMNS.map((c) => c.name).join(', ')}, created_at, updated_at) VALUES (?${', ?'.repeat(COLUMNS.length + 2)})`;
const DELETE_VARIANTS = 'DELETE FROM product_variants WHERE product_id = ?';
const INSERT_VARIANT = 'INSERT INTO product_variants (product_id, position, sku, sku_key, title, options, list_price, live_price, stock, barcode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const DELETE_IMAGES = 'DELETE FROM product_images WHERE product_id = ?';
const INSERT_IMAGE = 'INSERT INTO product_images (product_id, position, media_hash) VALUES (?, ?, ?)';

/**
 * Checked import items → SQL writes, batch by batch, so they can be run while the rest of the
 * file is still being read (by a worker thread, see write-worker.ts) or all at once in one
 * transaction. Prepared statements straight on better-sqlite3: an import writes up to hundreds
 * of thousands of rows, and the query builder's per-call cost would be most of the time (the
 * benchmark compares this with a bare prepared insert).
 */
export class WritePlan {
  created = 0;
  updated = 0;
  /** Ids of every product written, for the search index. */
  readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly updates = new Map<number, string>();
  private batch: WriteBatch = { sql: [], which: [], rows: [] };
  private readonly withVariants: [string, ProductVariant[]][] = [];

  constructor(private readonly now: number) {}

  add(items: ImportItem[]): void {
    let creates = 0;
    for (const it of items) if (it.action === 'create') creates += 1;
    const fresh = creates > 0 ? newIds('prd', creates) : [];
    let next = 0;
    const insert = this.number(INSERT);
    const { which, rows } = this.batch;
    for (const it of items) {
      let id: string;
      if (it.action === 'create') {
        id = fresh[next++]!;
        const f = it.fields;
        // The Assembler's key, unless the contract's cleaning changed the SKU it keyed.
        const key = f.sku === it.sku ? it.key : skuKey(f.sku);
        // Spelled out column by column: this line runs once per imported product.
        which.push(insert);
        rows.push([
          id, f.sku, key, f.title, f.shortTitle, f.brand, f.category, list(f.tags), f.listPrice, f.livePrice, f.floorPrice, f.currency,
          f.stock, f.limitPerBuyer, f.role, list(f.sellingPoints), f.talkingPoints, list(f.faq), f.link, f.notes, f.archived ? 1 : 0,
          f.barcode, f.commissionRate, f.couponAmount, f.priceAfterCoupon, f.shopName, JSON.stringify(f.platformIds), f.costPrice,
          f.monthlySales, this.now, this.now,
        ]);
        if (f.images.length > 0) this.images(id, f.images, false);
        this.created += 1;
      } else {
        id = it.id;
        this.update(id, it.patch);
        if (it.patch.images) this.images(id, it.patch.images, true);
        this.updated += 1;
      }
      if (it.variants) this.withVariants.push([id, it.variants]);
      this.ids.push(id);
    }
  }

  /**
   * Variants go last: all old variants before any new one goes in, so a variant SKU may move
   * between two products of the same file without tripping the unique index half-way.
   */
  finish(): void {
    for (const [id] of this.withVariants) this.op(DELETE_VARIANTS, [id]);
    for (const [id, variants] of this.withVariants) {
      variants.forEach((v, position) =>
        this.op(INSERT_VARIANT, [id, position, v.sku, skuKey(v.sku), v.title, JSON.stringify(v.options), v.listPrice, v.livePrice, v.stock, v.barcode]),
      );
    }
    this.withVariants.length = 0;
  }

  /** The writes added since the last call. */
  take(): WriteBatch {
    const out = this.batch;
    this.batch = { sql: [], which: [], rows: [] };
    return out;
  }

  private number(sql: string): number {
    let n = this.numbers.get(sql);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(sql, n);
      this.batch.sql.push(sql);
    }
    return n;
  }

  private op(sql: string, params: Scalar[]): void {
    this.batch.which.push(this.number(sql));
    this.batch.rows.push(params);
  }

  private update(id: string, patch: Partial<ProductFields>): void {
    let mask = 0;
    const params: Scalar[] = [];
    for (let i = 0; i < COLUMNS.length; i += 1) {
      const c = COLUMNS[i]!;
      if (patch[c.key] === undefined) continue;
      mask |= 1 << i;
      params.push(c.enc(patch[c.key] as never));
    }
    params.push(this.now, id);
    let sql = this.updates.get(mask);
    if (!sql) {
      const sets = [...COLUMNS.filter((_, i) => mask & (1 << i)).map((c) => `${c.name} = ?`), 'updated_at = ?'].join(', ');
      sql = `UPDATE products SET ${sets} WHERE id = ?`;
      this.updates.set(mask, sql);
    }
    this.op(sql, params);
  }

  private images(id: string, images: string[], replace: boolean): void {
    if (replace) this.op(DELETE_IMAGES, [id]);
    [...new Set(images)].forEach((hash, position) => this.op(INSERT_IMAGE, [id, position, hash]));
  }
}

/** Where a write plan's batches go; nothing is visible to anyone until `commit`. */
export interface WriteSession {
  send(batch: WriteBatch): void;
  /** Writes everything sent, in ONE transaction: all of it lands, or none of it does. */
  commit(): Promise<void>;
  /** Forgets everything sent. */
  rollback(): Promise<void>;
}

/**
 * The in-process session: keeps the batches and runs them all in one synchronous transaction on
 * the app's own connection at commit. For small files (a worker's start-up costs more than their
 * whole write) and wherever the worker cannot start.
 */
export class InlineWriteSession implements WriteSession {
  private readonly batches: WriteBatch[] = [];

  constructor(private readonly sqlite: Database.Database) {}

  send(batch: WriteBatch): void {
    if (batch.which.length > 0 || batch.sql.length > 0) this.batches.push(batch);
  }

  commit(): Promise<void> {
    const statements: Database.Statement[] = [];
    this.sqlite
      .transaction(() => {
        for (const b of this.batches) {
          for (const sql of b.sql) statements.push(this.sqlite.prepare(sql));
          for (let i = 0; i < b.rows.length; i += 1) statements[b.which[i]!]!.run(b.rows[i]!);
        }
      })
      .immediate();
    this.batches.length = 0;
    return Promise.resolve();
  }

  rollback(): Promise<void> {
    this.batches.length = 0;
    return Promise.resolve();
  }
}
