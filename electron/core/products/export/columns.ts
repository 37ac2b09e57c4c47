import type { ImportField, Product, ProductVariant } from '../../../contract';

/**
 * The Cuecart spreadsheet layout, shared by the exporter and the importer so an export always
 * re-imports as the same catalog. One row per product, then one row per variant carrying the
 * product's SKU and the variant columns only. Prices are in major units (19.99), as people
 * type them; lists are one item per line; FAQ is JSON.
 */
export interface Column {
  header: string;
  field: ImportField;
  /** 'money', 'int' and 'percent' (basis points written as a percentage) become numbers in XLSX. */
  kind: 'text' | 'money' | 'int' | 'percent';
  product?: (p: Product) => string | number | null;
  variant?: (v: ProductVariant) => string | number | null;
}

/**
 * A list in one cell: one item per line, as people type it; as a JSON array when an item has a
 * line break of its own or the cell would start with "[" (so the importer can tell them apart).
 */
export function listCell(items: string[]): string {
  const joined = items.join('\n');
  return items.some((i) => /[\r\n]/.test(i)) || joined.startsWith('[') ? JSON.stringify(items) : joined;
}

export const EXPORT_COLUMNS: Column[] = [
  { header: 'SKU', field: 'sku', kind: 'text', product: (p) => p.sku },
  { header: 'Title', field: 'title', kind: 'text', product: (p) => p.title },
  { header: 'Short Title', field: 'shortTitle', kind: 'text', product: (p) => p.shortTitle },
  { header: 'Brand', field: 'brand', kind: 'text', product: (p) => p.brand },
  { header: 'Category', field: 'category', kind: 'text', product: (p) => p.category },
  { header: 'Tags', field: 'tags', kind: 'text', product: (p) => listCell(p.tags) },
  { header: 'List Price', field: 'listPrice', kind: 'money', product: (p) => p.listPrice },
  { header: 'Live Price', field: 'livePrice', kind: 'money', product: (p) => p.livePrice },
  { header: 'Floor Price', field: 'floorPrice', kind: 'money', product: (p) => p.floorPrice },
  { header: 'Currency', field: 'currency', kind: 'text', product: (p) => p.currency },
  { header: 'Stock', field: 'stock', kind: 'int', product: (p) => p.stock },
  { header: 'Limit Per Buyer', field: 'limitPerBuyer', kind: 'int', product: (p) => p.limitPerBuyer },
  { header: 'Role', field: 'role', kind: 'text', product: (p) => p.role },
  { header: 'Selling Points', field: 'sellingPoints', kind: 'text', product: (p) => listCell(p.sellingPoints) },
  { header: 'Talking Points', field: 'talkingPoints', kind: 'text', product: (p) => p.talkingPoints },
  { header: 'FAQ', field: 'faq', kind: 'text', product: (p) => (p.faq.length > 0 ? JSON.stringify(p.faq) : '') },
  { header: 'Link', field: 'link', kind: 'text', product: (p) => p.link },
  { header: 'Notes', field: 'notes', kind: 'text', product: (p) => p.notes },
  { header: 'Archived', field: 'archived', kind: 'text', product: (p) => (p.archived ? 'true' : 'false') },
  { header: 'Barcode', field: 'barcode', kind: 'text', product: (p) => p.barcode },
  { header: 'Images', field: 'images', kind: 'text', product: (p) => p.images.join('\n') },
  { header: 'Shop Name', field: 'shopName', kind: 'text', product: (p) => p.shopName },
  { header: 'Platform IDs', field: 'platformIds', kind: 'text', product: (p) => (Object.keys(p.platformIds).length > 0 ? JSON.stringify(p.platformIds) : '') },
  { header: 'Commission Rate (%)', field: 'commissionRate', kind: 'percent', product: (p) => p.commissionRate },
  { header: 'Coupon Amount', field: 'couponAmount', kind: 'money', product: (p) => p.couponAmount },
  { header: 'Price After Coupon', field: 'priceAfterCoupon', kind: 'money', product: (p) => p.priceAfterCoupon },
  { header: 'Cost Price', field: 'costPrice', kind: 'money', product: (p) => p.costPrice },
  { header: 'Monthly Sales', field: 'monthlySales', kind: 'int', product: (p) => p.monthlySales },
  { header: 'Variant SKU', field: 'variantSku', kind: 'text', variant: (v) => v.sku },
  { header: 'Variant Title', field: 'variantTitle', kind: 'text', variant: (v) => v.title },
  { header: 'Option1 Name', field: 'option1Name', kind: 'text', variant: (v) => v.options[0]?.name ?? '' },
  { header: 'Option1 Value', field: 'option1Value', kind: 'text', variant: (v) => v.options[0]?.value ?? '' },
  { header: 'Option2 Name', field: 'option2Name', kind: 'text', variant: (v) => v.options[1]?.name ?? '' },
  { header: 'Option2 Value', field: 'option2Value', kind: 'text', variant: (v) => v.options[1]?.value ?? '' },
  { header: 'Option3 Name', field: 'option3Name', kind: 'text', variant: (v) => v.options[2]?.name ?? '' },
  { header: 'Option3 Value', field: 'option3Value', kind: 'text', variant: (v) => v.options[2]?.value ?? '' },
  { header: 'Variant List Price', field: 'variantListPrice', kind: 'money', variant: (v) => v.listPrice },
  { header: 'Variant Live Price', field: 'variantLivePrice', kind: 'money', variant: (v) => v.livePrice },
  { header: 'Variant Stock', field: 'variantStock', kind: 'int', variant: (v) => v.stock },
  { header: 'Variant Barcode', field: 'variantBarcode', kind: 'text', variant: (v) => v.barcode },
];

/** The columns every Cuecart export has had (newer ones may be missing from an older file). */
export const CORE_EXPORT_HEADERS = ['SKU', 'Title', 'Short Title', 'List Price', 'Live Price', 'Variant SKU', 'Option1 Name'];
