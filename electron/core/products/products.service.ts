import { AppError, type Product, type ProductFields, type ProductUpdateInput } from '../../contract';
import type { Db } from '../../../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import { newId } from '../ids';
import type { MediaStore } from '../media/media.store';
import { ProductsDao } from './products.dao';

/** Product rules: unique SKU, images must exist in the media store, changes are pushed. */
export class ProductsService {
  readonly dao: ProductsDao;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly mediaStore: MediaStore,
  ) {
    this.dao = new ProductsDao(db);
  }

  list(input: { q?: string; includeArchived?: boolean; limit?: number; offset?: number }) {
    return this.dao.list({ ...input, limit: input.limit ?? 200, offset: input.offset ?? 0 });
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
      this.assertImages(fields.images);
      this.dao.insert(id, fields, this.clock.now());
    });
    this.bus.dataChanged('products');
    return this.get(id);
  }

  update(input: ProductUpdateInput): Product {
    const { id, ...patch } = input;
    this.db.transaction(() => {
      const current = this.get(id);
      if (patch.sku !== undefined && patch.sku !== current.sku) this.assertSkuFree(patch.sku);
      if (patch.images) this.assertImages(patch.images);
      this.dao.update(id, patch, this.clock.now());
    });
    this.bus.dataChanged('products');
    return this.get(id);
  }

  delete(id: string): { id: string } {
    if (!this.dao.delete(id)) throw new AppError('NOT_FOUND', `No product with id ${id}`, { id });
    this.bus.dataChanged('products');
    return { id };
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

  private assertImages(images: string[]): void {
    const missing = images.filter((h) => !this.mediaStore.exists(h));
    if (missing.length > 0) {
      throw new AppError('BAD_INPUT', `Unknown image(s): ${missing.join(', ')}`, {
        issues: [{ path: ['images'], code: 'unknown_media', message: 'Image not found in the media library' }],
      });
    }
  }
}
