import type { RouterPart } from '../handlers';
import type { ProductsService } from './products.service';

export function productsRouter(
  products: ProductsService,
): RouterPart<'products.list' | 'products.get' | 'products.create' | 'products.update' | 'products.delete'> {
  return {
    'products.list': (input) => products.list(input),
    'products.get': ({ id }) => products.get(id),
    'products.create': (input) => products.create(input),
    'products.update': (input) => products.update(input),
    'products.delete': ({ id }) => products.delete(id),
  };
}
