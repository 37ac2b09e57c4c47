import { AppError, type Product, type ProductFields } from '../../../../electron/contract';
import type { ApiClient } from '../../api/client';

const SKU_MAX = 64;
const TRIES = 50;

/** `CC-1` → `CC-1-copy`, then `CC-1-copy-2`, … cut so the result still fits 64 characters. */
export function copySku(sku: string, attempt: number): string {
  const suffix = attempt === 1 ? '-copy' : `-copy-${attempt}`;
  return sku.slice(0, SKU_MAX - suffix.length) + suffix;
}

/** The product's fields as a new product, every SKU (its variants' too) suffixed. */
export function copyFields(p: Product, attempt: number): ProductFields {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = p;
  return {
    ...fields,
    sku: copySku(p.sku, attempt),
    variants: p.variants.map((v) => ({ ...v, sku: copySku(v.sku, attempt) })),
  };
}

/**
 * Duplicate a product under the first free `-copy` SKU. The server is the judge of "free" (it
 * answers CONFLICT for a taken product or variant SKU), so two people duplicating at once still
 * get two different copies.
 */
export async function duplicateProduct(api: ApiClient, product: Product): Promise<Product> {
  const fresh = await api.call('products.get', { id: product.id });
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.call('products.create', copyFields(fresh, attempt));
    } catch (error) {
      const taken = error instanceof AppError && error.code === 'CONFLICT';
      if (!taken || attempt >= TRIES) throw error;
    }
  }
}
