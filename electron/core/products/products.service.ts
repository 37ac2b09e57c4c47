import type Database from 'better-sqlite3';
import {
  AppError,
  skuKey,
  type Product,
  type ProductFields,
  type ProductListInput,
  type ProductUpdateInput,
  type ProductVariant,
} from '../../contract';
import type { Db } from '../../../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import { newId } from '../ids';
import type { MediaStore } from '../media/media.store';
import { ProductsDao } from './products.dao';
import { CatalogSearch, searchDoc } from './search/catalog-search';
import { SkuKeys } from './sku-keys';

/**
 * Product rules: unique SKU (compared by `skuKey`, so look-alikes count as the same), variant
 * SKUs unique across the catalog, images must exist in the media store, changes are pushed, and
 * the search index follows every committed write.
 */
export class ProductsService {
  readonly dao: ProductsDao;
  readonly search: CatalogSearch;
  readonly skuKeys: SkuKeys;
  constructor(
    private readonly db: Db,
    sqlite: Database.Database,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly mediaStore: MediaStore,
  ) {
    this.dao = new ProductsDao(db);
    this.search = new CatalogSearch(sqlite);
    this.skuKeys = new SkuKeys(sqlite);
  }

  async list(input: ProductListInput): Promise<{ items: Product[]; total: number }> {
    const { limit = 200, offset = 0, ...query } = input;
    const { ids, total } = await this.search.list(query, limit, offset);
    return { items: this.dao.getMany(ids), total };
  }

  get(id: string): Product {
    const product = this.dao.get(id);
    if (!product) throw new AppError('NOT_FOUND', `No product with id ${id}`, { id });
    return product;
  }

  create(fields: ProductFields): Product {
    const id = newId('prd');
    this.skuKeys.ensure();
    uniqueAsConflict(() =>
      this.db.transaction(() => {
        this.assertSkuFree(fields.sku, id);
        this.assertVariantSkusFree(fields.variants, id);
        this.assertImages(fields.images);
        this.dao.insert(id, fields, this.clock.now());
      }),
    );
    return this.changed(id);
  }

  update(input: ProductUpdateInput): Product {
    const { id, ...patch } = input;
    this.skuKeys.ensure();
    uniqueAsConflict(() =>
      this.db.transaction(() => {
        this.get(id);
        if (patch.sku !== undefined) this.assertSkuFree(patch.sku, id);
        if (patch.variants) this.assertVariantSkusFree(patch.variants, id);
        if (patch.images) this.assertImages(patch.images);
        this.dao.update(id, patch, this.clock.now());
      }),
    );
    return this.changed(id);
  }

  delete(id: string): { id: string } {
    if (!this.dao.delete(id)) throw new AppError('NOT_FOUND', `No product with id ${id}`, { id });
    this.search.remove(id);
    this.bus.dataChanged('products');
    return { id };
  }

  /** After a write committed: refresh the index entry, push the change, return the product. */
  private changed(id: string): Product {
    const product = this.get(id);
    this.search.upsert([searchDoc(product)]);
    this.bus.dataChanged('products');
    return product;
  }

  /** 409 naming the product whose SKU is this one or looks like it (another product than `ownId`). */
  private assertSkuFree(sku: string, ownId: string): void {
    const existing = this.dao.getBySku(sku);
    if (existing && existing.id !== ownId) {
      const alike = existing.sku === sku ? '' : ` (as ${existing.sku}: SKUs are compared ignoring case, width and invisible characters)`;
      throw new AppError('CONFLICT', `SKU ${sku} is already used by "${existing.title}"${alike}`, {
        field: 'sku',
        sku,
        id: existing.id,
        existingSku: existing.sku,
        key: skuKey(sku),
      });
    }
  }

  private assertVariantSkusFree(variants: ProductVariant[], ownId: string): void {
    const owners = this.dao.variantOwners(variants.map((v) => v.sku));
    for (const [i, v] of variants.entries()) {
      const owner = owners.get(v.sku);
      if (owner !== undefined && owner !== ownId) {
        throw new AppError('CONFLICT', `Variant SKU ${v.sku} already belongs to another product`, {
          field: `variants.${i}.sku`,
          sku: v.sku,
          id: owner,
        });
      }
    }
  }

  private assertImages(images: string[]): void {
    const missing = images.filter((h) => !this.mediaStore.exists(h));
    if (missing.length > 0) {
      throw new AppError('BAD_INPUT', `Unknown image(s): ${missing.join(', ')}`, {
        issues: [{ path: ['images'], code: 'unknown_media', message: 'Image not found in the media library' }],
      });
    }
  }
}

/**
 * The checks above name the product in the way; the unique indexes are the last word (a row
 * written meanwhile by another writer): their refusal is a 409 too, never a 500.
 */
function uniqueAsConflict(write: () => void): void {
  try {
    write();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('CONFLICT', 'That SKU is already used by another product (or variant)', { field: 'sku' });
    }
    throw error;
  }
}
