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
    'products.import.preview': (input, ctx) => importer.preview(input, ctx.files?.in),
    'products.import.apply': (input, ctx) => importer.apply(input, ctx.files?.in),
    'products.import.cancel': ({ importId }) => importer.cancel(importId),
    'products.export': async (input, ctx) => {
      const { bytes, ...out } = await exportCatalog(products.dao, clock, input);
      if (ctx.files) {
        ctx.files.out = bytes;
        return { ...out, contentBase64: '' };
      }
      return { ...out, contentBase64: bytes.toString('base64') };
    },
  };
}
