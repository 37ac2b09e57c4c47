import type { TFunction } from 'i18next';

/** A product field's name in the user's language, for error lines ("变体: SKU 已存在"). */
export function fieldLabel(t: TFunction, field: string): string {
  switch (field) {
    case 'variants':
      return t('catalog.fields.variants');
    case 'barcode':
      return t('catalog.fields.barcode');
    default:
      return t(`product.fields.${field as 'sku'}`, { defaultValue: field });
  }
}
