import type Database from 'better-sqlite3';
import {
  AppError,
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

/**
 * Product rules: unique SKU, variant SKUs unique across the catalog, images must exist in the
 * media store, changes are pushed, and the search index follows every committed write.
 */
export class ProductsService {
  readonly dao: ProductsDao;
  readonly search: CatalogSearch;
  constructor(
    private readonly db: Db,
    sqlite: Database.Database,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly mediaStore: MediaStore,
  ) {
    this.dao = new ProductsDao(db);
    this.search = new CatalogSearch(sqlite);
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
    this.db.transaction(() => {
      this.assertSkuFree(fields.sku);
      this.assertVariantSkusFree(fields.variants, id);
      this.assertImages(fields.images);
      this.dao.insert(id, fields, this.clock.now());
    });
    return this.changed(id);
  }

  update(input: ProductUpdateInput): Product {
    const { id, ...patch } = input;
    this.db.transaction(() => {
      const current = this.get(id);
      if (patch.sku !== undefined && patch.sku !== current.sku) this.assertSkuFree(patch.sku);
      if (patch.variants) this.assertVariantSkusFree(patch.variants, id);
      if (patch.images) this.assertImages(patch.images);
      this.dao.update(id, patch, this.clock.now());
    });
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

  private assertSkuFree(sku: string): void {
    const existing = this.dao.getBySku(sku);
    if (existing) {
      throw new AppError('CONFLICT', `SKU ${sku} is already used by "${existing.title}"`, {
        field: 'sku',
        sku,
        id: existing.id,
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
