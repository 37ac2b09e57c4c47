import type { Clock } from '../clock';
import type { RouterPart } from '../handlers';
import { exportCatalog } from './export/export.service';
import type { ImportService } from './import/import.service';
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

export function catalogIoRouter(
  products: ProductsService,
  importer: ImportService,
  clock: Clock,
): RouterPart<'products.import.preview' | 'products.import.apply' | 'products.import.cancel' | 'products.export'> {
  return {
    'products.import.preview': (input) => importer.preview(input),
    'products.import.apply': (input) => importer.apply(input),
    'products.import.cancel': ({ importId }) => importer.cancel(importId),
    'products.export': async (input) => {
      const { bytes, ...out } = await exportCatalog(products.dao, clock, input);
      return { ...out, contentBase64: bytes.toString('base64') };
    },
  };
}
